"""The header's due badge as a returning candidate meets it: absent for a new reader, the
count of flashcards due on every page (reading pages included, without starting Python),
a link that takes them to the flashcards, and gone once the due card is graded. Axe clean
in both palettes, and the header still fits a 360 px phone."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean
from tests.browser.page_types_practice import (
    DAY_MS,
    FLASHCARDS,
    SEED_JS,
    TIMEOUT,
    flashcards_ready,
)

pytestmark = pytest.mark.browser
BADGE = ".md-header .mlw-due"
READING = "tracks/fundamentals/"
# One card lapsed a month ago (due long since), one graded just now (due in 10 minutes).
REVIEWS = [("bias-variance", "no_hire", -30), ("overfitting", "strong_hire", 0)]
FIND = "const b = document.querySelector('.md-header .mlw-due');"
BADGE_SAYS = f"(text) => {{ {FIND} return !!b && !b.hidden && b.textContent === text; }}"
BADGE_GONE = f"() => {{ {FIND} return !b || b.hidden; }}"


def open_page(context, site_url: str, path: str):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(urljoin(site_url, path))
    return page


@pytest.fixture
def context(browser):
    context = browser.new_context(service_workers="block", viewport={"width": 1280, "height": 800})
    yield context
    context.close()


def test_the_badge_follows_the_due_cards_across_pages(context, site_url: str) -> None:
    page = open_page(context, site_url, FLASHCARDS)
    flashcards_ready(page)
    assert page.evaluate(BADGE_GONE)  # a new reader has nothing due
    page.evaluate(SEED_JS, [REVIEWS, [], DAY_MS])
    page.wait_for_function(BADGE_SAYS, arg="1 due", timeout=TIMEOUT)

    # a reading page counts from what was kept, and starts no Python for it
    page.goto(urljoin(site_url, READING))
    page.wait_for_function(BADGE_SAYS, arg="1 due", timeout=TIMEOUT)
    assert page.evaluate("MLGuide.py.ready === null")
    badge = page.locator(BADGE)
    assert badge.get_attribute("aria-label") == "1 due: 1 flashcard to review"
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        axe_clean(page, f"reading page with the due badge, {scheme}")

    # by keyboard, to the flashcards, where grading the due card clears the badge
    badge.focus()
    page.keyboard.press("Enter")
    flashcards_ready(page)
    page.locator(".mlw-fc__heading").focus()
    page.keyboard.press("Space")
    page.locator(".mlw-fc__answer").wait_for()
    page.locator(".mlw-fc__answer-title").focus()
    page.keyboard.press("4")
    page.locator(".mlw-fc__result").wait_for()
    page.wait_for_function(BADGE_GONE, timeout=TIMEOUT)


def test_the_badge_fits_a_phone_header(browser, site_url: str) -> None:
    context = browser.new_context(service_workers="block", viewport={"width": 360, "height": 740})
    try:
        page = open_page(context, site_url, FLASHCARDS)
        page.wait_for_function("() => window.MLGuide && MLGuide.py.isReady", timeout=TIMEOUT)
        page.evaluate(SEED_JS, [REVIEWS, [], DAY_MS])
        page.wait_for_function(BADGE_SAYS, arg="1 due", timeout=TIMEOUT)
        page.goto(urljoin(site_url, READING))
        page.wait_for_function(BADGE_SAYS, arg="1 due", timeout=TIMEOUT)
        assert page.locator(BADGE).is_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        box = page.locator(BADGE).bounding_box()
        assert box and box["x"] + box["width"] <= 360 and box["height"] >= 24
    finally:
        context.close()
