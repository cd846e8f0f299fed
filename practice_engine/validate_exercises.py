"""Validation of the coding-exercise records in progress (version 3), with messages that
say what is wrong and where, as validate.py does for the rest of progress.

A record is strict about its shape and ranges so that nothing accepted here can make an op
fail later: counts are whole numbers in range, times are times, every result and
follow-up grade is well formed and in time order, the FSRS card is one fsrs can read, and a
draft holds at most MAX_DRAFT_CHARS of code written against a well-formed version hash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .clock import is_int, is_time
from .validate import TIME_RULE, card_problem, keys_problem, object_problem, shown
from .vocab import (
    EXERCISE_OUTCOMES,
    EXERCISE_VERSION_CHARS,
    FOLLOWUPS_RANGE,
    GRADES,
    HINTS_RANGE,
    MAX_DRAFT_CHARS,
    MAX_HISTORY,
    MAX_ROUND_COUNT,
)

RECORD_KEYS = ("round", "results", "card", "followups", "draft")
ROUND_KEYS = ("checks", "failed", "hints", "solution_seen", "last_ms")
DRAFT_KEYS = ("code", "version", "saved_ms")
EXERCISE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
VERSION = re.compile(rf"^[0-9a-f]{{{EXERCISE_VERSION_CHARS}}}$")
MAX_ID_CHARS = 60


def is_exercise_id(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_ID_CHARS and bool(EXERCISE_ID.match(value))


def is_version(value: Any) -> bool:
    return isinstance(value, str) and bool(VERSION.match(value))


def _count(value: Any, high: int) -> bool:
    return is_int(value) and 0 <= value <= high


def round_problem(r: Any, where: str) -> str | None:
    problem = object_problem(r, ROUND_KEYS, where)
    if problem:
        return problem
    if not _count(r["checks"], MAX_ROUND_COUNT) or not _count(r["failed"], r["checks"]):
        return f"{where} must count whole checks, failed ones at most all of them"
    if not _count(r["hints"], HINTS_RANGE[1]):
        return f"{where}.hints must be a whole number from 0 to {HINTS_RANGE[1]}"
    if not isinstance(r["solution_seen"], bool):
        return f"{where}.solution_seen must be true or false"
    if r["last_ms"] is not None and not is_time(r["last_ms"]):
        return f"{where}.last_ms must be null or {TIME_RULE}"
    return None


def _in_time_order(rows: list, at: int) -> bool:
    return all(rows[n - 1][at] <= rows[n][at] for n in range(1, len(rows)))


def _rows_problem(
    rows: Any, where: str, noun: str, row_ok: Callable[[Any], bool], shape: str, time_at: int
) -> str | None:
    """A history: a list of at most MAX_HISTORY `noun`, each row as `row_ok` wants it
    (`shape` says how), in time order by the row's column `time_at`."""
    if not isinstance(rows, list) or len(rows) > MAX_HISTORY:
        return f"{where} must be a list of at most {MAX_HISTORY} {noun}"
    for n, row in enumerate(rows):
        if not row_ok(row):
            return f"{where}[{n}] must be {shape}"
    if not _in_time_order(rows, time_at):
        return f"{where} must be in time order"
    return None


def _result_ok(row: Any) -> bool:
    return (
        isinstance(row, list)
        and len(row) == 4
        and is_time(row[0])
        and row[1] in EXERCISE_OUTCOMES
        and is_version(row[2])
        and is_int(row[3])
        and row[3] in (0, 1)
    )


def _followup_ok(row: Any) -> bool:
    return (
        isinstance(row, list)
        and len(row) == 3
        and _count(row[0], FOLLOWUPS_RANGE[1] - 1)
        and isinstance(row[1], str)
        and row[1] in GRADES
        and is_time(row[2])
    )


RESULT_SHAPE = (
    f"[time, outcome, exercise version, 0 or 1] with the time {TIME_RULE} and the outcome "
    f"one of {', '.join(EXERCISE_OUTCOMES)}"
)
FOLLOWUP_SHAPE = (
    f"[follow-up index 0 to {FOLLOWUPS_RANGE[1] - 1}, grade, time] with the grade one of "
    f"{', '.join(GRADES)}"
)


def results_problem(results: Any, where: str) -> str | None:
    return _rows_problem(results, where, "results", _result_ok, RESULT_SHAPE, 0)


def followups_problem(grades: Any, where: str) -> str | None:
    return _rows_problem(grades, where, "self-grades", _followup_ok, FOLLOWUP_SHAPE, 2)


def draft_problem(draft: Any, where: str) -> str | None:
    if draft is None:
        return None
    if not isinstance(draft, dict):
        return f"{where} must be null or an object"
    problem = keys_problem(draft, DRAFT_KEYS, where)
    if problem:
        return problem
    if not isinstance(draft["code"], str) or len(draft["code"]) > MAX_DRAFT_CHARS:
        return f"{where}.code must be text of at most {MAX_DRAFT_CHARS:,} characters"
    if not is_version(draft["version"]):
        return f"{where}.version must be {EXERCISE_VERSION_CHARS} hexadecimal digits"
    if not is_time(draft["saved_ms"]):
        return f"{where}.saved_ms must be {TIME_RULE}"
    return None


def record_problem(record: Any, where: str) -> str | None:
    """One exercise's record, part by part, stopping at the first problem."""
    return (
        object_problem(record, RECORD_KEYS, where)
        or round_problem(record["round"], f"{where}.round")
        or results_problem(record["results"], f"{where}.results")
        or (card_problem(record["card"], f"{where}.card") if record["card"] is not None else None)
        or followups_problem(record["followups"], f"{where}.followups")
        or draft_problem(record["draft"], f"{where}.draft")
    )


def exercises_problem(exercises: Any, where: str) -> str | None:
    if not isinstance(exercises, dict):
        return f"{where} is not an object of exercise records"
    for exercise_id, record in exercises.items():
        if not is_exercise_id(exercise_id):
            return f"{where} has a record for {shown(exercise_id)}, which is not an exercise id"
        problem = record_problem(record, f"{where}[{exercise_id!r}]")
        if problem:
            return problem
    return None
