"""Two tabs of one browser, each writing the reader's progress: the quiz answered in one,
flashcards graded and a mock round finished in the other, and both saving at the same
moment. Each write merges with what the other stored, so nothing is lost (each tab used to
write its whole copy back, and the last writer won); and each tab shows the other's work
without a reload."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.page_types_practice import (
    DASHBOARD,
    FLASHCARDS,
    MOCK,
    TIMEOUT,
    choose_file,
    dashboard_ready,
    grade_mock,
    start_mock,
)
from tests.browser.quiz_helpers import STORAGE_KEY, answer_current, answer_key

pytestmark = pytest.mark.browser

STORED = "k => JSON.parse(localStorage.getItem(k))"
# Many saves from one tab, as fast as the engine answers, started without waiting.
BURST = """([tab, n]) => {
  window.__burst = (async () => {
    const { py, progressStore } = MLGuide;
    for (let i = 0; i < n; i += 1) {
      const before = progressStore.peek();
      const after = await py.call("record", { progress: before, item_id: `burst-${tab}-${i}`,
                                               correct: i % 2 === 0, now_ms: Date.now() });
      progressStore.save(after, before);
    }
    await progressStore.save(progressStore.peek());
  })();
}"""


def ready(page) -> None:
    page.wait_for_function("() => window.MLGuide && MLGuide.py.isReady", timeout=TIMEOUT)
    page.evaluate("MLGuide.progressStore.get()")


def grade_a_card(page, grade: str) -> None:
    fc = page.locator(".mlw-fc")
    next_card = fc.locator(".mlw-fc__next")
    if next_card.count():
        next_card.click()
    fc.locator(".mlw-answer__keep input:not([disabled])").wait_for(timeout=TIMEOUT)
    fc.locator(".mlw-fc__reveal").click(timeout=TIMEOUT)
    fc.get_by_role("button", name=grade).click()
    fc.locator(".mlw-fc__result").wait_for(timeout=TIMEOUT)


def test_two_tabs_answering_grading_and_finishing_rounds_lose_nothing(
    browser, site_url: str, built_site: Path
) -> None:
    key = answer_key(built_site)
    context = browser.new_context(service_workers="block")
    try:
        quiz_tab, cards_tab = context.new_page(), context.new_page()
        quiz_tab.goto(urljoin(site_url, "tracks/fundamentals/"))
        cards_tab.goto(urljoin(site_url, FLASHCARDS))
        quiz = quiz_tab.locator(".mlw-quiz")
        quiz.locator(".mlw-start").click()
        ready(cards_tab)

        answer_current(quiz_tab, quiz, key, right=True, number=1)
        grade_a_card(cards_tab, "Strong hire")
        quiz_tab.keyboard.press("n")
        answer_current(quiz_tab, quiz, key, right=False, number=2)
        grade_a_card(cards_tab, "Lean hire")
        cards_tab.wait_for_function(
            "() => Object.keys(MLGuide.progressStore.peek().quiz).length === 2",
            timeout=TIMEOUT,
        )  # the cards tab took the quiz tab's answers in, without a reload

        # the quiz tab goes on to a mock round and finishes it while the other tab grades
        quiz_tab.goto(urljoin(site_url, MOCK))
        start_mock(quiz_tab, "ds", "L5")
        mock = quiz_tab.locator(".mlw-mock")
        total = int(mock.locator(".mlw-mock__count").inner_text().split(" of ")[1])
        for n in range(total):
            mock.locator(".mlw-mock__count", has_text=f"Question {n + 1} of").wait_for()
            grade_mock(quiz_tab, "Lean hire")
            if n == 1:
                grade_a_card(cards_tab, "No hire")
        mock.locator(".mlw-mock__saved", has_text="Saved to your progress").wait_for(
            timeout=TIMEOUT
        )

        # both tabs save many answers at the same moment
        ready(quiz_tab)
        quiz_tab.evaluate(BURST, ["a", 15])
        cards_tab.evaluate(BURST, ["b", 15])
        quiz_tab.evaluate("window.__burst")
        cards_tab.evaluate("window.__burst")
        cards_tab.wait_for_function(
            "k => Object.keys(JSON.parse(localStorage.getItem(k)).quiz).length === 32",
            arg=STORAGE_KEY,
            timeout=TIMEOUT,
        )

        stored = cards_tab.evaluate(STORED, STORAGE_KEY)
        assert len(stored["quiz"]) == 32  # 2 from the quiz, 15 + 15 from the bursts
        grades = [r[1] for r in stored["reviews"]]
        assert grades.count("strong_hire") == 1 and grades.count("no_hire") == 1
        assert grades.count("lean_hire") == 1 + total  # one card, and the round's
        assert [m["id"] for m in stored["mocks"]] == [
            quiz_tab.evaluate("MLGuide.progressStore.peek().mocks[0].id")
        ]
        # and each tab holds what the other did
        for tab in (quiz_tab, cards_tab):
            tab.wait_for_function(
                "n => Object.keys(MLGuide.progressStore.peek().quiz).length === n", arg=32
            )
            assert tab.evaluate("MLGuide.progressStore.peek().reviews.length") == 3 + total
        assert json.dumps(stored["settings"]) == json.dumps(
            cards_tab.evaluate("MLGuide.progressStore.peek().settings")
        )
    finally:
        context.close()


# A file that replaces the progress: one quiz answer, no self-grades.
REPLACEMENT = """async ([item]) => {
  const { progress } = await MLGuide.py.call("restore_progress", { raw: null });
  const one = await MLGuide.py.call("record", { progress, item_id: item, correct: true,
                                                 now_ms: Date.now() });
  const file = await MLGuide.py.call("export_file", { progress: one, now_ms: Date.now() });
  return JSON.stringify(file);
}"""


def test_a_replace_in_one_tab_is_not_undone_by_another(
    browser, site_url: str, built_site: Path
) -> None:
    """The other tab wrote a self-grade before the replace; it takes the replaced progress
    in and adds only what it does afterwards, not the grade the replace removed."""
    item = json.loads((built_site / "assets/quiz/bank.json").read_text())["entries"][0]
    item_id = item["items"][0]["id"]
    context = browser.new_context(service_workers="block")
    try:
        cards_tab, dash_tab = context.new_page(), context.new_page()
        cards_tab.goto(urljoin(site_url, FLASHCARDS))
        grade_a_card(cards_tab, "Strong hire")
        dash_tab.goto(urljoin(site_url, DASHBOARD))
        dashboard_ready(dash_tab)
        choose_file(dash_tab, "replacement.json", dash_tab.evaluate(REPLACEMENT, [item_id]))
        dash_tab.locator(".mlw-transfer__preview").wait_for(timeout=TIMEOUT)
        dash_tab.get_by_role("button", name="Replace my progress").click()
        dash_tab.locator(".mlw-transfer__done").wait_for(timeout=TIMEOUT)

        cards_tab.wait_for_function(
            "() => MLGuide.progressStore.peek().reviews.length === 0", timeout=TIMEOUT
        )  # the replace reached the cards tab, and the tab did not put its grade back
        grade_a_card(cards_tab, "No hire")
        cards_tab.wait_for_function(
            "k => JSON.parse(localStorage.getItem(k)).reviews.length === 1",
            arg=STORAGE_KEY,
            timeout=TIMEOUT,
        )
        stored = cards_tab.evaluate(STORED, STORAGE_KEY)
        assert [r[1] for r in stored["reviews"]] == ["no_hire"]
        assert list(stored["quiz"]) == [item_id]
        dash_tab.wait_for_function(
            "() => MLGuide.progressStore.peek().reviews.length === 1", timeout=TIMEOUT
        )
    finally:
        context.close()
