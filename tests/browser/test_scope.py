"""Core (must-know) or all questions, in the quiz, the flashcards and the mock round, by
keyboard: the quiz starts on all and draws only core questions once the reader picks the
core set; new flashcards start on the core set, and a reader who has met every core card
is told so and offered all; the mock round starts on the core set."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean
from tests.browser.page_types_practice import FLASHCARDS, MOCK, TIMEOUT, flashcards_ready
from tests.browser.quiz_helpers import STORAGE_KEY

pytestmark = pytest.mark.browser
QUIZ = "drill/quiz/"
SESSION_SLOT = STORAGE_KEY.replace(":progress", ":quiz-session:quiz-all-f")
ROUND_SLOT = STORAGE_KEY.replace(":progress", ":mock-round")
DAY_MS = 86_400_000
# Every core card graded two days ago, so none is new and today's allowance is untouched.
MEET_ALL_JS = """async ([ids, day]) => {
  const { py, progressStore } = MLGuide;
  let progress = await progressStore.get();
  for (const question_id of ids) {
    progress = await py.call("review", {
      progress, question_id, grade: "strong_hire", now_ms: Date.now() - 2 * day });
  }
  await progressStore.save(progress);
}"""


def _bank(built_site: Path) -> dict:
    return json.loads((built_site / "assets/quiz/bank.json").read_text())


def _core(built_site: Path) -> set[str]:
    return {e["id"] for e in _bank(built_site)["entries"] if e.get("core")}


def _stored(page, slot: str) -> dict:
    return json.loads(page.evaluate("k => localStorage.getItem(k)", slot))


def test_the_quiz_starts_on_all_and_draws_only_core_questions_when_asked(
    page, site_url: str, built_site: Path
) -> None:
    page.goto(urljoin(site_url, QUIZ))
    quiz = page.locator("#quiz-all-f")
    group = quiz.get_by_role("radiogroup", name="Questions")
    assert group.get_by_role("radio", name="All", exact=True).is_checked()
    group.get_by_role("radio", name="All", exact=True).focus()
    page.keyboard.press("ArrowUp")  # a radio group: the arrow keys move and choose
    assert group.get_by_role("radio", name="Core (must-know)").is_checked()
    quiz.get_by_role("button", name="Start quiz").focus()
    page.keyboard.press("Enter")
    quiz.locator(".mlw-setup__text", has_text="Core (must-know)").wait_for(timeout=TIMEOUT)
    session = _stored(page, SESSION_SLOT)
    owner = {i["id"]: e["id"] for e in _bank(built_site)["entries"] for i in e["items"]}
    drawn = {owner[slot["item"]] for slot in session["items"]}
    assert session["filters"]["scope"] == "core" and drawn <= _core(built_site)


def test_flashcards_start_on_the_core_set_and_offer_all_once_it_is_met(
    page, site_url: str, built_site: Path
) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    flashcards_ready(page)
    fc = page.locator(".mlw-fc")
    fc.locator(".mlw-fc__settings summary").click()
    scope = fc.get_by_role("radiogroup", name="New cards from")
    assert scope.get_by_role("radio", name="Core (must-know)").is_checked()
    page.evaluate(MEET_ALL_JS, [sorted(_core(built_site)), DAY_MS])
    page.reload()
    note = fc.locator(".mlw-fc__core-done")
    note.wait_for(timeout=TIMEOUT)
    assert "met every core" in note.inner_text()
    assert "New cards left today: 0" in fc.locator(".mlw-fc__counts").inner_text()
    axe_clean(page, "flashcards, core set met")
    note.get_by_role("button").focus()
    page.keyboard.press("Enter")
    fc.locator(".mlw-fc__counts", has_text="New cards left today: 5").wait_for(timeout=TIMEOUT)
    note.wait_for(state="hidden")
    assert _stored(page, STORAGE_KEY)["settings"]["scope"] == "all"
    fc.locator(".mlw-fc__settings-note", has_text="Settings saved").wait_for(state="attached")


def test_the_mock_round_starts_on_the_core_set(page, site_url: str, built_site: Path) -> None:
    page.goto(urljoin(site_url, MOCK))
    mock = page.locator(".mlw-mock")
    page.locator(".mlw-mock fieldset:not([disabled])").wait_for(timeout=TIMEOUT)
    assert mock.get_by_role("radio", name="Core (must-know)").is_checked()
    mock.get_by_role("button", name="Start the round").focus()
    page.keyboard.press("Enter")
    mock.locator(".mlw-mock__count", has_text="Question 1 of").wait_for(timeout=TIMEOUT)
    asked = {q["id"] for q in _stored(page, ROUND_SLOT)["mock"]["questions"]}
    assert asked and asked <= _core(built_site)
