""" "Answer first" on track, practice and short-answer pages: no Python until the reader
asks, a countdown from the item's time target with the answer hidden, the answer and rubric
on "Show answer" or at time-up, then the flashcards' grades, which schedule the item in the
reader's progress; the page's reading mode remembered; all by keyboard, on a phone and a
desktop, axe clean in both palettes, and in memory (said) when storage is blocked."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean
from tests.browser.storage_helpers import blocking, page_with_script, saving_notice

pytestmark = pytest.mark.browser
BOOT = 90_000
TRACK = "tracks/fundamentals/"
PROBLEMS = "problems/worked/"
SHORTS = "questions/other-lists/"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
FIRST = ".qcard .mlw-first"
CARD = ".qcard:has(.mlw-first)"
REVIEWS = "JSON.parse(localStorage.getItem(MLGuide.store.key('progress'))).reviews"
BOUND = (
    "() => document.querySelector('.mlw-first-mode')?.dataset.bound"
    " && !document.querySelector('.mlw-first[hidden]')"
)
# The first card's answer parts: what the reader could see of them.
SHOWN = f"""() => [...document.querySelector("{CARD}").querySelectorAll(
  ".qcard__answer, details.answer")].map((e) => e.getClientRects().length > 0)"""
WIDE = "() => document.documentElement.scrollWidth > innerWidth + 1"


def open_page(page, site_url: str, path: str) -> None:
    page.goto(urljoin(site_url, path))
    page.wait_for_function(BOUND)


def press(page, locator) -> None:
    """Keyboard only: focus a control and press Enter, as after tabbing to it."""
    locator.focus()
    page.keyboard.press("Enter")


def first_card(page):
    return page.locator(CARD).first


def grade_and_check(page, card, entry_id: str, label: str, grade: str) -> None:
    card.locator(".mlw-grade").first.wait_for(timeout=BOOT)
    press(page, card.get_by_role("button", name=label))
    card.locator(".mlw-first__result").wait_for(timeout=BOOT)
    assert card.locator(".mlw-first__result").inner_text().startswith(f"Graded: {label}.")
    assert "Next review" in card.locator(".mlw-first__result").inner_text()
    assert [r[:2] for r in page.evaluate(REVIEWS)] == [[entry_id, grade]]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_answer_first_times_hides_shows_and_schedules(browser, site_url, viewport) -> None:
    context = browser.new_context(viewport=viewport, service_workers="block")
    try:
        page = context.new_page()
        open_page(page, site_url, TRACK)
        assert page.evaluate("MLGuide.py.ready") is None  # no Python on page load
        assert page.evaluate(SHOWN) == [True, True]  # reading mode: today's page
        card = first_card(page)
        entry_id = card.get_attribute("data-qid")
        press(page, card.get_by_role("button", name="Answer first"))
        card.locator(".mlw-timer").wait_for()
        assert page.evaluate(SHOWN) == [False, False]  # the answer waits for the reader
        assert page.evaluate("document.activeElement.textContent") == "Show answer and rubric"
        page.wait_for_function(
            f"() => document.querySelector('{CARD} .mlw-timer__value').textContent < '03:00'"
        )
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => document.querySelector('{CARD} details.answer').open")
        assert page.evaluate(SHOWN) == [True, True]
        assert page.evaluate("document.activeElement.classList.contains('qcard__answer')")
        grade_and_check(page, card, entry_id, "Lean hire", "lean_hire")
        assert not page.evaluate(WIDE)
    finally:
        context.close()


def test_time_up_shows_the_answer_of_a_problem_and_its_grade_schedules(page, site_url) -> None:
    page.clock.install()
    open_page(page, site_url, PROBLEMS)
    card = first_card(page)
    entry_id = card.get_attribute("data-qid")
    press(page, card.get_by_role("button", name="Answer first"))
    card.locator(".mlw-timer").wait_for()
    assert card.locator("details.answer").is_hidden()
    seconds = int(card.locator(".mlw-first").get_attribute("data-first-seconds"))
    page.clock.fast_forward(seconds * 1000 + 1000)
    card.locator(".mlw-timer.is-up").wait_for()
    assert card.locator("details.answer").is_visible()
    grade_and_check(page, card, entry_id, "Strong hire", "strong_hire")


def test_the_mode_is_remembered_and_a_short_answer_can_be_tried(page, site_url) -> None:
    open_page(page, site_url, SHORTS)
    toggle = page.locator(".mlw-first-mode__toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    press(page, toggle)
    page.wait_for_function(f"() => ({SHOWN})().every((shown) => !shown)")
    page.reload()
    page.wait_for_function(BOUND)
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate(SHOWN) == [False, False]
    open_page(page, site_url, TRACK)  # the mode holds on every page with cards
    assert page.evaluate(SHOWN) == [False, False]
    press(page, first_card(page).get_by_role("button", name="Show answer"))
    page.wait_for_function(f"() => ({SHOWN})().every((shown) => shown)")
    open_page(page, site_url, SHORTS)
    press(page, toggle)  # back to reading: every answer shown again
    page.wait_for_function(f"() => ({SHOWN})().every((shown) => shown)")
    assert toggle.get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_answer_first_is_axe_clean(browser, site_url, scheme) -> None:
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, service_workers="block")
    try:
        page = context.new_page()
        open_page(page, site_url, TRACK)
        card = first_card(page)
        press(page, page.locator(".mlw-first-mode__toggle"))
        axe_clean(page, f"try-first mode ({scheme})")
        press(page, card.get_by_role("button", name="Answer first"))
        card.locator(".mlw-timer").wait_for()
        axe_clean(page, f"counting down ({scheme})")
        press(page, card.get_by_role("button", name="Show answer and rubric"))
        card.locator(".mlw-grade").first.wait_for(timeout=BOOT)
        axe_clean(page, f"grades shown ({scheme})")
    finally:
        context.close()


def test_without_storage_a_grade_is_kept_in_memory_and_said(browser, site_url) -> None:
    with page_with_script(browser, blocking("localStorage", "sessionStorage")) as page:
        open_page(page, site_url, TRACK)
        card = first_card(page)
        press(page, page.locator(".mlw-first-mode__toggle"))
        assert "this visit only" in page.locator(".mlw-first-mode__note").inner_text()
        press(page, card.get_by_role("button", name="Answer first"))
        press(page, card.get_by_role("button", name="Show answer and rubric"))
        card.locator(".mlw-grade").first.wait_for(timeout=BOOT)
        press(page, card.get_by_role("button", name="No hire"))
        card.locator(".mlw-first__result").wait_for(timeout=BOOT)
        assert card.locator(".mlw-first__result").inner_text().startswith("Graded: No hire.")
        saving_notice(page).first.wait_for()
