"""Where each item of the guide's indexes stands for the reader: the question, problem and
exercise tables show it as a status column and filter on it.

Questions follow their flashcard: "new" (never reviewed), "due" (due now in the reader's
schedule), "mastered" (an FSRS card in the review state, not due, whose stability is at
least vocab.MASTERED_STABILITY_DAYS: recall would stay above 90% for three weeks without a
review), else "learning". Practice problems are flashcards too and follow their card the
same way once graded; one only met in the quiz is "quizzed", and each problem carries how
many of its quiz items the latest answers got right. Exercises take the
status of exercise_progress.
"""

from __future__ import annotations

from typing import Any

from .bankdata import BankData
from .cards import due_ms, review_span
from .clock import require_offset, require_time
from .errors import EngineError
from .exercise_progress import require_exercise_id, status
from .progress import require_progress
from .state import Progress
from .vocab import (
    EXERCISE_STATUS_LABELS,
    MASTERED_STABILITY_DAYS,
    PROBLEM_STATUS_LABELS,
    QUESTION_STATUS_LABELS,
)

REVIEW_STATE = 2  # fsrs.State.Review


def question_status(progress: Progress, question_id: str, now_ms: int, offset_min: int) -> str:
    if question_id not in progress["cards"] and review_span(progress, question_id) is None:
        return "new"
    due = due_ms(progress, question_id, offset_min)
    if due is not None and due <= now_ms:
        return "due"
    card = progress["cards"].get(question_id)
    if card and card["state"] == REVIEW_STATE and card["stability"] >= MASTERED_STABILITY_DAYS:
        return "mastered"
    return "learning"


def problem_status(
    progress: Progress, problem_id: str, item_ids: list[str], now_ms: int, offset_min: int
) -> dict[str, Any]:
    """A problem graded as a flashcard follows its card, like a question; one only met in
    the quiz is "quizzed"; else "new". The latest answer to each of its quiz items is
    counted either way."""
    latest = [progress["quiz"][i][-1][1] for i in item_ids if progress["quiz"].get(i)]
    state = question_status(progress, problem_id, now_ms, offset_min)
    if state == "new" and latest:
        state = "quizzed"
    right = sum(1 for ok in latest if ok)
    return {"status": state, "right": right, "answered": len(latest), "items": len(item_ids)}


def _exercise_ids(exercise_ids: Any) -> list[str]:
    if not isinstance(exercise_ids, list):
        raise EngineError("exercise_ids must be a list of exercise ids")
    return [require_exercise_id(e) for e in exercise_ids]


def index_status(
    bank: BankData,
    progress: Progress,
    exercise_ids: list[str],
    now_ms: int,
    tz_offset_min: int,
) -> dict[str, Any]:
    """The status of every concept question and practice problem of the bank, and of each
    exercise in `exercise_ids` (the page lists them: the bank does not hold exercises),
    with the words a page shows for each status and the rule behind "mastered"."""
    require_progress(progress)
    require_time(now_ms, "now_ms")
    require_offset(tz_offset_min)
    exercises = progress["exercises"]
    return {
        "questions": {
            e.id: question_status(progress, e.id, now_ms, tz_offset_min)
            for e in bank.entries
            if e.kind == "question"
        },
        "problems": {
            e.id: problem_status(progress, e.id, [i.id for i in e.items], now_ms, tz_offset_min)
            for e in bank.entries
            if e.kind == "problem"
        },
        "exercises": {e: status(exercises.get(e)) for e in _exercise_ids(exercise_ids)},
        "labels": {
            "questions": QUESTION_STATUS_LABELS,
            "problems": PROBLEM_STATUS_LABELS,
            "exercises": EXERCISE_STATUS_LABELS,
        },
        "mastered_stability_days": MASTERED_STABILITY_DAYS,
    }
