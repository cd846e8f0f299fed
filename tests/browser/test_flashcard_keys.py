"""Flashcards with Anki's ergonomics, on a desktop and a 360 px phone: each grade button
says when the card would come back, Space reveals and 1-4 grade (never while typing), the
grade bar stays on screen while the answer is read on a phone, and a finished session
ends in a summary. axe checks the new states in both palettes on the phone (the desktop
states are in test_accessibility's page types)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean
from tests.browser.page_types_practice import (
    FLASHCARDS,
    INTERVALS_SHOWN,
    TIMEOUT,
    flashcards_ready,
    one_new_card_a_day,
)

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SHORT = re.compile(r"\d+(\.\d)? (min|h|d|wk|mo|y)")
ACTIVE_IN = "sel => !!document.activeElement?.closest(sel)"
# The bar is on screen: inside the viewport, at its bottom while the answer runs on below.
BAR_ON_SCREEN = """() => {
  const bar = document.querySelector('.mlw-fc__gradebar').getBoundingClientRect();
  return bar.top >= 0 && bar.bottom <= innerHeight + 1 && bar.height > 0;
}"""


@pytest.fixture(params=["desktop", "phone"])
def screen(request) -> dict:
    return {"desktop": DESKTOP, "phone": PHONE}[request.param]


def open_cards(browser, site_url: str, viewport: dict, scheme: str = "light"):
    context = browser.new_context(
        viewport=viewport, color_scheme=scheme, bypass_csp=True, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(urljoin(site_url, FLASHCARDS))
    one_new_card_a_day(page)
    return context, page, errors


def test_keys_intervals_and_the_summary(browser, site_url: str, screen: dict) -> None:
    context, page, errors = open_cards(browser, site_url, screen)
    try:
        fc = page.locator(".mlw-fc")
        flashcards_ready(page)  # the first card, there since the page loaded
        hint = fc.locator(".mlw-keys").inner_text()
        assert hint.startswith("Keys: Space reveals the answer, then 1 Didn't know")
        assert "4 Strong hire" in hint

        # In the answer box, Space and digits are typing, not shortcuts.
        box = fc.get_by_label("Your answer, if you want to type it")
        box.press("1")
        box.press("Space")
        box.press("4")
        assert box.input_value() == "1 4"
        assert fc.locator(".mlw-fc__answer").count() == 0
        fc.locator(".mlw-fc__heading").focus()
        page.keyboard.press("Space")  # reveals
        fc.locator(".mlw-fc__answer").wait_for()
        page.wait_for_function(INTERVALS_SHOWN)

        buttons = fc.locator(".mlw-grades .mlw-grade")
        shown = buttons.locator(".mlw-grade__when").all_inner_texts()
        assert all(SHORT.fullmatch(s) for s in shown), shown
        # a new card: Strong hire (Good) takes the 10-minute learning step, Didn't know and
        # No hire (Again) the 1-minute one, Lean hire (Hard) lies between
        assert shown[0] == "10 min" and shown[2:] == ["1 min", "1 min"], shown
        assert buttons.first.get_attribute("aria-keyshortcuts") == "4"
        # each name says the wait in words (the short form on screen is hidden from it)
        names = fc.locator(".mlw-grades").aria_snapshot()
        for name in (
            "Strong hire (next review in 10 minutes)",
            "Didn't know (next review in 1 minute)",
        ):
            assert f'button "{name}"' in names, names

        if screen is PHONE:
            # the answer runs past the screen, and the bar stays at its bottom
            assert page.evaluate(
                "() => document.querySelector('.mlw-fc__answer').getBoundingClientRect()"
                ".bottom > innerHeight"
            )
            page.wait_for_function(BAR_ON_SCREEN)
            page.mouse.wheel(0, 600)
            page.wait_for_function("() => scrollY > 300")
            page.wait_for_function(BAR_ON_SCREEN)
            assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
            axe_clean(page, "revealed card at 360 px, light")

        box.focus()  # read-only now, yet still a text field: keys stay its own
        page.keyboard.press("4")
        assert fc.locator(".mlw-fc__result").count() == 0
        fc.locator(".mlw-fc__answer-title").focus()
        page.keyboard.press("3")
        result = fc.locator(".mlw-fc__result")
        result.wait_for()
        assert result.inner_text().startswith("Graded: Lean hire. Next review in ")

        fc.locator(".mlw-fc__next", has_text="Finish").click()
        summary = fc.locator(".mlw-fc__summary")
        summary.locator(".mlw-fc__mix").wait_for()
        assert page.evaluate(ACTIVE_IN, ".mlw-fc__done")
        assert fc.locator(".mlw-fc__done").inner_text() == "Session done"
        mix = summary.locator(".mlw-fc__mix li").all_inner_texts()
        assert mix == ["Strong hire 0", "Lean hire 1", "No hire 0", "Didn't know 0"]
        text = summary.inner_text()
        assert "You graded 1 card." in text
        assert "Streak: 1 day in a row." in text
        assert "Coming back later today: 1 card, the first at " in text
        tomorrow = r"Due tomorrow \(\d{1,2} [A-Z][a-z]{2}\): 0 cards, and up to 1 new card\."
        assert re.search(tomorrow, text), text
        link = summary.get_by_role("link", name="See your progress")
        assert link.get_attribute("href").endswith("drill/dashboard/")
        assert summary.locator(".mlw-fc__session li").count() == 1
        if screen is PHONE:
            axe_clean(page, "session summary at 360 px, light")
    finally:
        context.close()
    assert errors == []


def test_new_states_are_axe_clean_in_the_dark_at_360px(browser, site_url: str) -> None:
    context, page, errors = open_cards(browser, site_url, PHONE, scheme="dark")
    try:
        fc = page.locator(".mlw-fc")
        flashcards_ready(page)
        fc.locator(".mlw-fc__heading").focus()  # off the settings toggle just closed
        page.keyboard.press("Space")
        page.wait_for_function(INTERVALS_SHOWN)
        page.wait_for_function(BAR_ON_SCREEN)
        axe_clean(page, "revealed card at 360 px, dark")
        page.keyboard.press("1")
        fc.locator(".mlw-fc__next", has_text="Finish").click()
        fc.locator(".mlw-fc__summary .mlw-fc__mix").wait_for()
        axe_clean(page, "session summary at 360 px, dark")
    finally:
        context.close()
    assert errors == []
