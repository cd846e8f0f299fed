"""A reader's progress as a versioned plain dict: quiz answers, flashcard state, self-grades,
recorded mock rounds (finished or partial) and settings.

Version 7 (this one):
    {"version": 7,
     "quiz": {item_id: [[t_ms, 0|1], ...]},       # every quiz answer, in time order
     "cards": {question_id: fsrs Card.to_dict()},   # FSRS state per concept question
     "reviews": [[question_id, grade, t_ms], ...],  # every self-grade, in time order
     "mocks": [{"id", "role", "level", "finished_ms", "questions", "grades", "signal",
                "ended": "complete" | "ended" | "time",  # partial: ended early, out of time
                "seconds": [int | null, ...]}],  # time used per graded question
     "settings": {"new_per_day": 1..50, "schedule": "fsrs" | "checkpoints",
                  "level": "L3".."L6+", "keep_answers": bool,
                  "interview_date": "YYYY-MM-DD" | null, "role": vocab.ROLES | null,
                  "scope": "core" | "all"},             # where new flashcards come from
     "exercises": {exercise_id: record},            # see exercise_progress.py
     "answers": {question_id: {"text", "t_ms"}}}    # typed answers, only if kept
A partial round (vocab.MOCK_ENDINGS) keeps only its graded questions' grades and times.
Version 6 had no "scope" in its settings (it migrates as "core", the default).
Version 5 kept only finished mock rounds, without "ended" or "seconds" (they migrate as
"complete", each time null: unknown). Version 4 had no interview date or role in its
settings; version 3 had no "answers" and settings had only new_per_day and schedule;
version 2 also lacked "exercises", version 1 had only "version" and "quiz". Older
versions are migrated on restore and on import, everything they lacked starting empty or
at its default (a typed answer is never kept unless the reader asks: keep_answers starts
false).

The page keeps progress in localStorage and hands the raw text back on load. Restoring never
raises: unreadable data yields an empty progress and the reason, so the page can back the
text up, tell the reader, and carry on.
"""

from __future__ import annotations

from typing import Any, cast

from .clock import is_int
from .records import Record, register
from .state import Progress, Settings
from .stored_text import parse_stored
from .validate import (
    PROGRESS_V2_KEYS,
    SETTINGS_KEYS,
    SETTINGS_V4_KEYS,
    SETTINGS_V6_KEYS,
    answers_problem,
    progress_parts_problem,
    progress_v1_problem,
    shown,
)
from .validate_exercises import exercises_problem
from .validate_mocks import upgraded_mocks
from .vocab import DEFAULT_SETTINGS, MAX_HISTORY, PROGRESS_VERSION

PROGRESS_V3_KEYS = (*PROGRESS_V2_KEYS, "exercises")
PROGRESS_KEYS = (*PROGRESS_V3_KEYS, "answers")


def progress_v2_problem(data: Any, where: str) -> str | None:
    """A version-2 progress: everything but the exercises."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    return progress_parts_problem(data, where, PROGRESS_V2_KEYS)


def progress_v3_problem(data: Any, where: str) -> str | None:
    """A version-3 progress: no typed answers, and the two settings of then."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    return progress_parts_problem(data, where, PROGRESS_V3_KEYS) or exercises_problem(
        data["exercises"], f"{where}.exercises"
    )


def _parts_problem(
    data: Any, where: str, settings_keys: tuple[str, ...], mocks_current: bool = False
) -> str | None:
    """Every part of a progress of version 4 or later, stopping at the first problem."""
    return (
        progress_parts_problem(data, where, PROGRESS_KEYS, settings_keys, mocks_current)
        or exercises_problem(data["exercises"], f"{where}.exercises")
        or answers_problem(
            data["answers"], f"{where}.answers", data["settings"]["keep_answers"] is True
        )
    )


def progress_v4_problem(data: Any, where: str) -> str | None:
    """A version-4 progress: settings without the interview's date and role."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    return _parts_problem(data, where, SETTINGS_V4_KEYS)


def progress_v5_problem(data: Any, where: str) -> str | None:
    """A version-5 progress: mock records without how they ended or their times."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    return _parts_problem(data, where, SETTINGS_V6_KEYS)


def progress_v6_problem(data: Any, where: str) -> str | None:
    """A version-6 progress: settings without the scope of new flashcards."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    return _parts_problem(data, where, SETTINGS_V6_KEYS, mocks_current=True)


def progress_problem(data: Any, where: str = "progress") -> str | None:
    """A current progress (version PROGRESS_VERSION), part by part, stopping at the first
    problem."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    if not is_int(data.get("version")) or data["version"] != PROGRESS_VERSION:
        return f"{where}.version is {shown(data.get('version'))}, expected {PROGRESS_VERSION}"
    return _parts_problem(data, where, SETTINGS_KEYS, mocks_current=True)


