"""Validation of the finished mock rounds progress keeps (progress.mocks), in the style of
validate.py: None when valid, else one sentence naming the bad record and what is wrong.

Version 6 of progress added to each record how the round ended ("complete", or a partial
round: "ended" early by the reader or out of "time") and the seconds used on each graded
question (null where unknown: rounds recorded before version 6). A partial round keeps
only what was graded, so it has fewer grades than questions; a complete one has one grade
per question.
"""

from __future__ import annotations

from typing import Any

from .clock import is_int, is_time
from .validate import TIME_RULE, keys_reason, shown
from .vocab import GRADES, LEVELS, MOCK_ENDINGS, ROLES

MOCK_RECORD_V5_KEYS = ("id", "role", "level", "finished_ms", "questions", "grades", "signal")
MOCK_RECORD_KEYS = (*MOCK_RECORD_V5_KEYS, "ended", "seconds")
# A question's time is kept up to a day: more is a clock gone wrong, not an answer.
MAX_QUESTION_SECONDS = 24 * 60 * 60


def _fields_problem(m: dict[str, Any]) -> str | None:
    """The fields every version of a mock record has."""
    if not isinstance(m["id"], str) or not m["id"]:
        return "'id' must be a non-empty string"
    if m["role"] not in ROLES or m["level"] not in LEVELS:
        return f"unknown role {shown(m['role'])} or level {shown(m['level'])}"
    if not is_time(m["finished_ms"]):
        return f"'finished_ms' must be {TIME_RULE}"
    qs, grades = m["questions"], m["grades"]
    if not isinstance(qs, list) or not qs or not all(isinstance(q, str) and q for q in qs):
        return "'questions' must be a non-empty list of question ids"
    if len(set(qs)) != len(qs):
        return "'questions' repeats a question"
    if not isinstance(grades, list) or not all(isinstance(g, str) and g in GRADES for g in grades):
        return f"'grades' must be a list of grades; grades are {', '.join(GRADES)}"
    if not is_int(m["signal"]) or not 1 <= m["signal"] <= 5:
        return "'signal' must be a whole number from 1 to 5"
    return None


def _v5_problem(m: dict[str, Any]) -> str | None:
    """Before version 6 only finished rounds were kept: one grade per question."""
    if len(m["grades"]) != len(m["questions"]):
        return "'grades' must be a list with one grade per question"
    return None


def _ending_problem(m: dict[str, Any]) -> str | None:
    """Version 6: how the round ended, its grades to match, and the time per grade."""
    ended, grades, qs = m["ended"], m["grades"], m["questions"]
    if not isinstance(ended, str) or ended not in MOCK_ENDINGS:
        return f"'ended' is {shown(ended)}; it must be one of {', '.join(MOCK_ENDINGS)}"
    if ended == "complete" and len(grades) != len(qs):
        return "'grades' must have one grade per question in a complete round"
    if ended != "complete" and not 1 <= len(grades) < len(qs):
        return (
            f"'grades' has {len(grades)} grades for {len(qs)} questions; a partial round "
            "(ended early or out of time) keeps at least one grade and fewer than its questions"
        )
    seconds = m["seconds"]
    if not isinstance(seconds, list) or len(seconds) != len(grades):
        return f"'seconds' must be a list with one entry per grade ({len(grades)})"
    for n, s in enumerate(seconds):
        if not (s is None or (is_int(s) and 0 <= s <= MAX_QUESTION_SECONDS)):
            return (
                f"'seconds'[{n}] is {shown(s)}; it must be null or a whole number of "
                f"seconds from 0 to {MAX_QUESTION_SECONDS}"
            )
    return None


def mocks_problem(mocks: Any, where: str, current: bool = True) -> str | None:
    """The mock records of a progress: version 6 (`current`) or an earlier one."""
    if not isinstance(mocks, list):
        return f"{where} is not a list of mock rounds"
    keys = MOCK_RECORD_KEYS if current else MOCK_RECORD_V5_KEYS
    seen: set[str] = set()
    for n, m in enumerate(mocks):
        if not isinstance(m, dict):
            return f"{where}[{n}] is not a valid mock round: not an object"
        why = keys_reason(m, keys) or _fields_problem(m)
        why = why or (_ending_problem(m) if current else _v5_problem(m))
        if why:
            return f"{where}[{n}] is not a valid mock round: {why}"
        if m["id"] in seen:
            return f"{where}[{n}] repeats the mock id {shown(m['id'])}"
        seen.add(m["id"])
    return None


def upgraded_mocks(mocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mock records from before version 6 as now: every one was a finished round (only
    those were kept), and the time per question was not recorded."""
    return [{**m, "ended": "complete", "seconds": [None] * len(m["grades"])} for m in mocks]
