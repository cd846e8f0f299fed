"""Today's session as a returning candidate runs it: one button on the home page starts
it, a bar on each step's page says where they are and leads to the next (the quiz already
narrowed to their weakest track), and finishing brings them back to a summary of what
they did. A first visitor can start it without Python; ending it early leaves no bar.
Keyboard only where it applies, axe clean in both palettes, no sideways scroll at 360 px."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.browser.axe_helpers import axe_clean
from tests.browser.page_types_practice import (
    DAY_MS,
    FLASHCARDS,
    SEED_JS,
    TIMEOUT,
    flashcards_ready,
)
from tests.browser.test_today import open_home

pytestmark = pytest.mark.browser
BAR = "article .mlw-session"
START = ".mlw-today .mlw-today__start"
# Two tracks studied, so the engine has a weakest one to name.
REVIEWS = [("bias-variance", "strong_hire", -2), ("overfitting", "no_hire", -1)]
FITS = "document.scrollingElement.scrollWidth <= window.innerWidth"


def press(page, locator) -> None:
    locator.focus()
    page.keyboard.press("Enter")


def bar_says(page, text: str) -> None:
    page.locator(BAR).get_by_text(text).wait_for(timeout=TIMEOUT)


def seeded_home(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    page.wait_for_function("() => window.MLGuide && MLGuide.py.isReady", timeout=TIMEOUT)
    page.evaluate(SEED_JS, [REVIEWS, [], DAY_MS])
    open_home(page, site_url)
    page.locator(".mlw-today .mlw-stats").wait_for(timeout=TIMEOUT)
    # no session finished today: nothing in its place (not even the word "null")
    assert "null" not in page.locator(".mlw-today").inner_text()
    assert page.locator(".mlw-today__done").count() == 0


def test_a_session_runs_from_start_to_summary(page, site_url: str) -> None:
    seeded_home(page, site_url)
    weakest = page.evaluate(
        "async () => (await MLGuide.py.call('dashboard', {progress: MLGuide.progressStore.peek(),"
        " now_ms: Date.now(), tz_offset_min: 0})).weakest"
    )
    press(page, page.locator(START))

    # step 1: the flashcards, with the bar; one card graded by keyboard
    bar_says(page, "Step 1 of 3")
    flashcards_ready(page)
    page.locator(".mlw-fc__heading").focus()
    page.keyboard.press("Space")
    page.locator(".mlw-fc__answer").wait_for()
    page.locator(".mlw-fc__answer-title").focus()
    page.keyboard.press("4")
    page.locator(".mlw-fc__result").wait_for()

    # step 2: the quiz, started at once on the weakest track, five questions
    press(page, page.locator(BAR).get_by_role("link", name="Next: Take a short quiz"))
    bar_says(page, "Step 2 of 3")
    setup = page.locator(".mlw-quiz .mlw-setup")
    # today's session keeps to the core set (the must-know questions)
    drawn = re.compile(rf"{re.escape(weakest['title'])} · Core \(must-know\) · 5 questions")
    expect(setup).to_have_text(drawn, timeout=TIMEOUT)
    page.locator(".mlw-quiz .mlw-question__count").wait_for(timeout=TIMEOUT)
    assert page.evaluate(FITS)

    # step 3, then back home to what the session came to
    press(page, page.locator(BAR).get_by_role("link", name="Next: Work through one practice"))
    bar_says(page, "Step 3 of 3")
    press(page, page.locator(BAR).get_by_role("link", name="Finish the session"))
    done = page.locator(".mlw-today__done")
    done.wait_for(timeout=TIMEOUT)
    assert "1 card reviewed (Strong hire 1); no quiz answers." in done.inner_text()
    assert page.locator(BAR).count() == 0
    assert page.locator(START).inner_text() == "Start today's session"


def test_a_first_visitor_starts_without_python_and_can_end_it(page, site_url: str) -> None:
    open_home(page, site_url)
    assert page.evaluate("MLGuide.py.ready === null")
    press(page, page.locator(START))
    bar_says(page, "Step 1 of 3")
    # back home, the panel offers to go on with it rather than start again
    open_home(page, site_url)
    assert page.locator(START).inner_text() == "Continue today's session: step 1 of 3"
    press(page, page.locator(START))
    bar_says(page, "Step 1 of 3")
    press(page, page.locator(BAR).get_by_role("button", name="End session"))
    page.locator(BAR).wait_for(state="detached")
    page.reload()
    page.locator(".mlw-fc").wait_for()
    assert page.locator(BAR).count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_bar_is_axe_clean_and_fits_a_phone(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(
        bypass_csp=True, color_scheme=scheme, service_workers="block",
        viewport={"width": 360, "height": 740},
    )  # fmt: skip
    try:
        page = context.new_page()
        open_home(page, site_url)
        press(page, page.locator(START))
        bar_says(page, "Step 1 of 3")
        press(page, page.locator(BAR).get_by_role("link", name="Next:"))
        bar_says(page, "Step 2 of 3")
        axe_clean(page, f"the session bar on the quiz ({scheme}, 360 px)")
        assert page.evaluate(FITS)
    finally:
        context.close()
