"""The question, problem and exercise indexes as trackers: filters that work without a
reload and by keyboard, a live count, the view kept in the URL; a status per item read
from seeded progress (and no Python for a first visitor); "Practise these" landing on a
quiz drawn from the filtered tracks; the whole table without JavaScript; cards that fit a
360 px phone and a table on a desktop, axe clean in both palettes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from practice_engine import cards, exercise_progress, progress
from tests.browser.axe_helpers import axe_clean
from tests.browser.quiz_helpers import STORAGE_KEY

BOOT_TIMEOUT = 90_000
DAY = 86_400_000
QUESTIONS = "questions/"
FORM_SHOWN = "() => { const f = document.querySelector('.mlw-index form');" \
    " return f && !f.hidden && document.querySelector('.mlw-index').dataset.bound; }"  # fmt: skip
COUNT = ".mlw-index__count"


def open_index(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(FORM_SHOWN)


def rows_of(built_site: Path, path: str) -> int:
    return (built_site / path / "index.html").read_text("utf-8").count("<tr data-id=")


def tracks_of(built_site: Path, track: str) -> int:
    html = (built_site / QUESTIONS / "index.html").read_text("utf-8")
    return html.count(f'data-track="{track}"')


def seeded(built_site: Path) -> str:
    """Progress built with the engine's own ops, relative to now: one question due, one
    reviewed a minute ago (learning), one with four months of good reviews (mastered), a
    problem quizzed once (right), an exercise with a hint taken (attempted)."""
    now = int(time.time() * 1000)
    state = progress.empty_progress()
    state = cards.review(state, "bias-variance", "strong_hire", now - 2 * 3_600_000)
    state = cards.review(state, "overfitting", "strong_hire", now - 60_000)
    start = now - 121 * DAY
    for day in (0, 10, 40, 120):
        state = cards.review(state, "l1-vs-l2", "strong_hire", start + day * DAY)
    bank = json.loads((built_site / "assets/quiz/bank.json").read_text("utf-8"))
    problem = next(e for e in bank["entries"] if e["id"] == "triage-false-positives")
    state = progress.record(state, problem["items"][0]["id"], True, now - DAY)
    version = "0123456789abcdef"
    state = exercise_progress.exercise_event(state, "top-k-heap", version, "hint", now - DAY)
    return json.dumps(state["progress"])


def status_of(page, row_id: str) -> str:
    return page.locator(f'tr[data-id="{row_id}"] .mlw-index__status').inner_text()


def test_filters_count_url_and_practise_by_keyboard(page, site_url: str, built_site) -> None:
    total = rows_of(built_site, QUESTIONS)
    open_index(page, site_url + QUESTIONS)
    assert page.locator(COUNT).inner_text() == f"All {total} shown"
    assert page.evaluate("MLGuide.py.ready === null")  # nothing stored: no Python
    # the keyboard picks a track: the first after "All" is Fundamentals
    page.locator("#index-questions-track").focus()
    page.keyboard.press("ArrowDown")
    fundamentals = tracks_of(built_site, "fundamentals")
    page.wait_for_function(
        "(t) => document.querySelector('.mlw-index__count').textContent === t",
        arg=f"{fundamentals} of {total} shown",
    )
    page.locator("#index-questions-level").select_option("L6+")
    shown = page.locator(".mlw-index tbody tr:visible")
    count = shown.count()
    assert 0 < count < fundamentals
    assert page.locator(COUNT).inner_text() == f"{count} of {total} shown"
    assert all("L6+" in t for t in shown.evaluate_all("rs => rs.map(r => r.dataset.levels)"))
    assert "track=fundamentals" in page.url and "level=L6%2B" in page.url
    # the view is a link: opened again, the same rows show
    page.goto(page.url)
    page.wait_for_function(FORM_SHOWN)
    assert page.locator("#index-questions-track").input_value() == "fundamentals"
    assert page.locator(COUNT).inner_text() == f"{count} of {total} shown"
    # Practise these, by keyboard: a quiz on those filters starts at once
    page.locator(".mlw-index__practise").focus()
    page.keyboard.press("Enter")
    page.locator(".mlw-question__count").wait_for(timeout=BOOT_TIMEOUT)
    summary = page.locator(".mlw-setup__text").inner_text()
    assert summary.startswith("Fundamentals · L6+"), summary
    assert page.locator('input[name="tracks"][value="fundamentals"]').is_checked()


def test_status_comes_from_the_readers_progress(page, site_url: str, built_site) -> None:
    page.goto(site_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, seeded(built_site)])
    open_index(page, site_url + QUESTIONS)
    page.wait_for_function(
        "() => document.querySelector('tr[data-id=\"bias-variance\"]').dataset.status === 'due'",
        timeout=BOOT_TIMEOUT,
    )
    assert status_of(page, "bias-variance") == "Due"
    assert status_of(page, "overfitting") == "Learning"
    assert status_of(page, "l1-vs-l2") == "Mastered"
    assert "stability reaches 21 days" in page.locator(".mlw-index__about").inner_text()
    page.locator("#index-questions-status").select_option("mastered")
    total = rows_of(built_site, QUESTIONS)
    assert page.locator(COUNT).inner_text() == f"1 of {total} shown"
    assert "status filter does not carry over" in page.locator(".mlw-index__note").inner_text()

    open_index(page, site_url + "problems/")
    page.wait_for_function(
        "() => document.querySelector('tr[data-id=\"triage-false-positives\"]')"
        ".dataset.status === 'quizzed'",
        timeout=BOOT_TIMEOUT,
    )
    assert status_of(page, "triage-false-positives") == "Quizzed: 1 of 1 right"

    open_index(page, site_url + "exercises/?status=attempted")
    page.wait_for_function(
        "() => document.querySelector('tr[data-id=\"top-k-heap\"]').dataset.status === 'attempted'",
        timeout=BOOT_TIMEOUT,
    )
    assert status_of(page, "top-k-heap") == "Attempted"
    assert page.locator(COUNT).inner_text().startswith("1 of ")
    assert page.locator(".mlw-index__practise").get_attribute("href").endswith("top-k-heap/")


def test_without_javascript_the_whole_table_shows(browser, site_url: str, built_site) -> None:
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    try:
        page = context.new_page()
        page.goto(site_url + QUESTIONS)
        assert page.locator(".mlw-index form").is_hidden()
        visible = page.locator(".mlw-index tbody tr:visible").count()
        assert visible == rows_of(built_site, QUESTIONS) > 100
        assert page.locator(".mlw-index th", has_text="Your status").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", [QUESTIONS, "problems/", "exercises/"])
def test_indexes_fit_and_are_axe_clean(browser, site_url: str, scheme, width, path) -> None:
    context = browser.new_context(
        bypass_csp=True, color_scheme=scheme, service_workers="block",
        viewport={"width": width, "height": 800},
    )  # fmt: skip
    try:
        page = context.new_page()
        open_index(page, site_url + path + "?level=L5")
        axe_clean(page, f"{path} ({scheme}, {width} px)")
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
        display = page.locator(".mlw-index tbody tr").first.evaluate(
            "r => getComputedStyle(r).display"
        )
        assert display == ("block" if width == 360 else "table-row")
    finally:
        context.close()


def test_an_unfinished_quiz_comes_before_a_linked_one(page, site_url: str) -> None:
    page.goto(site_url + "drill/quiz/")
    page.locator(".mlw-quiz form button[type=submit]").click()
    page.locator(".mlw-question__count").wait_for(timeout=BOOT_TIMEOUT)
    page.goto(site_url + "drill/quiz/?tracks=llm")
    notices = page.locator(".mlw-quiz__notices")
    notices.get_by_text("Your unfinished quiz comes first").wait_for(timeout=BOOT_TIMEOUT)
    page.locator(".mlw-question__count").wait_for(timeout=BOOT_TIMEOUT)  # the old one, resumed
    assert page.locator('input[name="tracks"][value="llm"]').is_checked()
