"""A mock round survives a reload and a visit elsewhere, in a real browser with the real
worker: the same question, its grades and revealed probes come back, and the round clock
keeps running from when the round began. Discarding clears it; a corrupt saved round is
backed up and reported; a round whose time ran out while the reader was away goes
straight to the scorecard. Time is moved with page.clock or a start time in the past,
never waited for."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.browser.page_types_practice import MOCK, TIMEOUT, grade_mock, start_mock
from tests.browser.quiz_helpers import STORAGE_KEY
from tests.browser.storage_helpers import backups

pytestmark = pytest.mark.browser
ROUND_KEY = STORAGE_KEY.replace(":progress", ":mock-round")
MINUTE_MS = 60_000


def saved(page) -> dict | None:
    raw = page.evaluate("k => localStorage.getItem(k)", ROUND_KEY)
    return json.loads(raw) if raw is not None else None


def set_saved(page, value: str) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [ROUND_KEY, value])


def setup_disabled(page) -> bool:
    return page.evaluate("document.querySelector('.mlw-mock fieldset').disabled")


def seconds(clock_text: str) -> int:
    minutes, secs = clock_text.split(":")
    return int(minutes) * 60 + int(secs)


def status_says(page, text: str) -> None:
    page.wait_for_function(
        "t => document.querySelector('.mlw-mock [role=status]').textContent.includes(t)",
        arg=text,
        timeout=TIMEOUT,
    )


def question_shown(page, number: int) -> str:
    """Waits for question `number` and returns its prompt."""
    mock = page.locator(".mlw-mock")
    mock.locator(".mlw-mock__count", has_text=f"Question {number} of").wait_for(timeout=TIMEOUT)
    return mock.locator(".mlw-mock__prompt").inner_text()


def graded_once_with_a_probe(page, site_url: str) -> dict:
    """Start a round, grade the first question, reveal the second's first probe."""
    page.goto(urljoin(site_url, MOCK))
    start_mock(page, "ds", "L5")
    mock = page.locator(".mlw-mock")
    grade_mock(page, "Strong hire")
    prompt = question_shown(page, 2)
    probe_texts = []
    if mock.locator(".mlw-mock__probe").count():
        mock.locator(".mlw-mock__probe").click()
        probe_texts = mock.locator(".mlw-probes li").all_inner_texts()
    return {"prompt": prompt, "probes": probe_texts}


def test_a_reload_resumes_the_round_with_its_clock_running(page, site_url: str) -> None:
    page.clock.install()
    before = graded_once_with_a_probe(page, site_url)
    assert before["probes"], "the second question of this round should have probes"
    mock = page.locator(".mlw-mock")
    stored = saved(page)
    assert stored["mock"]["grades"] == ["strong_hire"] and stored["probes"] == 1
    page.clock.fast_forward("10:00")
    page.wait_for_function(
        "() => document.querySelector('.mlw-mock__clock-value').textContent.startsWith('3')"
    )
    left_before = seconds(mock.locator(".mlw-mock__clock-value").inner_text())
    assert left_before <= 35 * 60

    page.reload()
    assert question_shown(page, 2) == before["prompt"]
    status_says(page, "Your unfinished round is back: question 2 of")
    assert mock.locator(".mlw-probes li").all_inner_texts() == before["probes"]
    clock = mock.locator(".mlw-mock__clock-value")
    assert 0 < seconds(clock.inner_text()) <= left_before  # not reset to 45:00, not paused
    # on page load the widget announces the round rather than moving focus into it
    assert not page.evaluate("document.activeElement.closest('.mlw-mock__body')")
    # the question's own clock also kept running: ten minutes is past its target
    assert "over the target" in mock.locator(".mlw-mock__target").inner_text()
    assert setup_disabled(page)

    page.clock.fast_forward("01:00")
    page.wait_for_function(
        "s => document.querySelector('.mlw-mock__clock-value').textContent !== s",
        arg=clock.inner_text(),
    )
    assert seconds(clock.inner_text()) < left_before

    grade_mock(page, "No hire")
    question_shown(page, 3)
    assert saved(page)["mock"]["grades"] == ["strong_hire", "no_hire"]
    mock.locator(".mlw-mock__end").click()
    mock.locator(".mlw-mock__score").wait_for(timeout=TIMEOUT)
    grades = mock.locator(".mlw-mock__scores tbody .mlw-chip").all_inner_texts()
    assert grades[:3] == ["Strong hire", "No hire", "Not reached"]
    assert saved(page) is None  # a finished round is not resumed again
    page.reload()
    page.locator(".mlw-mock__body", has_text="Choose your role").wait_for(timeout=TIMEOUT)
    assert mock.locator(".mlw-mock__count").count() == 0


