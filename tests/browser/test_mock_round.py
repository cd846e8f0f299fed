"""The mock round as a candidate runs it, keyboard only, on a 1280 px desktop and a 360 px
phone, in the light and the dark palette: "I'm done" shows the question's rubric and the
round level's answer before any grade button; ending early saves a partial round and
says so at once; the scorecard has grade chips in words, times against targets and the
history; "Redo the weak ones" starts a round of the weak questions. axe checks each state."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean, key
from tests.browser.page_types_practice import MOCK, TIMEOUT
from tests.browser.quiz_helpers import STORAGE_KEY

pytestmark = pytest.mark.browser
ROUND_KEY = STORAGE_KEY.replace(":progress", ":mock-round")
DESKTOP, PHONE = {"width": 1280, "height": 800}, {"width": 360, "height": 740}
SCREENS = {
    "desktop-light": (DESKTOP, "light"),
    "desktop-dark": (DESKTOP, "dark"),
    "phone-light": (PHONE, "light"),
    "phone-dark": (PHONE, "dark"),
}
FOCUSED_IN = "sel => !!document.activeElement?.closest(sel)"


def stored(page, key_name: str) -> dict | None:
    raw = page.evaluate("k => localStorage.getItem(k)", key_name)
    return json.loads(raw) if raw is not None else None


def status_says(page, text: str) -> None:
    page.wait_for_function(
        "t => document.querySelector('.mlw-mock [role=status]').textContent.includes(t)",
        arg=text,
        timeout=TIMEOUT,
    )


def no_overflow(page, where: str) -> None:
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"{where}: the page is {wide} px wider than the screen"


def check_states(page, where: str) -> None:
    no_overflow(page, where)
    axe_clean(page, where)


@pytest.fixture(params=list(SCREENS))
def screen(request, browser, site_url: str):
    viewport, scheme = SCREENS[request.param]
    context = browser.new_context(
        viewport=viewport, color_scheme=scheme, bypass_csp=True, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(urljoin(site_url, MOCK))
    yield page, request.param
    context.close()
    assert not errors


def test_done_step_partial_round_and_redo_by_keyboard(screen) -> None:
    page, where = screen
    mock = page.locator(".mlw-mock")
    page.locator(".mlw-mock fieldset:not([disabled])").wait_for(timeout=TIMEOUT)
    key(page, ".mlw-mock select[name=level]", "ArrowDown")  # L4 -> L5
    key(page, ".mlw-mock form button[type=submit]")
    mock.locator(".mlw-mock__count", has_text="Question 1 of").wait_for(timeout=TIMEOUT)
    first = stored(page, ROUND_KEY)["mock"]["questions"][0]
    total = len(stored(page, ROUND_KEY)["mock"]["questions"])

    # Before "I'm done" there is nothing to grade with.
    assert mock.locator(".mlw-grade").count() == 0
    key(page, ".mlw-mock__done-button")
    mock.locator(".mlw-mock__review-title").wait_for()
    assert page.evaluate(FOCUSED_IN, ".mlw-mock__review-title")
    status_says(page, "Here is how the answer is judged")
    review = mock.locator(".mlw-mock__done")
    assert "Your time: 00:" in review.locator(".mlw-mock__used").inner_text()
    assert review.get_by_role("heading", name="What an L5 (senior) answer says").count() == 1
    store = page.locator(f'.mk-store .mk-card[data-mk-id="{first["id"]}"]')
    level_text = store.locator('.mk-card__level[data-mk-level="L5"]').text_content().strip()
    assert review.locator(".mlw-mock__expect").text_content().strip() == level_text
    labels = review.locator(".mlw-mock__rubric .qrubric__label").all_inner_texts()
    assert labels == ["Strong hire", "Lean hire", "No hire"]
    # the rubric comes before the grade buttons, which come only now
    order = page.evaluate(
        """() => {
          const rubric = document.querySelector('.mlw-mock__rubric');
          const grade = document.querySelector('.mlw-mock .mlw-grade');
          return !!(rubric.compareDocumentPosition(grade) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert order
    check_states(page, f"done step, {where}")

    key(page, ".mlw-mock .mlw-grade--no_hire")
    mock.locator(".mlw-mock__count", has_text="Question 2 of").wait_for()
    assert stored(page, ROUND_KEY)["mock"]["seconds"][0] >= 0

    # Ending early saves a partial round and says so at once.
    key(page, ".mlw-mock__end")
    heading = mock.locator(".mlw-mock__score")
    heading.wait_for(timeout=TIMEOUT)
    assert heading.inner_text() == "Scorecard: partial round"
    assert page.evaluate(FOCUSED_IN, ".mlw-mock__score")
    note = f"Partial: ended early: 1 of {total} questions graded."
    assert mock.locator(".mlw-mock__partial").inner_text().startswith(note)
    status_says(page, f"You ended the round early. {note}")
    (kept,) = stored(page, STORAGE_KEY)["mocks"]
    assert kept["ended"] == "ended" and kept["grades"] == ["no_hire"]
    assert len(kept["seconds"]) == 1 and kept["seconds"][0] >= 0
    assert stored(page, ROUND_KEY) is None

    chips = mock.locator(".mlw-mock__scores tbody .mlw-chip")
    assert chips.all_inner_texts() == ["No hire"] + ["Not reached"] * (total - 1)
    assert "mlw-chip--no_hire" in chips.first.get_attribute("class")
    times = mock.locator(".mlw-mock__scores tbody .mlw-mock__time").all_inner_texts()
    assert "target" in times[0] and times[1:] == [""] * (total - 1)
    history = mock.locator(".mlw-mock__history tbody tr")
    assert history.count() == 1 and "Partial: ended early" in history.inner_text()
    check_states(page, f"partial scorecard, {where}")

    # Redo the weak ones: a new round of the one question graded no hire.
    key(page, ".mlw-mock__redo")
    mock.locator(".mlw-mock__count", has_text="Question 1 of 1").wait_for(timeout=TIMEOUT)
    redo = stored(page, ROUND_KEY)["mock"]
    assert [q["id"] for q in redo["questions"]] == [first["id"]] and redo["level"] == "L5"

    # A reload shows the recorded partial round under the setup.
    key(page, ".mlw-mock__discard")
    page.reload()
    mock.locator(".mlw-mock__history").wait_for(timeout=TIMEOUT)
    assert "Partial: ended early" in mock.locator(".mlw-mock__history").inner_text()
