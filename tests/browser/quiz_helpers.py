"""Driving the quiz widget like a keyboard user, with the answer key from the export."""

from __future__ import annotations

import json
from pathlib import Path

STORAGE_KEY = "mlguide:/ml-guide/:progress"


def answer_key(built_site: Path) -> dict[str, list[str]]:
    """Stem -> texts of its correct options (backticks dropped, as the widget shows them)."""
    bank = json.loads((built_site / "assets/quiz/bank.json").read_text())
    key = {}
    for entry in bank["entries"]:
        for item in entry["items"]:
            key[item["stem"].replace("`", "")] = [
                o["text"].replace("`", "") for o in item["options"] if o["correct"]
            ]
    return key


def answer_current(page, quiz, key: dict[str, list[str]], right: bool, number: int = 1) -> None:
    """Pick options with number keys only, then submit with Enter."""
    counter = quiz.locator(".mlw-question__count", has_text=f"Question {number} of")
    counter.wait_for(timeout=60_000)
    stem = quiz.locator(".mlw-question legend").inner_text().strip()
    labels = quiz.locator(".mlw-options label")
    texts = [labels.nth(i).locator("span").last.inner_text().strip() for i in range(labels.count())]
    correct = [i for i, t in enumerate(texts) if t in key[stem]]
    assert correct, f"no correct option found for {stem!r}"
    picks = correct if right else [next(i for i in range(len(texts)) if i not in correct)]
    for i in picks:
        page.keyboard.press(str(i + 1))
    page.keyboard.press("Enter")
    quiz.locator(".mlw-feedback").wait_for()


def take_quiz(page, quiz, key, pattern: list[bool]) -> str:
    """Answer len(pattern) items (True = right), going on with N; returns the score text."""
    for number, right in enumerate(pattern, 1):
        answer_current(page, quiz, key, right, number)
        page.keyboard.press("n")
    score = quiz.locator(".mlw-score")
    score.wait_for()
    return score.inner_text()


def start_by_keyboard(page, quiz) -> None:
    quiz.locator(".mlw-start").focus()
    page.keyboard.press("Enter")
