"""A quiz survives a reload and a visit elsewhere, in a real browser with the real worker:
the same questions come back at the same place, the answers given count in the score, and
each quiz widget keeps its own saved session. A saved session the engine refuses (corrupt,
or asking for an item the bank no longer has) is backed up and reported, and the widget
starts afresh."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.quiz_helpers import STORAGE_KEY, answer_current, answer_key
from tests.browser.storage_helpers import backups

pytestmark = pytest.mark.browser
TIMEOUT = 90_000  # a cold Pyodide boot on a busy shared machine
FUNDAMENTALS = "tracks/fundamentals/"
STATISTICS = "tracks/statistics/"


@pytest.fixture
def key(built_site: Path) -> dict[str, list[str]]:
    return answer_key(built_site)


def slot_key(widget_id: str) -> str:
    return STORAGE_KEY.replace(":progress", f":quiz-session:{widget_id}")


def saved(page, widget_id: str) -> dict | None:
    raw = page.evaluate("k => localStorage.getItem(k)", slot_key(widget_id))
    return json.loads(raw) if raw is not None else None


def set_saved(page, widget_id: str, value: str) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [slot_key(widget_id), value])


def question(page, number: int) -> str:
    """Waits for question `number` and returns its stem."""
    quiz = page.locator(".mlw-quiz")
    quiz.locator(".mlw-question__count", has_text=f"Question {number} of").wait_for(timeout=TIMEOUT)
    return quiz.locator(".mlw-question legend").inner_text()


def status_says(page, text: str) -> None:
    page.wait_for_function(
        "t => document.querySelector('.mlw-quiz [role=status]').textContent.includes(t)",
        arg=text,
        timeout=TIMEOUT,
    )


def started(page, path: str, site_url: str):
    """The quiz on `path`, started, with its first question on screen."""
    page.goto(urljoin(site_url, path))
    quiz = page.locator(".mlw-quiz")
    quiz.locator(".mlw-start").click()
    question(page, 1)
    return quiz


def test_a_reload_resumes_the_quiz_and_the_score_counts_earlier_answers(
    page, site_url: str, key
) -> None:
    quiz = started(page, FUNDAMENTALS, site_url)
    answer_current(page, quiz, key, right=True, number=1)
    page.keyboard.press("n")
    answer_current(page, quiz, key, right=False, number=2)
    stored = saved(page, "quiz-fundamentals")
    assert [a["correct"] for a in stored["answers"]] == [True, False]
    assert stored["position"] == 1  # answered, feedback on screen, not gone on yet

    page.reload()
    third = question(page, 3)  # the second's feedback was seen: the quiz goes on after it
    assert third
    status_says(page, "Your unfinished quiz is back: question 3 of 5, 2 answers kept.")
    # on page load the widget announces the quiz rather than moving focus into it
    assert not page.evaluate("document.activeElement.closest('.mlw-quiz__body')")
    assert saved(page, "quiz-fundamentals")["position"] == 2

    page.reload()  # the same question again, not a new one
    assert question(page, 3) == third
    quiz.locator(".mlw-question__count").focus()  # the reader moves into the quiz
    for number in (3, 4, 5):
        answer_current(page, quiz, key, right=True, number=number)
        page.keyboard.press("n")
    quiz.locator(".mlw-score").wait_for(timeout=TIMEOUT)
    assert quiz.locator(".mlw-score").inner_text() == "Score: 4 of 5"
    assert saved(page, "quiz-fundamentals") is None  # a finished quiz is not resumed again
    page.reload()
    quiz.locator(".mlw-start").wait_for(timeout=TIMEOUT)
    assert quiz.locator(".mlw-question").count() == 0


def test_a_corrupt_saved_quiz_is_backed_up_and_reported(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FUNDAMENTALS))
    set_saved(page, "quiz-fundamentals", "{not json")
    page.reload()
    note = page.locator(".mlw-quiz__notices .mlw-notice")
    note.wait_for(timeout=TIMEOUT)
    assert "Your unfinished quiz could not be read" in note.inner_text()
    assert "not valid JSON" in note.inner_text()
    # The copy is claimed only once it reads back; the Progress page lists it (#13).
    assert "A copy is kept in this browser" in note.inner_text()
    kept = backups(page, "quiz-session:quiz-fundamentals")
    assert [b["raw"] for b in kept] == ["{not json"]
    assert saved(page, "quiz-fundamentals") is None
    page.locator(".mlw-quiz .mlw-start").click()  # the widget still works
    question(page, 1)
    assert saved(page, "quiz-fundamentals")["position"] == 0


def test_a_saved_quiz_asking_for_a_removed_item_starts_afresh_and_says_why(
    page, site_url: str, key
) -> None:
    quiz = started(page, STATISTICS, site_url)
    answer_current(page, quiz, key, right=True, number=1)
    stale = saved(page, "quiz-statistics")
    stale["items"][1]["item"] = "an-item-since-removed-1"
    set_saved(page, "quiz-statistics", json.dumps(stale))
    page.reload()
    note = quiz.locator(".mlw-quiz__notices .mlw-notice")
    note.wait_for(timeout=TIMEOUT)
    assert "refers to an item that is not in the bank" in note.inner_text()
    quiz.locator(".mlw-start").wait_for()
    assert quiz.locator(".mlw-question").count() == 0
    quiz.locator(".mlw-start").click()
    question(page, 1)
    assert saved(page, "quiz-statistics")["answers"] == []


def test_two_quiz_widgets_keep_separate_sessions(page, site_url: str, key) -> None:
    quiz = started(page, FUNDAMENTALS, site_url)
    answer_current(page, quiz, key, right=True, number=1)
    page.keyboard.press("n")
    fundamentals = question(page, 2)
    # Material's instant navigation: the page is swapped in place, the worker stays
    page.evaluate("window.__sameDocument = true")
    page.locator("nav a[href$='statistics/']").first.click()
    # wait for the pages themselves (each quiz has its own id), never their URLs, which
    # change before Material swaps the content in
    page.locator("#quiz-statistics .mlw-start").click(timeout=TIMEOUT)
    for number in (1, 2):
        answer_current(page, quiz, key, right=False, number=number)
        page.keyboard.press("n")
    statistics = question(page, 3)

    page.go_back()
    page.locator("#quiz-fundamentals").wait_for(timeout=TIMEOUT)
    assert question(page, 2) == fundamentals
    assert page.evaluate("window.__sameDocument === true"), "a reload, not a navigation"
    status_says(page, "question 2 of 5, 1 answer kept.")
    page.go_forward()
    page.locator("#quiz-statistics").wait_for(timeout=TIMEOUT)
    assert question(page, 3) == statistics
    assert [a["correct"] for a in saved(page, "quiz-fundamentals")["answers"]] == [True]
    assert [a["correct"] for a in saved(page, "quiz-statistics")["answers"]] == [False, False]

    quiz.get_by_role("button", name="Start over").click()  # discards this widget's only,
    quiz.get_by_role("button", name="Discard quiz").click()  # once the reader confirms
    question(page, 1)
    status_says(page, "The unfinished quiz was discarded.")
    assert saved(page, "quiz-statistics")["answers"] == []
    assert len(saved(page, "quiz-fundamentals")["answers"]) == 1