PROGRESS: Record[Progress] = register(
    Record(
        "progress",
        progress_problem,
        stored_as="stored progress",
        refused="the progress passed in is not valid: {}",
    )
)
require_progress = PROGRESS.require


def empty_progress() -> Progress:
    return {
        "version": PROGRESS_VERSION,
        "quiz": {},
        "cards": {},
        "reviews": [],
        "mocks": [],
        "settings": cast(Settings, dict(DEFAULT_SETTINGS)),
        "exercises": {},
        "answers": {},
    }


def has_study_data(progress: Progress) -> bool:
    """True once anything was answered, graded or recorded (settings alone do not count)."""
    return any(progress[k] for k in ("quiz", "cards", "reviews", "mocks", "exercises"))


def _upgraded(data: dict[str, Any], mocks_current: bool = False) -> Progress:
    """A valid older progress (version 2 to 6) as the current one: what it lacked starts
    empty (no answers kept, no exercises), settings it lacked at their defaults (so new
    flashcards start on the core set), and mock rounds from before version 6 finished ones
    of unknown times (see validate_mocks.upgraded_mocks)."""
    settings = {**DEFAULT_SETTINGS, **data["settings"]}
    mocks = data["mocks"] if mocks_current else upgraded_mocks(data["mocks"])
    return cast(
        Progress,
        {
            "exercises": {},
            "answers": {},
            **data,
            "version": PROGRESS_VERSION,
            "settings": settings,
            "mocks": mocks,
        },
    )


def upgrade(data: Any, where: str = "progress") -> tuple[Progress | None, str | None]:
    """(current progress, None) from a valid version 1 to 7, else (None, reason).
    An older version keeps what it had; everything that did not exist then starts empty."""
    if not isinstance(data, dict):
        return None, f"{where} is not an object"
    version = data.get("version")
    if is_int(version) and version == 1:
        problem = progress_v1_problem(data, where)
        return (None, problem) if problem else ({**empty_progress(), "quiz": data["quiz"]}, None)
    if is_int(version) and version == 2:
        problem = progress_v2_problem(data, where)
        return (None, problem) if problem else (_upgraded(data), None)
    if is_int(version) and version == 3:
        problem = progress_v3_problem(data, where)
        return (None, problem) if problem else (_upgraded(data), None)
    if is_int(version) and version == 4:
        problem = progress_v4_problem(data, where)
        return (None, problem) if problem else (_upgraded(data), None)
    if is_int(version) and version == 5:
        problem = progress_v5_problem(data, where)
        return (None, problem) if problem else (_upgraded(data), None)
    if is_int(version) and version == 6:
        problem = progress_v6_problem(data, where)
        return (None, problem) if problem else (_upgraded(data, mocks_current=True), None)
    if is_int(version) and version == PROGRESS_VERSION:
        problem = progress_problem(data, where)
        return (None, problem) if problem else (cast(Progress, data), None)
    if is_int(version) and version > PROGRESS_VERSION:
        return None, (
            f"{where} was written by a newer version of the guide (format {version}; "
            f"this page reads up to {PROGRESS_VERSION})"
        )
    return None, f"{where} has version {shown(version)}, expected 1 to {PROGRESS_VERSION}"


def restore_progress(raw: str | None) -> tuple[Progress, str | None]:
    """Progress from stored text: (progress, None) when valid (version 1 is migrated, which
    is not an error), (empty, reason) when not. Nothing stored is not an error."""
    stored = parse_stored(raw, PROGRESS.stored_as)
    if not stored.present or stored.reason:
        return empty_progress(), stored.reason
    state, reason = upgrade(stored.data)
    return (state, None) if state is not None else (empty_progress(), reason)


def record(progress: Progress, item_id: str, correct: bool, now_ms: int) -> Progress:
    """A new progress with one more answer for `item_id` (timestamps come from the page).
    The history stays in time order, and an answer identical to one already stored (same
    time, same verdict) is a retried call, so it is not counted twice."""
    attempt = [int(now_ms), int(bool(correct))]
    old = progress["quiz"].get(item_id, [])
    if attempt in old:
        return progress
    history = sorted([*old, attempt], key=lambda a: a[0])
    return {**progress, "quiz": {**progress["quiz"], item_id: history[-MAX_HISTORY:]}}


def item_stats(progress: Progress, item_id: str) -> dict[str, int]:
    history = progress["quiz"].get(item_id, [])
    return {
        "attempts": len(history),
        "correct": sum(c for _, c in history),
        "last": history[-1][0] if history else 0,
    }
