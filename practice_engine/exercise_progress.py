"""Coding exercises in progress: where each stands, its place on the FSRS schedule, the
reader's follow-up self-grades and their draft code.

A record per exercise (state.ExerciseRecord) keeps the current *round*: what the reader did
since their last pass (checks, failed checks, hints revealed, whether they saw the
solution). A pass ends the round with an outcome:

    solved                 no hint and no solution in the round   -> FSRS Good
    solved_with_help       at least one hint                      -> FSRS Hard
    solved_with_solution   the solution was seen before passing   -> FSRS Again

The outcome grades the exercise's FSRS card like a flashcard self-grade, when the card is
new or due; a pass before the card is due is practice: it is recorded (scheduled 0) but
moves nothing. Every result keeps the exercise version it was passed on, so a pass on an
exercise that has changed since is flagged. Exercises follow FSRS whatever the flashcards'
schedule setting ("checkpoints" is the study plan's rhythm for concept questions).

Status, for progress pages: "new" (nothing done), "attempted" (checked, or took a hint or
the solution, never passed), else the outcome of the latest pass. The solution unlocks
after a pass (ever), after SOLUTION_AFTER_FAILS failed checks in the round, or when the
reader gives up and reveals it (which the round then remembers).

The draft is the reader's code with the version of the exercise it was written against;
a draft whose version is not the exercise's current one is stale, and the page says so
instead of running it silently against a changed exercise.
"""

from __future__ import annotations

from typing import Any, cast

from fsrs import Rating

from .cards import require_grade, reviewed_card
from .clock import parse_when, require_time, to_ms
from .errors import EngineError
from .progress import require_progress
from .state import ExerciseDraft, ExerciseRecord, ExerciseRound, Progress
from .validate import shown
from .validate_exercises import is_exercise_id, is_version
from .vocab import (
    EXERCISE_EVENTS,
    EXERCISE_STATUSES,
    EXERCISE_VERSION_CHARS,
    FOLLOWUPS_RANGE,
    HINTS_RANGE,
    MAX_DRAFT_CHARS,
    MAX_HISTORY,
    MAX_ROUND_COUNT,
    SOLUTION_AFTER_FAILS,
)

OUTCOME_RATINGS: dict[str, Rating] = {
    "solved": Rating.Good,
    "solved_with_help": Rating.Hard,
    "solved_with_solution": Rating.Again,
}


def empty_round(last_ms: int | None = None) -> ExerciseRound:
    return {"checks": 0, "failed": 0, "hints": 0, "solution_seen": False, "last_ms": last_ms}


def empty_record() -> ExerciseRecord:
    return {"round": empty_round(), "results": [], "card": None, "followups": [], "draft": None}


def require_exercise_id(exercise_id: Any) -> str:
    if not is_exercise_id(exercise_id):
        raise EngineError(f"{shown(exercise_id)} is not an exercise id")
    return cast(str, exercise_id)


def require_version(version: Any) -> str:
    if not is_version(version):
        raise EngineError(
            f"version must be the exercise's {EXERCISE_VERSION_CHARS} hexadecimal digits"
        )
    return cast(str, version)


def _checked(progress: Progress, exercise_id: Any, now_ms: Any) -> ExerciseRecord:
    require_progress(progress)
    require_exercise_id(exercise_id)
    require_time(now_ms, "now_ms")
    return progress["exercises"].get(exercise_id) or empty_record()


def _with(progress: Progress, exercise_id: str, record: ExerciseRecord) -> Progress:
    return {**progress, "exercises": {**progress["exercises"], exercise_id: record}}


def due_ms(record: ExerciseRecord) -> int | None:
    when = parse_when(record["card"]["due"]) if record["card"] else None
    return to_ms(when) if when else None


def outcome(r: ExerciseRound) -> str:
    if r["solution_seen"]:
        return "solved_with_solution"
    return "solved_with_help" if r["hints"] else "solved"


def _passed(record: ExerciseRecord, version: str, now_ms: int) -> ExerciseRecord:
    if any(row[0] == now_ms for row in record["results"]):
        return record  # a retried call: one pass is graded once
    result = outcome(record["round"])
    due = due_ms(record)
    scheduled = record["card"] is None or (due is not None and due <= now_ms)
    card = record["card"]
    if scheduled:
        card = reviewed_card(card, OUTCOME_RATINGS[result], now_ms)
    row = [now_ms, result, version, int(scheduled)]
    results = sorted([*record["results"], row], key=lambda r: r[0])[-MAX_HISTORY:]
    return {**record, "round": empty_round(now_ms), "results": results, "card": card}


def _counted(record: ExerciseRecord, event: str, now_ms: int) -> ExerciseRecord:
    old = record["round"]
    r: ExerciseRound = {**old, "last_ms": max(now_ms, old["last_ms"] or 0)}
    if event == "check_failed":
        r["checks"] = min(old["checks"] + 1, MAX_ROUND_COUNT)
        r["failed"] = min(old["failed"] + 1, r["checks"])
    elif event == "hint":
        r["hints"] = min(old["hints"] + 1, HINTS_RANGE[1])
    else:
        r["solution_seen"] = True
    return {**record, "round": r}


