"""Today's session summary counts only what was done while the session ran."""

from __future__ import annotations

import pytest

from practice_engine import progress, today
from practice_engine.dashboard import day_summary
from practice_engine.errors import EngineError
from tests.practice_engine.builders import at, reviewed


def _studied() -> dict:
    state = reviewed(
        progress.empty_progress(),
        ("bias-variance", "strong_hire", at(0, 8)),  # before the session
        ("overfitting", "no_hire", at(0, 10)),
        ("bias-variance", "lean_hire", at(0, 11)),
    )
    state = progress.record(state, "bias-variance-1", True, at(0, 9))  # before
    state = progress.record(state, "bias-variance-2", False, at(0, 10))
    return progress.record(state, "overfitting-1", True, at(0, 12))


def test_the_summary_counts_the_session_and_adds_the_day(engine_bank) -> None:
    state = _studied()
    out = today.session_summary(engine_bank, state, at(0, 10), at(0, 12), 0)
    assert out["reviews"] == 2
    assert out["grades"] == {"strong_hire": 0, "lean_hire": 1, "no_hire": 1, "didnt_know": 0}
    assert (out["quiz_answers"], out["quiz_correct"]) == (2, 1)
    for key, value in day_summary(engine_bank, state, at(0, 12), 0).items():
        assert out[key] == value


def test_a_session_that_did_nothing_counts_nothing(engine_bank) -> None:
    out = today.session_summary(engine_bank, _studied(), at(0, 13), at(0, 14), 0)
    assert out["reviews"] == out["quiz_answers"] == out["quiz_correct"] == 0


def test_bad_times_are_refused_by_name(engine_bank) -> None:
    with pytest.raises(EngineError, match="since_ms"):
        today.session_summary(engine_bank, _studied(), -1, at(0), 0)
