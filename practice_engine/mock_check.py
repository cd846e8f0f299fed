"""Whether a mock round (as the page hands it back, or as stored) is one this engine made:
its shape, its questions, and its grades with the seconds each graded question took."""

from __future__ import annotations

from typing import Any

from .clock import is_int
from .records import Record, register
from .state import MockRound
from .validate import keys_reason, record_problem
from .validate_mocks import MAX_QUESTION_SECONDS
from .vocab import GRADE_STEPS, LEVELS, MOCK_VERSION, ROLES

MOCK_KEYS: tuple[str, ...] = ("version", "id", "role", "level", "seed", "clock_seconds")
MOCK_KEYS += ("questions", "grades", "seconds", "position")
QUESTION_KEYS = ("id", "title", "url", "time_target", "target_seconds", "followups")


def _question_problem(q: Any) -> str | None:
    if not isinstance(q, dict):
        return "a question is not an object"
    why = keys_reason(q, QUESTION_KEYS)
    if why:
        return f"a question has {why}"
    if not all(isinstance(q[k], str) and q[k] for k in ("id", "title", "url")):
        return "a question needs a non-empty id, title and url"
    if not (q["time_target"] is None or isinstance(q["time_target"], str)):
        return "a question's time_target must be text or null"
    if not (q["target_seconds"] is None or is_int(q["target_seconds"])):
        return "a question's target_seconds must be a whole number or null"
    if not isinstance(q["followups"], list) or not all(isinstance(f, str) for f in q["followups"]):
        return "a question's followups must be a list of text"
    return None


def mock_problem(mock: Any) -> str | None:
    """None when `mock` is a round this engine made (possibly part-way), else why not."""
    why = record_problem(mock, MOCK_KEYS, MOCK_VERSION, "the mock round")
    if why:
        return why
    if mock["role"] not in ROLES or mock["level"] not in LEVELS or not is_int(mock["seed"]):
        return "the mock round has an unknown role or level, or a bad seed"
    if mock["id"] != f"mock-{mock['seed']}" or not is_int(mock["clock_seconds"]):
        return "the mock round's id or clock does not match its seed"
    qs, grades = mock["questions"], mock["grades"]
    if not isinstance(qs, list) or not qs:
        return "the mock round has no questions"
    problem = next(filter(None, map(_question_problem, qs)), None)
    if problem:
        return f"in the mock round, {problem}"
    if len({q["id"] for q in qs}) != len(qs):
        return "the mock round repeats a question"
    if not isinstance(grades, list) or not all(
        isinstance(g, str) and g in GRADE_STEPS for g in grades
    ):
        return "the mock round has an unknown grade"
    if len(grades) > len(qs) or not is_int(mock["position"]) or mock["position"] != len(grades):
        return "the mock round's position does not match its grades"
    return _seconds_problem(mock["seconds"], len(grades))


def _seconds_problem(seconds: Any, graded: int) -> str | None:
    """One entry per grade: the whole seconds that question took, or null if not known."""
    if not isinstance(seconds, list) or len(seconds) != graded:
        return f"the mock round's seconds must be a list with one entry per grade ({graded})"
    if not all(s is None or (is_int(s) and 0 <= s <= MAX_QUESTION_SECONDS) for s in seconds):
        return f"the mock round's seconds must be null or whole numbers 0 to {MAX_QUESTION_SECONDS}"
    return None


MOCK: Record[MockRound] = register(Record("mock", mock_problem, stored_as="the mock round"))
require_mock = MOCK.require
restore_mock = MOCK.restore