def test_a_reload_after_im_done_keeps_the_rubric_open_and_the_answer_timed(
    page, site_url: str
) -> None:
    """The seconds an answer took are counted once, at "I'm done": a reload before the
    grade reopens the rubric with the same time and the question's clock still stopped."""
    page.clock.install()
    page.goto(urljoin(site_url, MOCK))
    start_mock(page, "ds", "L5")
    mock = page.locator(".mlw-mock")
    page.clock.fast_forward("02:05")
    mock.locator(".mlw-mock__done-button").click(timeout=TIMEOUT)
    used = mock.locator(".mlw-mock__used")
    used.wait_for(timeout=TIMEOUT)
    took = used.inner_text()
    page.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k) || '{}').done_seconds != null", arg=ROUND_KEY
    )
    assert 125 <= saved(page)["done_seconds"] <= 127
    target = mock.locator(".mlw-mock__target").inner_text()

    page.clock.fast_forward("05:00")
    page.reload()
    question_shown(page, 1)
    used.wait_for(timeout=TIMEOUT)
    assert used.inner_text() == took  # not five minutes more
    assert mock.locator(".mlw-mock__done-button").count() == 0
    assert mock.locator(".mlw-mock__rubric").inner_text().strip()
    assert mock.locator(".mlw-mock__target").inner_text() == target  # its clock stopped there
    page.clock.fast_forward("01:00")
    assert mock.locator(".mlw-mock__target").inner_text() == target

    mock.locator(".mlw-grades").get_by_role("button", name="Lean hire", exact=True).click()
    question_shown(page, 2)
    page.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k)).mock.grades.length === 1", arg=ROUND_KEY
    )
    stored = saved(page)
    assert len(stored["mock"]["seconds"]) == 1 and 125 <= stored["mock"]["seconds"][0] <= 127
    assert stored["done_seconds"] is None  # the next question is being answered


def test_a_visit_to_another_page_and_back_resumes_the_round(page, site_url: str) -> None:
    before = graded_once_with_a_probe(page, site_url)
    # Material's instant navigation: the page is swapped in place, the worker stays. Wait
    # for the pages themselves: the URL changes before Material swaps the content in.
    page.locator("a[href$='dashboard/']").first.click()
    page.locator(".mlw-dash").wait_for(timeout=TIMEOUT)
    expect(page.locator(".mlw-mock")).to_have_count(0)
    page.go_back()
    assert question_shown(page, 2) == before["prompt"]
    assert page.locator(".mlw-mock .mlw-probes li").all_inner_texts() == before["probes"]
    status_says(page, "Your unfinished round is back")


def test_discarding_clears_the_round(page, site_url: str) -> None:
    graded_once_with_a_probe(page, site_url)
    mock = page.locator(".mlw-mock")
    page.reload()
    question_shown(page, 2)
    mock.get_by_role("button", name="Discard this round").click()
    assert "Round discarded" in mock.locator(".mlw-mock__discarded").inner_text()
    status_says(page, "Round discarded.")
    assert page.evaluate("document.activeElement.name") == "role"
    assert saved(page) is None
    assert not setup_disabled(page)
    page.reload()
    page.locator(".mlw-mock__body", has_text="Choose your role").wait_for(timeout=TIMEOUT)
    assert mock.locator(".mlw-mock__count").count() == 0


