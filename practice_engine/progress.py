"""A reader's progress as a versioned plain dict: quiz answers, flashcard state, self-grades,
finished mock rounds and settings.

Version 2 (this one):
    {"version": 2,
     "quiz": {item_id: [[t_ms, 0|1], ...]},       # every quiz answer, in time order
     "cards": {question_id: fsrs Card.to_dict()},   # FSRS state per concept question
     "reviews": [[question_id, grade, t_ms], ...],  # every self-grade, in time order
     "mocks": [{"id", "role", "level", "finished_ms", "questions", "grades", "signal"}],
     "settings": {"new_per_day": 1..50, "schedule": "fsrs" | "checkpoints"}}
Version 1 had only "version" and "quiz"; it is migrated on restore and on import.

The page keeps progress in localStorage and hands the raw text back on load. Restoring never
raises: unreadable data yields an empty progress and the reason, so the page can back the
text up, tell the reader, and carry on.
"""

from __future__ import annotations

from typing import Any

from .checks import parse_stored, progress_problem, progress_v1_problem, shown
from .clock import is_int
from .quiz import QuizError
from .vocab import DEFAULT_SETTINGS

PROGRESS_VERSION = 2
MAX_HISTORY = 100  # answers kept per item; older ones add nothing to a study plan


def empty_progress() -> dict[str, Any]:
    return {
        "version": PROGRESS_VERSION,
        "quiz": {},
        "cards": {},
        "reviews": [],
        "mocks": [],
        "settings": dict(DEFAULT_SETTINGS),
    }


def has_study_data(progress: dict[str, Any]) -> bool:
    """True once anything was answered, graded or recorded (settings alone do not count)."""
    return any(progress[k] for k in ("quiz", "cards", "reviews", "mocks"))


def check_progress(data: Any) -> str | None:
    """None when `data` is a valid version-2 progress dict, else the first reason it is not."""
    return progress_problem(data, "progress")


def require_progress(data: Any) -> dict[str, Any]:
    """`data` if it is a valid progress, else a QuizError: ops never work on bad state."""
    problem = check_progress(data)
    if problem:
        raise QuizError(f"the progress passed in is not valid: {problem}")
    return data


def upgrade(data: Any, where: str = "progress") -> tuple[dict[str, Any] | None, str | None]:
    """(version-2 progress, None) from a valid version 1 or 2, else (None, reason).
    Version 1 keeps its quiz history; everything that did not exist then starts empty."""
    if not isinstance(data, dict):
        return None, f"{where} is not an object"
    version = data.get("version")
    if is_int(version) and version == 1:
        problem = progress_v1_problem(data, where)
        return (None, problem) if problem else ({**empty_progress(), "quiz": data["quiz"]}, None)
    if is_int(version) and version == PROGRESS_VERSION:
        problem = progress_problem(data, where)
        return (None, problem) if problem else (data, None)
    if is_int(version) and version > PROGRESS_VERSION:
        return None, (
            f"{where} was written by a newer version of the guide (format {version}; "
            f"this page reads up to {PROGRESS_VERSION})"
        )
    return None, f"{where} has version {shown(version)}, expected 1 or {PROGRESS_VERSION}"


def restore_progress(raw: str | None) -> tuple[dict[str, Any], str | None]:
    """Progress from stored text: (progress, None) when valid (version 1 is migrated, which
    is not an error), (empty, reason) when not. Nothing stored is not an error."""
    stored = parse_stored(raw, "stored progress")
    if not stored.present or stored.reason:
        return empty_progress(), stored.reason
    state, reason = upgrade(stored.data)
    return (state, None) if state is not None else (empty_progress(), reason)


def record(progress: dict[str, Any], item_id: str, correct: bool, now_ms: int) -> dict[str, Any]:
    """A new progress with one more answer for `item_id` (timestamps come from the page).
    The history stays in time order, and an answer identical to one already stored (same
    time, same verdict) is a retried call, so it is not counted twice."""
    attempt = [int(now_ms), int(bool(correct))]
    old = progress["quiz"].get(item_id, [])
    if attempt in old:
        return progress
    history = sorted([*old, attempt], key=lambda a: a[0])
    return {**progress, "quiz": {**progress["quiz"], item_id: history[-MAX_HISTORY:]}}


def item_stats(progress: dict[str, Any], item_id: str) -> dict[str, int]:
    history = progress["quiz"].get(item_id, [])
    return {
        "attempts": len(history),
        "correct": sum(c for _, c in history),
        "last": history[-1][0] if history else 0,
    }
