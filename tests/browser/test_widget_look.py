"""Widgets that look finished in both palettes: a button keeps its own colour on hover and
keyboard focus (it no longer turns near-black or pale grey, as if disabled), the flashcard
settings toggle is a control rather than a "note" callout, and the theme's Back-to-top pill is
hidden while a widget is on screen."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.page_types_practice import FLASHCARDS, flashcards_revealed

pytestmark = pytest.mark.browser
TIMEOUT = 90_000

# A button's colours as computed now: text, background, border.
COLOURS = """(el) => {
  const s = getComputedStyle(el);
  return { text: s.color, fill: s.backgroundColor, border: s.borderTopColor };
}"""


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    # Motion reduced: the theme then drops its transitions, so colours read are final ones.
    context = browser.new_context(
        color_scheme=request.param, reduced_motion="reduce", service_workers="block"
    )
    context.set_default_timeout(TIMEOUT)
    yield context.new_page()
    context.close()


def test_grade_buttons_fill_with_their_own_colour_on_hover_and_focus(
    scheme_page, site_url: str
) -> None:
    page = scheme_page
    page.goto(urljoin(site_url, FLASHCARDS))
    flashcards_revealed(page)
    grades = page.locator(".mlw-fc .mlw-grades .mlw-grade")
    first, second = grades.nth(0), grades.nth(1)
    rest = first.evaluate(COLOURS)
    first.hover()
    page.wait_for_function("(el) => el.matches(':hover')", arg=first.element_handle())
    hovered = first.evaluate(COLOURS)
    assert hovered["fill"] == rest["text"] == hovered["border"], (rest, hovered)
    # Keyboard focus: Tab from the first grade button to the second, mouse elsewhere.
    rest2 = second.evaluate(COLOURS)
    page.mouse.move(0, 0)
    first.focus()
    page.keyboard.press("Tab")
    page.wait_for_function("(el) => el.matches(':focus-visible')", arg=second.element_handle())
    focused = second.evaluate(COLOURS)
    assert focused["fill"] == rest2["text"] == focused["border"], (rest2, focused)


def test_settings_toggle_is_a_control_not_a_note(scheme_page, site_url: str) -> None:
    page = scheme_page
    page.goto(urljoin(site_url, FLASHCARDS))
    summary = page.locator(".mlw-fc__settings > summary")
    summary.wait_for()
    look = summary.evaluate(
        """(el) => ({
          frame: getComputedStyle(el.parentElement).borderTopWidth,
          icon: getComputedStyle(el, "::before").display,
        })"""
    )
    assert look == {"frame": "0px", "icon": "none"}  # no callout frame, no pencil
    summary.click()
    page.locator(".mlw-fc__settings[open] select, .mlw-fc__settings[open] input").first.wait_for()


def test_back_to_top_is_hidden_while_a_widget_is_on_screen(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    page.locator(".mlw-fc").scroll_into_view_if_needed()  # below the page's introduction
    page.wait_for_function(
        "() => document.documentElement.classList.contains('mlw-widget-in-view')"
    )
    assert page.locator(".md-top").evaluate("(el) => getComputedStyle(el).display") == "none"
    # A track page's top has no widget on screen: the pill is the theme's again.
    page.goto(urljoin(site_url, "tracks/fundamentals/"))
    page.locator(".qcard").first.wait_for()
    assert not page.evaluate("document.documentElement.classList.contains('mlw-widget-in-view')")
    assert page.locator(".md-top").evaluate("(el) => getComputedStyle(el).display") != "none"
    # Scrolled down to the track's quiz, the pill goes.
    page.locator(".mlw-quiz").scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.documentElement.classList.contains('mlw-widget-in-view')"
    )
    assert page.locator(".md-top").evaluate("(el) => getComputedStyle(el).display") == "none"