@pytest.mark.parametrize(
    "corrupt, reason",
    [
        ("{not json", "the saved round is not valid JSON"),
        ('{"version": 1, "mock": {}, "started_ms": 0}', "missing 'question_started_ms'"),
    ],
    ids=["not-json", "tampered"],
)
def test_a_corrupt_saved_round_is_backed_up_and_reported(
    page, site_url: str, corrupt: str, reason: str
) -> None:
    page.goto(urljoin(site_url, MOCK))
    set_saved(page, corrupt)
    page.reload()
    mock = page.locator(".mlw-mock")
    note = mock.locator(".mlw-notices .mlw-notice")
    note.wait_for(timeout=TIMEOUT)
    assert "Your unfinished mock round could not be read" in note.inner_text()
    assert reason in note.inner_text()
    assert "A copy is kept in this browser" in note.inner_text()
    assert [b["raw"] for b in backups(page, "mock-round")] == [corrupt]
    assert saved(page) is None
    start_mock(page)  # the widget still works
    assert saved(page)["mock"]["position"] == 0
    page.reload()
    question_shown(page, 1)
    assert mock.locator(".mlw-notice").count() == 0  # reported once, not on every visit


@pytest.mark.parametrize("graded", [1, 0], ids=["one-graded", "none-graded"])
def test_a_round_that_ran_out_while_away_goes_to_the_scorecard(
    page, site_url: str, graded: int
) -> None:
    page.goto(urljoin(site_url, MOCK))
    start_mock(page)
    mock = page.locator(".mlw-mock")
    if graded:
        grade_mock(page, "Lean hire")
        question_shown(page, 2)
    stored = saved(page)
    away = stored["mock"]["clock_seconds"] * 1000 + MINUTE_MS  # its deadline is in the past
    stored["started_ms"] -= away
    stored["question_started_ms"] -= away
    set_saved(page, json.dumps(stored))
    page.reload()
    if graded:
        mock.locator(".mlw-mock__score").wait_for(timeout=TIMEOUT)
        assert mock.locator(".mlw-mock__why").inner_text() == "Time is up: the round is over."
        grades = mock.locator(".mlw-mock__scores tbody .mlw-chip").all_inner_texts()
        assert grades[:2] == ["Lean hire", "Not reached"]
        # saved as a partial round, and said so as the scorecard appears
        status_says(page, "Time is up: the round is over. Partial: out of time: 1 of")
        progress = json.loads(page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY))
        assert [(m["ended"], m["grades"]) for m in progress["mocks"]] == [("time", ["lean_hire"])]
    else:
        mock.get_by_role("heading", name="No scorecard this time").wait_for(timeout=TIMEOUT)
        status_says(page, "Time is up: the round is over. No question was graded.")
    assert saved(page) is None
    assert not setup_disabled(page)


def test_a_link_is_built_from_the_bank_never_from_the_saved_round(
    page, site_url: str, built_site
) -> None:
    """A url kept in a saved round became a scorecard link as it was, javascript: too."""
    page.goto(urljoin(site_url, MOCK))
    start_mock(page)
    mock = page.locator(".mlw-mock")
    grade_mock(page, "Lean hire")
    question_shown(page, 2)
    stored = saved(page)
    first = stored["mock"]["questions"][0]
    first["url"] = "javascript:document.title='pwned'"
    first["title"] = "A title from storage"
    set_saved(page, json.dumps(stored))
    page.reload()
    question_shown(page, 2)
    mock.locator(".mlw-mock__end").click()
    mock.locator(".mlw-mock__score").wait_for(timeout=TIMEOUT)
    bank = json.loads((built_site / "assets/quiz/bank.json").read_text())
    entry = next(e for e in bank["entries"] if e["id"] == first["id"])
    link = mock.locator(".mlw-mock__table tbody th a").first
    assert link.get_attribute("href") == urljoin(site_url, entry["url"])
    assert link.inner_text() == entry["title"].replace("`", "")
