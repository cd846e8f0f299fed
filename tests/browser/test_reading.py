"""Reading on a phone and a desktop: the answer inside "Full Answer + Rubric" at the body's
size, no page wider than a 360px screen, and a track page with its block open axe-clean in
both palettes."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean
from tests.browser.page_types import PAGE_TYPES, SETTLED
from tests.browser.page_types_exercises import EXAMPLE_PATH

pytestmark = pytest.mark.browser
TIMEOUT = 90_000
TRACK = "tracks/fundamentals/"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# One page of every page type a reader meets.
PAGES = {
    "home": "",
    "track": TRACK,
    "question-index": "questions/",
    "tags": "questions/tags/",
    "problems": "problems/",
    "problem-area": "problems/worked/",
    "framework": "frameworks/problem/",
    "quiz": "drill/quiz/",
    "flashcards": "drill/flashcards/",
    "mock": "drill/mock/",
    "dashboard": "drill/dashboard/",
    "exercise": EXAMPLE_PATH,
    "study-plan": "study/plan/",
}

# Widget states that draw wide things: tables, score cards, an answered quiz, feedback.
STATES = ["quiz-answered", "flashcards-revealed", "mock-scorecard", "dashboard-data",
          "exercise-check-failed"]  # fmt: skip

OPEN_ALL = "() => { for (const d of document.querySelectorAll('details')) d.open = true; }"
OPEN_FIRST_BLOCK = """() => {
  const block = document.querySelector(".qcard details.answer");
  block.open = true;
  return block.open;
}"""

# Computed sizes: the answer's own paragraphs inside the open block (the ladder's included),
# and a paragraph of the page body outside any card.
SIZES = """() => {
  const size = (el) => getComputedStyle(el).fontSize;
  const inside = [...document.querySelectorAll(".qcard details.answer[open] p")].map(size);
  const body = size(document.querySelector(".md-content .md-typeset > p"));
  return { inside: [...new Set(inside)], body };
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_answer_text_in_the_open_block_is_at_the_body_size(browser, site_url, viewport) -> None:
    context = browser.new_context(viewport=viewport, service_workers="block")
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, TRACK))
        page.locator(".qcard details.answer").first.wait_for(state="attached")
        assert page.evaluate(OPEN_FIRST_BLOCK)
        page.locator(".qcard details.answer[open] .qladder__step p").first.wait_for()
        sizes = page.evaluate(SIZES)
        assert sizes["inside"] == [sizes["body"]], sizes
    finally:
        context.close()


def test_no_page_is_wider_than_a_phone(browser, site_url) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.set_default_timeout(TIMEOUT)
    wide: dict[str, int] = {}
    try:
        page = context.new_page()
        for name, path in PAGES.items():
            response = page.goto(urljoin(site_url, path))
            assert response is not None and response.status == 200, name
            page.wait_for_function(SETTLED, timeout=TIMEOUT)
            page.evaluate(OPEN_ALL)  # every disclosure open: settings, tags, answers
            width = page.evaluate("document.scrollingElement.scrollWidth")
            if width > PHONE["width"]:
                wide[name] = width
    finally:
        context.close()
    assert wide == {}


def test_no_widget_state_is_wider_than_a_phone(browser, site_url) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.set_default_timeout(TIMEOUT)
    wide: dict[str, int] = {}
    try:
        page = context.new_page()
        for name in STATES:
            path, setup = PAGE_TYPES[name]
            page.goto(urljoin(site_url, path))
            page.wait_for_function(SETTLED, timeout=TIMEOUT)
            setup(page)
            width = page.evaluate("document.scrollingElement.scrollWidth")
            if width > PHONE["width"]:
                wide[name] = width
    finally:
        context.close()
    assert wide == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_track_page_with_its_block_open_is_axe_clean(browser, site_url, scheme, viewport) -> None:
    # axe is injected by evaluate; bypass_csp lets it run without loosening the site's CSP.
    context = browser.new_context(
        bypass_csp=True, color_scheme=scheme, viewport=viewport, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT)
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, TRACK))
        page.wait_for_function(SETTLED, timeout=TIMEOUT)
        assert page.evaluate(OPEN_FIRST_BLOCK)
        page.locator(".guide-tags__more summary").click()  # the page's tags, opened
        rubric = page.locator(".qcard details.answer[open] .qrubric__card").first
        rubric.scroll_into_view_if_needed()
        axe_clean(page, f"{TRACK} {scheme} {viewport['width']}px")
    finally:
        context.close()
