"""The quiz in a real browser, with the real worker and the real Pyodide."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from practice_engine.vocab import PROGRESS_VERSION
from tests.browser.quiz_helpers import STORAGE_KEY, answer_key, start_by_keyboard, take_quiz
from tests.browser.storage_helpers import backups, blocking, page_with_script, saving_notice

pytestmark = pytest.mark.browser
TIMEOUT = 60_000


@pytest.fixture
def key(built_site: Path) -> dict[str, list[str]]:
    return answer_key(built_site)


def test_keyboard_only_quiz_scores_right_and_history_survives_reload(
    page, site_url: str, key
) -> None:
    page.goto(urljoin(site_url, "tracks/fundamentals/"))
    quiz = page.locator(".mlw-quiz")
    start_by_keyboard(page, quiz)
    quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)
    score = take_quiz(page, quiz, key, [True, False, True, True, False])
    assert score == "Score: 3 of 5"
    cells = quiz.locator(".mlw-results__tracks td").all_inner_texts()
    assert cells == ["3 of 5 (60%)"]  # one track on this page
    # the announcer writes the line a moment after the score appears (to be re-read)
    expect(quiz.locator("[role=status]")).to_contain_text("3 of 5 correct")

    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert sum(len(h) for h in stored["quiz"].values()) == 5

    page.reload()
    quiz = page.locator(".mlw-quiz")
    start_by_keyboard(page, quiz)
    quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)
    restored = page.evaluate("MLGuide.progressStore.peek()")
    assert restored == stored


def test_feedback_is_announced_and_focus_moves(page, site_url: str, key) -> None:
    page.goto(urljoin(site_url, "tracks/statistics/"))
    quiz = page.locator(".mlw-quiz")
    start_by_keyboard(page, quiz)
    quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)
    assert page.evaluate("document.activeElement.classList.contains('mlw-question__count')")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    quiz.locator(".mlw-feedback").wait_for()
    status = quiz.locator("[role=status][aria-live=polite]")
    page.wait_for_function(
        "s => document.querySelector(s).textContent.length > 0", arg=".mlw-quiz [role=status]"
    )
    assert status.inner_text().startswith(("Correct.", "Not quite: the answer"))
    assert page.evaluate("document.activeElement.classList.contains('mlw-next')")
    # every option now carries its explanation
    assert quiz.locator(".mlw-choice__why").count() == quiz.locator(".mlw-options li").count()


def test_instant_navigation_reuses_the_worker(page, site_url: str) -> None:
    workers = []
    page.on("worker", lambda w: workers.append(w.url))
    page.goto(urljoin(site_url, "tracks/fundamentals/"))
    # started without a click: the quiz came near the screen
    page.locator(".mlw-quiz").scroll_into_view_if_needed()
    page.wait_for_function("() => MLGuide.py.isReady", timeout=TIMEOUT)
    page.evaluate("window.__sameDocument = true")
    page.locator("nav a[href$='deep-learning/']").first.click()
    quiz = page.locator(".mlw-quiz[data-tracks='deep-learning']")
    quiz.wait_for()
    quiz.locator(".mlw-start").click()
    quiz.locator(".mlw-question").wait_for(timeout=5_000)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation reloaded"
    assert page.evaluate("MLGuide.py.workersStarted") == 1
    # the Python worker starts from a blob: URL (it then inherits the page's CSP); the
    # theme's search worker has its own URL
    assert len([w for w in workers if w.startswith("blob:")]) == 1


def test_corrupted_progress_is_backed_up_and_reported(page, site_url: str) -> None:
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{broken json')")
    page.goto(urljoin(site_url, "tracks/llm/"))
    quiz = page.locator(".mlw-quiz")
    quiz.locator(".mlw-start").click()
    quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)
    note = quiz.locator(".mlw-notice")
    assert "could not be read" in note.inner_text()
    assert "A copy is kept in this browser" in note.inner_text()
    kept = backups(page, "progress")
    assert [b["raw"] for b in kept] == ["{broken json"]
    fresh = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert fresh["quiz"] == {} and fresh["version"] == PROGRESS_VERSION


def test_blocked_storage_works_in_the_tab_and_says_so(browser, site_url: str, key) -> None:
    """localStorage blocked: answers are kept in sessionStorage, so they survive a reload of
    the tab, as the notice says (they were lost on the next full page load)."""
    with page_with_script(browser, blocking("localStorage")) as page:
        page.goto(urljoin(site_url, "tracks/fundamentals/"))
        notice = saving_notice(page)
        notice.wait_for(timeout=TIMEOUT)
        assert "does not let the guide save" in notice.inner_text()
        assert "kept until you close this tab" in notice.inner_text()
        quiz = page.locator(".mlw-quiz")
        quiz.locator(".mlw-start").click()
        assert take_quiz(page, quiz, key, [True] * 5) == "Score: 5 of 5"
        page.reload()
        page.wait_for_function("() => MLGuide.py.isReady", timeout=TIMEOUT)
        answers = page.evaluate(
            "() => MLGuide.progressStore.get().then((p) => Object.keys(p.quiz).length)"
        )
        assert answers == 5


def test_storage_blocked_in_every_way_promises_only_this_page(browser, site_url: str) -> None:
    with page_with_script(browser, blocking("localStorage", "sessionStorage")) as page:
        page.goto(urljoin(site_url, "drill/flashcards/"))
        notice = saving_notice(page)
        notice.wait_for(timeout=TIMEOUT)
        assert "kept only until this tab reloads or closes" in notice.inner_text()
        assert "close this tab." not in notice.inner_text()


def test_worker_error_shows_message_and_retry_recovers(page, site_url: str) -> None:
    page.route("**/assets/quiz/runtime.json", lambda route: route.fulfill(status=500, body="x"))
    page.goto(urljoin(site_url, "drill/quiz/"))
    quiz = page.locator(".mlw-quiz")
    quiz.locator("form button[type=submit]").click()
    error = quiz.locator(".mlw-error[role=alert]")
    error.wait_for(timeout=TIMEOUT)
    assert "runtime manifest: HTTP 500" in error.inner_text()
    page.unroute("**/assets/quiz/runtime.json")
    error.locator("button", has_text="Retry").click()
    quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)


def test_filters_limit_the_quiz(page, site_url: str) -> None:
    page.goto(urljoin(site_url, "drill/quiz/"))
    quiz = page.locator(".mlw-quiz")
    quiz.locator("input[name=tracks][value=statistics]").check()
    quiz.locator("select[name=count]").select_option("5")
    quiz.locator("form button[type=submit]").click()
    quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)
    assert quiz.locator(".mlw-question__count").inner_text() == "Question 1 of 5"
    assert quiz.locator(".mlw-history").inner_text().startswith("Statistics and experimentation")


def test_bank_text_is_shown_as_text(page, site_url: str, built_site: Path) -> None:
    bank = json.loads((built_site / "assets/quiz/bank.json").read_text())
    evil = "<img src=x id=pwned>"
    for entry in bank["entries"]:
        for item in entry["items"]:
            item["stem"] = evil
            item["options"][0]["text"] = evil
    page.route(
        "**/assets/quiz/bank.json",
        lambda route: route.fulfill(body=json.dumps(bank), content_type="application/json"),
    )
    page.goto(urljoin(site_url, "tracks/fundamentals/"))
    quiz = page.locator(".mlw-quiz")
    quiz.locator(".mlw-start").click()
    quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)
    assert quiz.locator(".mlw-question legend").inner_text() == evil
    assert page.locator("#pwned").count() == 0
