"""Helpers for the practice-loop tests: fixed times, and progress built only through the
engine's own operations (so every state a test uses is one the page could reach)."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import strategies as st

from practice_engine import cards, exercise_progress, mock, progress
from practice_engine.errors import EngineError
from practice_engine.vocab import EXERCISE_EVENTS, GRADES, LEVELS, ROLES, SCHEDULES

EXERCISE_IDS = ("top-k-heap", "stable-softmax", "gone-exercise")
VERSIONS = ("0123456789abcdef", "fedcba9876543210")
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z, a Thursday
HOUR = 3_600_000
DAY = 24 * HOUR


def at(day: int, hour: float = 9, offset_min: int = 0) -> int:
    """UTC ms of `hour` o'clock local time on local day `day` after 2026-01-01."""
    return T0 + day * DAY + int(hour * HOUR) - offset_min * 60_000


def reviewed(state: dict, *steps: tuple[str, str, int]) -> dict:
    for question_id, grade, t in steps:
        state = cards.review(state, question_id, grade, t)
    return state


def finished_mock(bank, role: str, level: str, seed: int, grades: list[str]) -> dict:
    m = mock.new_mock(bank, role, level, seed)
    for n in range(len(m["questions"])):
        m = mock.grade_mock(m, grades[n % len(grades)], 60 + 7 * n)
    return m


times = st.integers(T0, T0 + 60 * DAY)
operations = st.one_of(
    st.tuples(st.just("quiz"), st.integers(0, 400), st.booleans(), times),
    st.tuples(st.just("review"), st.integers(0, 29), st.sampled_from(GRADES), times),
    st.tuples(
        st.just("mock"),
        st.integers(0, 50),
        st.sampled_from(ROLES),
        st.sampled_from(LEVELS),
        st.lists(st.sampled_from(GRADES), min_size=1, max_size=3),
        times,
    ),
    st.tuples(st.just("settings"), st.integers(1, 50), st.sampled_from(SCHEDULES)),
    st.tuples(
        st.just("exercise"),
        st.sampled_from(EXERCISE_IDS),
        st.sampled_from(VERSIONS),
        st.sampled_from(EXERCISE_EVENTS),
        times,
    ),
    st.tuples(st.just("followup"), st.sampled_from(EXERCISE_IDS), st.integers(0, 2), times),
    st.tuples(st.just("draft"), st.sampled_from(EXERCISE_IDS), st.sampled_from(VERSIONS), times),
)


def build(bank, ops: list[tuple[Any, ...]], start: dict | None = None) -> dict:
    """Apply generated operations in order, the way a reader's sessions would, to `start`
    (an empty progress by default)."""
    items = [i.id for i in bank.items]
    questions = cards.question_ids(bank)
    state = start if start is not None else progress.empty_progress()
    for op in ops:
        if op[0] == "quiz":
            state = progress.record(state, items[op[1] % len(items)], op[2], op[3])
        elif op[0] == "review":
            state = cards.review(state, questions[op[1] % len(questions)], op[2], op[3])
        elif op[0] == "mock":
            _, seed, role, level, grades, t = op
            with contextlib.suppress(EngineError):  # the same seed twice is refused
                m = finished_mock(bank, role, level, seed, grades)
                state = mock.record_mock(state, m, t)
        elif op[0] == "exercise":
            _, exercise_id, version, event, t = op
            state = exercise_progress.exercise_event(state, exercise_id, version, event, t)[
                "progress"
            ]
        elif op[0] == "followup":
            _, exercise_id, index, t = op
            grade = GRADES[(index + t) % len(GRADES)]
            state = exercise_progress.grade_followup(state, exercise_id, index, grade, t)
        elif op[0] == "draft":
            _, exercise_id, version, t = op
            code = f"def f():\n    return {t}\n"
            state = exercise_progress.save_draft(state, exercise_id, version, code, t)
        else:
            state = cards.set_settings(state, {"new_per_day": op[1], "schedule": op[2]})
    return state
