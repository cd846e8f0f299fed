"""A track page skips the layout of answers far from the screen while it loads (guide.css:
`content-visibility: auto`), then lays every answer out once it is idle
(frontend/page/cards.js). Until then a far answer keeps a guessed height, and a checker that
asks where its text sits, as Lighthouse's axe does on a page it never scrolls, finds the text
spilled over the next card or the footer and reads the wrong background behind it (contrast
1.2:1, buttons "obscured"). Read here on a phone-sized screen, as Lighthouse does."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import violations

pytestmark = pytest.mark.browser
TRACK = "tracks/fundamentals/"
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile screen
# Every card and every answer holds its content: nothing ends below its box.
ALL_FIT = """() => [...document.querySelectorAll('.qcard, .qcard__answer')].every((box) => {
  const last = box.lastElementChild;
  return !last || last.getBoundingClientRect().bottom <= box.getBoundingClientRect().bottom + 1;
})"""
SKIPPED = "() => document.querySelectorAll('.qcard__answer:not(.qcard__answer--laid)').length"


@pytest.fixture
def phone(browser):
    # axe is injected by evaluate; bypass_csp lets it run without loosening the site's CSP.
    context = browser.new_context(bypass_csp=True, viewport=PHONE, service_workers="block")
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


# Registered before the site's script runs, so it reads the page at its load event, before
# any idle slice has laid an answer out.
AT_LOAD = """window.addEventListener("load", () => {
  const answers = [...document.querySelectorAll(".qcard__answer")];
  const shown = {contentVisibilityAuto: true};
  const skipped = (a) => a.firstElementChild?.checkVisibility(shown) === false;
  window.__atLoad = {answers: answers.length, skipped: answers.filter(skipped).length};
});"""


def test_far_answers_start_skipped_then_every_answer_is_laid_out(phone, site_url: str) -> None:
    phone.add_init_script(AT_LOAD)
    phone.goto(urljoin(site_url, TRACK))
    phone.wait_for_function("() => window.__atLoad")
    at_load = phone.evaluate("window.__atLoad")
    # what content-visibility buys stays: at load, the far answers are not laid out
    assert at_load["answers"] >= 10
    assert 0 < at_load["skipped"] < at_load["answers"]
    phone.wait_for_function(f"() => ({SKIPPED})() === 0")
    phone.wait_for_function(ALL_FIT)


def test_a_track_page_left_unscrolled_passes_axe(phone, site_url: str) -> None:
    phone.goto(urljoin(site_url, TRACK))
    phone.wait_for_function(ALL_FIT)
    found = violations(phone)
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in found] == []


# The first answer and what follows it, where they sit.
WHERE = """() => {
  const answer = document.querySelector('.qcard__answer');
  const next = answer.nextElementSibling;
  return [answer.firstElementChild.getBoundingClientRect().top,
          answer.lastElementChild.getBoundingClientRect().bottom,
          next.getBoundingClientRect().top];
}"""


def test_laying_an_answer_out_for_good_moves_nothing(phone, site_url: str) -> None:
    # no idle time: the page's own slices never run, the test lays the answer out itself
    phone.add_init_script("window.requestIdleCallback = () => 0;")
    phone.goto(urljoin(site_url, TRACK))
    before = phone.evaluate(WHERE)
    phone.evaluate(
        "() => document.querySelector('.qcard__answer').classList.add('qcard__answer--laid')"
    )
    assert phone.evaluate(WHERE) == before
