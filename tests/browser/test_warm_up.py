"""When Python starts (frontend/widgets/quiz.js, frontend/main.js): on a page read for its
text, not while the reader is only reading, but as soon as a quiz comes near the screen or
the reader reaches for it; on practice pages, at once."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser
TRACK = "tracks/fundamentals/"
STARTED = "() => MLGuide.py.workersStarted"
STARTED_ONE = "() => MLGuide.py.workersStarted === 1"  # a function: the CSP forbids eval


def _idle(page) -> None:
    """Load done and two idle periods past: when the old warm-up started Python."""
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(r => requestIdleCallback(() => requestIdleCallback(r)))")


def _is_far_below(page, selector: str) -> bool:
    return page.evaluate(
        "s => document.querySelector(s).getBoundingClientRect().top > 2 * innerHeight", selector
    )


def test_reading_does_not_start_python(page, site_url: str) -> None:
    page.goto(urljoin(site_url, TRACK))
    assert _is_far_below(page, ".mlw-quiz")
    _idle(page)
    assert page.evaluate(STARTED) == 0


def test_a_quiz_near_the_screen_starts_python(page, site_url: str) -> None:
    page.goto(urljoin(site_url, TRACK))
    _idle(page)
    page.locator(".mlw-quiz").scroll_into_view_if_needed()
    page.wait_for_function(STARTED_ONE)


def test_keyboard_focus_in_a_quiz_starts_python(page, site_url: str) -> None:
    page.goto(urljoin(site_url, TRACK))
    _idle(page)
    # Focus without scrolling, as a screen reader's jump to a control might.
    page.evaluate("document.querySelector('.mlw-quiz button').focus({preventScroll: true})")
    page.wait_for_function(STARTED_ONE)


def test_a_practice_page_starts_python_without_being_asked(page, site_url: str) -> None:
    page.goto(urljoin(site_url, "drill/flashcards/"))
    page.wait_for_function(STARTED_ONE)