def exercise_event(
    progress: Progress, exercise_id: str, version: str, event: str, now_ms: int
) -> dict[str, Any]:
    """{"progress", "state"} after one event of the page: a failed or passed Check, a hint
    revealed, or the solution revealed (see vocab.EXERCISE_EVENTS)."""
    record = _checked(progress, exercise_id, now_ms)
    require_version(version)
    if not isinstance(event, str) or event not in EXERCISE_EVENTS:
        raise EngineError(f"unknown event {shown(event)}; events are {', '.join(EXERCISE_EVENTS)}")
    if event == "check_passed":
        record = _passed(record, version, now_ms)
    else:
        record = _counted(record, event, now_ms)
    new = _with(progress, exercise_id, record)
    return {"progress": new, "state": _state(record, version, now_ms)}


def grade_followup(
    progress: Progress, exercise_id: str, index: int, grade: str, now_ms: int
) -> Progress:
    """A new progress with the reader's self-grade of one follow-up answer. The same grade
    at the same time again is a retried call and changes nothing."""
    record = _checked(progress, exercise_id, now_ms)
    high = FOLLOWUPS_RANGE[1] - 1
    if type(index) is not int or not 0 <= index <= high:
        raise EngineError(f"index must be the follow-up's number, from 0 to {high}")
    require_grade(grade)
    row = [index, grade, now_ms]
    if row in record["followups"]:
        return progress
    grades = sorted([*record["followups"], row], key=lambda g: g[2])[-MAX_HISTORY:]
    return _with(progress, exercise_id, {**record, "followups": grades})


def save_draft(
    progress: Progress, exercise_id: str, version: str, code: str, now_ms: int
) -> Progress:
    """A new progress keeping the reader's code for an exercise, written against `version`."""
    record = _checked(progress, exercise_id, now_ms)
    require_version(version)
    if not isinstance(code, str) or len(code) > MAX_DRAFT_CHARS:
        raise EngineError(f"code must be text of at most {MAX_DRAFT_CHARS:,} characters")
    draft: ExerciseDraft = {"code": code, "version": version, "saved_ms": now_ms}
    return _with(progress, exercise_id, {**record, "draft": draft})


def status(record: ExerciseRecord | None) -> str:
    if record is None:
        return "new"
    if record["results"]:
        return cast(str, record["results"][-1][1])
    r = record["round"]
    return "attempted" if r["checks"] or r["hints"] or r["solution_seen"] else "new"


def _state(record: ExerciseRecord, version: str, now_ms: int) -> dict[str, Any]:
    r, results = record["round"], record["results"]
    unlocked = bool(results) or r["solution_seen"] or r["failed"] >= SOLUTION_AFTER_FAILS
    due = due_ms(record)
    draft = record["draft"]
    last_pass = results[-1] if results else None
    return {
        "status": status(record),
        "checks": r["checks"],
        "failed": r["failed"],
        "hints": r["hints"],
        "solution_seen": r["solution_seen"],
        "solution_unlocked": unlocked,
        "fails_to_unlock": 0 if unlocked else SOLUTION_AFTER_FAILS - r["failed"],
        "passes": len(results),
        "last_pass_ms": last_pass[0] if last_pass else None,
        "changed_since_pass": last_pass is not None and last_pass[2] != version,
        "due_ms": due,
        "due": due is not None and due <= now_ms,
        "draft": None
        if draft is None
        else {
            "code": draft["code"],
            "saved_ms": draft["saved_ms"],
            "stale": draft["version"] != version,
        },
        "followups": {str(i): g for i, g, _ in record["followups"]},  # the latest grade each
    }


def exercise_state(
    progress: Progress, exercise_id: str, version: str, now_ms: int
) -> dict[str, Any]:
    """Everything the exercise page shows about the reader's work on it; `version` is the
    exercise's current one (from the build), so a stale draft or pass can be flagged."""
    record = _checked(progress, exercise_id, now_ms)
    require_version(version)
    return _state(record, version, now_ms)


def _listed(exercises: Any) -> dict[str, str]:
    """The exercises the page passes: [{"id", "version", ...}, ...] as published in
    assets/exercises/index.json."""
    if not isinstance(exercises, list):
        raise EngineError("exercises must be the list published in assets/exercises/index.json")
    out: dict[str, str] = {}
    for n, e in enumerate(exercises):
        if not isinstance(e, dict):
            raise EngineError(f"exercises[{n}] must be an object with 'id' and 'version'")
        out[require_exercise_id(e.get("id"))] = require_version(e.get("version"))
    return out


def exercise_overview(progress: Progress, exercises: list[Any], now_ms: int) -> dict[str, Any]:
    """Where every listed exercise stands: its status, due time and whether it changed since
    the reader's last pass; the ids due now, most overdue first; counts per status."""
    require_progress(progress)
    require_time(now_ms, "now_ms")
    listed = _listed(exercises)
    rows = []
    for exercise_id, version in listed.items():
        record = progress["exercises"].get(exercise_id)
        state = _state(record or empty_record(), version, now_ms)
        rows.append(
            {
                "id": exercise_id,
                "status": state["status"],
                "due_ms": state["due_ms"],
                "due": state["due"],
                "changed_since_pass": state["changed_since_pass"],
            }
        )
    due = sorted((r for r in rows if r["due"]), key=lambda r: (r["due_ms"], r["id"]))
    later = [r["due_ms"] for r in rows if r["due_ms"] is not None and not r["due"]]
    return {
        "exercises": rows,
        "due": [r["id"] for r in due],
        "counts": {s: sum(1 for r in rows if r["status"] == s) for s in EXERCISE_STATUSES},
        "next_due_ms": min(later) if later else None,
    }
