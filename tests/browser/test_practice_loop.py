"""The practice loop in a real browser, with the real worker, Pyodide and fsrs: flashcards
graded and scheduled, a mock round run against its (fast-forwarded) clock, and progress
exported, cleared and imported back. The `page` fixture fails any test that asks a host
other than the local server for anything."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest

from practice_engine.bankdata import parse_bank
from practice_engine.cards import question_ids
from practice_engine.vocab import DEFAULT_SETTINGS
from tests.browser.page_types_practice import (
    DASHBOARD,
    FLASHCARDS,
    MOCK,
    TIMEOUT,
    choose_file,
    dashboard_ready,
    flashcards_ready,
    grade_mock,
    seed_progress,
    start_mock,
)
from tests.browser.quiz_helpers import STORAGE_KEY

pytestmark = pytest.mark.browser
DUE = re.compile(
    r"Next review in \d+ (minutes?|hours?|days?), on \d{1,2} [A-Z][a-z]{2}( at \d\d:\d\d)?\."
)
# A fixed "now" for the dashboard tests, so mastery (recall predicted at this moment) reads
# the same before the export and after the import.
FIXED_NOW = datetime(2025, 11, 23, 15, 0, tzinfo=UTC)


def stored(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return json.loads(raw) if raw else {}


def status_text(page, widget: str, text: str) -> None:
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent.includes(text)",
        arg=[f"{widget} [role=status]", text],
    )


def test_grade_three_flashcards_and_see_their_due_dates(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    fc = page.locator(".mlw-fc")
    flashcards_ready(page)  # the first card is on show from the page; now the engine's
    assert fc.locator(".mlw-fc__counts").inner_text() == "Due now: 0 · New cards left today: 5"
    prompts = []
    for n, grade in enumerate(["Strong hire", "Lean hire", "Didn't know"]):
        heading = fc.locator(".mlw-fc__heading")
        assert heading.inner_text() == "New card"
        # the next cards take the focus; the first, there on load, leaves it where it was
        assert n == 0 or page.evaluate(
            "document.activeElement.classList.contains('mlw-fc__heading')"
        )
        assert re.fullmatch(r"\d\d:\d\d", fc.locator(".mlw-timer__value").inner_text())
        assert "Time target: " in fc.locator(".mlw-fc__meta").inner_text()
        prompts.append(fc.locator(".mlw-fc__prompt").inner_text().strip())
        fc.get_by_label("Your answer, if you want to type it").fill("bias, variance, noise")
        answer = fc.locator(".mlw-fc__answer")
        assert answer.count() == 0  # hidden until revealed
        fc.locator(".mlw-fc__reveal").click()
        assert answer.is_visible()
        assert "What." in answer.inner_text()  # the rubric is read in the checklist above
        assert "no-hire slips" in fc.locator(".mlw-rc").inner_text().lower()  # upper-cased
        # the typed words make none of the expected key points (checked in the checklist)
        summary = fc.locator(".mlw-kp__summary")
        summary.wait_for(timeout=TIMEOUT)
        assert summary.inner_text().startswith("You made 0 of the ")
        # the grade button, named with its interval once the preview is in (not the
        # confirmation's "Save Strong hire anyway")
        fc.get_by_role("button", name=re.compile(f"^{re.escape(grade)}( \\(|$)")).click()
        if grade == "Strong hire":  # so the top grade is saved after one confirmation
            fc.locator(".mlw-confirm__save").click()
        result = fc.locator(".mlw-fc__result")
        result.wait_for()
        assert result.inner_text().startswith(f"Graded: {grade}. ")
        assert DUE.search(result.inner_text()), result.inner_text()
        status_text(page, ".mlw-fc", "Next review in")
        assert page.evaluate("document.activeElement.classList.contains('mlw-fc__next')")
        if n < 2:
            fc.locator(".mlw-fc__next").click()

    dues = fc.locator(".mlw-fc__session li")
    assert dues.count() == 3
    for i, prompt in enumerate(prompts):
        assert prompt in dues.nth(i).inner_text()
        assert DUE.search(dues.nth(i).inner_text())
    assert len(set(prompts)) == 3
    assert "New cards left today: 2" in fc.locator(".mlw-fc__counts").inner_text()
    progress = stored(page)
    assert [r[1] for r in progress["reviews"]] == ["strong_hire", "lean_hire", "didnt_know"]
    assert len(progress["cards"]) == 3
    # the static answers went back to their hidden store: nothing was duplicated
    assert page.locator(".fc-card").count() == page.locator(".fc-card__answer").count()


def test_countdown_runs_out_and_checkpoints_schedule_day_three(page, site_url: str) -> None:
    page.clock.install()
    page.goto(urljoin(site_url, FLASHCARDS))
    fc = page.locator(".mlw-fc")
    fc.locator(".mlw-fc__settings summary").click()
    fc.get_by_label("Schedule").select_option("checkpoints", timeout=TIMEOUT)
    note = fc.locator(".mlw-fc__settings-note")
    fc.get_by_label("New cards per day").fill("0")
    fc.get_by_role("button", name="Save settings").click()
    assert note.inner_text().startswith("Not saved: new cards per day must be")
    defaults = dict(DEFAULT_SETTINGS)
    assert stored(page).get("settings") in (None, defaults)
    fc.get_by_label("New cards per day").fill("2")
    fc.get_by_role("button", name="Save settings").click()
    status_text(page, ".mlw-fc", "Settings saved.")
    assert note.inner_text().startswith("Settings saved.")
    assert stored(page)["settings"] == {**defaults, "new_per_day": 2, "schedule": "checkpoints"}
    assert "New cards left today: 2" in fc.locator(".mlw-fc__counts").inner_text()

    value = fc.locator(".mlw-timer__value")
    start = value.inner_text()
    page.clock.fast_forward("01:00")
    page.wait_for_function(
        "v => document.querySelector('.mlw-timer__value').textContent !== v", arg=start
    )
    page.clock.fast_forward("10:00")
    page.wait_for_function(
        "() => document.querySelector('.mlw-timer__value').textContent.includes('time is up')"
    )
    status_text(page, ".mlw-fc", "Time is up.")
    assert fc.locator("[role=status]").inner_text() == "Time is up."  # once, not every second

    fc.locator(".mlw-fc__reveal").click()
    fc.get_by_role("button", name="Lean hire").click()
    expected = page.evaluate(
        "new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short'})"
        ".format(new Date(Date.now() + 3 * 86400000))"
    )
    result = fc.locator(".mlw-fc__result")
    result.wait_for()
    assert result.inner_text() == f"Graded: Lean hire. Next review in 3 days, on {expected}."


def test_mock_round_clock_runs_out_and_scores_what_was_graded(page, site_url: str) -> None:
    page.clock.install()
    page.goto(urljoin(site_url, MOCK))
    start_mock(page, "ds", "L5")
    mock = page.locator(".mlw-mock")
    clock = mock.locator(".mlw-mock__clock-value")
    total = int(re.search(r"of (\d+)", mock.locator(".mlw-mock__count").inner_text())[1])
    assert 6 <= total <= 8
    assert clock.inner_text() in ("45:00", "44:59")

    probes = mock.locator(".mlw-probes li")
    assert probes.count() == 0  # revealed one at a time
    mock.locator(".mlw-mock__probe").click()
    assert probes.count() == 1
    mock.locator(".mlw-mock__probe").click()
    assert probes.count() == 2
    status_text(page, ".mlw-mock", "Probe 2 of")

    grade_mock(page, "Strong hire")
    mock.locator(".mlw-mock__count", has_text="Question 2 of").wait_for()
    grade_mock(page, "No hire")
    mock.locator(".mlw-mock__count", has_text="Question 3 of").wait_for()

    page.clock.fast_forward("10:00")
    page.wait_for_function(
        "() => document.querySelector('.mlw-mock__clock-value').textContent.startsWith('3')"
    )
    assert re.fullmatch(r"3[45]:\d\d", clock.inner_text())
    target = mock.locator(".mlw-mock__target").inner_text()
    assert "over the target" in target  # ten minutes is past any question's time target

    page.clock.fast_forward("40:00")
    mock.locator(".mlw-mock__score").wait_for()
    assert mock.locator(".mlw-mock__why").inner_text() == "Time is up: the round is over."
    grades = mock.locator(".mlw-mock__scores tbody .mlw-chip").all_inner_texts()
    assert grades == ["Strong hire", "No hire"] + ["Not reached"] * (total - 2)
    signal = mock.locator(".mlw-mock__signal").inner_text()
    assert signal == "Overall signal: 3 of 5, Knows when to use it and when not"
    assert mock.locator(".mlw-spectrum li").count() == 5
    assert mock.locator(".mlw-spectrum li[aria-current=step]").inner_text().startswith("3. ")
    assert "2 of " in mock.locator(".mlw-mock__summary").inner_text()
    assert "partial round" in mock.locator(".mlw-mock__saved").inner_text()
    (kept,) = stored(page)["mocks"]  # out of time: saved as a partial round
    assert kept["ended"] == "time" and kept["grades"] == ["strong_hire", "no_hire"]
    assert page.evaluate("document.activeElement.classList.contains('mlw-mock__score')")


def test_finished_mock_round_is_recorded_into_progress(page, site_url: str) -> None:
    page.goto(urljoin(site_url, MOCK))
    start_mock(page, "ai", "L3")
    mock = page.locator(".mlw-mock")
    total = int(re.search(r"of (\d+)", mock.locator(".mlw-mock__count").inner_text())[1])
    for n in range(1, total + 1):
        mock.locator(".mlw-mock__count", has_text=f"Question {n} of").wait_for()
        # keyboard only: Tab from the focused heading reaches the probe button first
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        mock.locator(".mlw-probes li").first.wait_for()
        mock.locator(".mlw-mock__done-button").focus()
        page.keyboard.press("Enter")
        mock.locator(".mlw-mock__review-title").wait_for()
        mock.locator(".mlw-grade--strong_hire").focus()
        page.keyboard.press("Enter")
    mock.locator(".mlw-mock__score").wait_for(timeout=TIMEOUT)
    assert mock.locator(".mlw-mock__why").inner_text().startswith("Round complete")
    assert "5 of 5" in mock.locator(".mlw-mock__signal").inner_text()
    assert mock.locator(".mlw-mock__saved").inner_text().startswith("Saved to your progress")
    progress = stored(page)
    assert len(progress["mocks"]) == 1 and progress["mocks"][0]["role"] == "ai"
    assert len(progress["reviews"]) == total


def _dashboard_numbers(page) -> dict:
    dash = page.locator(".mlw-dash")
    return {
        "stats": dash.locator(".mlw-stats").inner_text(),
        "mastery": dash.locator(".mlw-dash__mastery").inner_text(),
        "history": dash.locator(".mlw-dash__history").text_content(),
        "next": dash.locator(".mlw-dash__next").inner_text(),
        "chart": dash.locator("svg.mlw-heat").get_attribute("aria-label"),
    }


def test_export_clear_import_gives_the_same_dashboard(page, site_url: str, tmp_path) -> None:
    page.clock.set_fixed_time(FIXED_NOW)
    page.goto(urljoin(site_url, DASHBOARD))
    seeded = seed_progress(page)
    page.reload()
    dashboard_ready(page)
    before = _dashboard_numbers(page)
    assert re.search(r"\d+ flashcards? due now", before["stats"])
    assert "you studied on 4 days" in before["chart"]
    assert "Your weakest track is" in before["next"]
    assert page.locator("svg.mlw-heat rect.mlw-heat__day:not(.mlw-heat--0)").count() == 4

    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    name = download.value.suggested_filename
    assert name == "ml-interview-guide-progress-2025-11-23.json"
    exported = tmp_path / name
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["progress"] == seeded

    page.evaluate("localStorage.clear()")
    page.reload()
    dashboard_ready(page)
    assert _dashboard_numbers(page) != before
    assert "Nothing studied yet" in page.locator(".mlw-dash__next").inner_text()

    choose_file(page, name, exported.read_text())
    preview = page.locator(".mlw-transfer__preview")
    preview.wait_for(timeout=TIMEOUT)
    added = preview.locator("tr", has_text="Self-grades added").locator("td").all_inner_texts()
    assert added == ["4", "4"]
    kept = preview.locator("tr", has_text="Kept typed answers added").locator("td")
    assert kept.all_inner_texts() == ["0", "0"]  # none kept without the tick
    page.get_by_role("button", name="Merge into my progress").click()
    page.locator(".mlw-transfer__done").wait_for()
    status_text(page, ".mlw-dash", "Imported")
    assert _dashboard_numbers(page) == before
    assert stored(page) == seeded


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "the file is not JSON"),
        ('{"format": "someone-else/progress", "version": 2}', "expected 'ml-interview-guide"),
        ('{"format": "ml-interview-guide/progress", "version": 9, "progress": {}}', "newer"),
    ],
    ids=["not-json", "other-format", "newer-version"],
)
def test_malformed_import_is_rejected_and_nothing_changes(
    page, site_url: str, content: str, message: str
) -> None:
    page.goto(urljoin(site_url, DASHBOARD))
    seed_progress(page)
    page.reload()
    dashboard_ready(page)
    before = stored(page)
    shown = page.locator(".mlw-dash__mastery").inner_text()
    choose_file(page, "bad.json", content)
    error = page.locator(".mlw-transfer__error[role=alert]")
    error.wait_for(timeout=TIMEOUT)
    assert "This file cannot be imported" in error.inner_text()
    assert message in error.inner_text()
    assert "Nothing was changed." in error.inner_text()
    assert page.locator(".mlw-transfer__merge").count() == 0
    assert stored(page) == before
    assert page.locator(".mlw-dash__mastery").inner_text() == shown


def test_static_answers_are_hidden_and_apart_from_the_question_cards(built_site: Path) -> None:
    html = (built_site / FLASHCARDS / "index.html").read_text()
    assert 'class="qcard"' not in html and "data-qid" not in html and 'id="q-' not in html
    bank = parse_bank(json.loads((built_site / "assets/quiz/bank.json").read_text()))
    # every card of the deck (concept questions, then short answers, then problems): the
    # first chunk on the page, the others on the chunk pages it names (deck_chunks.py)
    ids = re.findall(r'data-fc-id="([a-z0-9-]+)"', html)
    for chunk in re.findall(r'data-fc-ids="([a-z0-9 -]+)"', html):
        ids += chunk.split(" ")
    assert ids == question_ids(bank)
    assert re.search(r'<section class="fc-store" hidden', html)
