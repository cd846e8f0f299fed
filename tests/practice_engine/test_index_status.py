"""The indexes' status column: questions from their flashcard (new, learning, due, mastered
by the stability rule), problems from the quiz answers to their items, exercises from
their record, and the op the page calls."""

from __future__ import annotations

import json

import pytest

from practice_engine import progress
from practice_engine.api import dispatch
from practice_engine.exercise_progress import exercise_event
from practice_engine.index_status import index_status
from practice_engine.vocab import MASTERED_STABILITY_DAYS, QUESTION_STATUSES
from tests.practice_engine.builders import DAY, VERSIONS, at, reviewed

Q = "bias-variance"


def _status(bank, state: dict, now: int) -> dict:
    return index_status(bank, state, ["top-k-heap", "stable-softmax"], now, 0)


def test_an_empty_progress_is_all_new(engine_bank) -> None:
    out = _status(engine_bank, progress.empty_progress(), at(0))
    questions = [e.id for e in engine_bank.entries if e.kind == "question"]
    problems = [e.id for e in engine_bank.entries if e.kind == "problem"]
    assert list(out["questions"]) == questions and set(out["questions"].values()) == {"new"}
    assert list(out["problems"]) == problems
    assert {p["status"] for p in out["problems"].values()} == {"new"}
    assert out["exercises"] == {"top-k-heap": "new", "stable-softmax": "new"}
    assert list(out["labels"]["questions"]) == list(QUESTION_STATUSES)
    assert out["mastered_stability_days"] == MASTERED_STABILITY_DAYS


def test_a_question_goes_learning_then_due_then_mastered(engine_bank) -> None:
    state = reviewed(progress.empty_progress(), (Q, "strong_hire", at(0)))
    # FSRS's learning steps bring a new card back within minutes
    assert _status(engine_bank, state, at(0) + 60_000)["questions"][Q] == "learning"
    assert _status(engine_bank, state, at(30))["questions"][Q] == "due"
    day, now = 0, at(0)
    while state["cards"][Q]["stability"] < MASTERED_STABILITY_DAYS:
        due = _status(engine_bank, state, now)["questions"][Q]
        assert due in ("learning", "due")
        day += 60
        now = at(day)
        state = reviewed(state, (Q, "strong_hire", now))
    assert state["cards"][Q]["state"] == 2
    assert _status(engine_bank, state, now + 1)["questions"][Q] == "mastered"
    # a mastered card that falls due is due: what to do beats how well it went
    assert _status(engine_bank, state, now + 400 * DAY)["questions"][Q] == "due"


def test_a_lapse_takes_mastery_away(engine_bank) -> None:
    state = progress.empty_progress()
    for day in (0, 10, 40, 120):
        state = reviewed(state, (Q, "strong_hire", at(day)))
    assert _status(engine_bank, state, at(120, 10))["questions"][Q] == "mastered"
    state = reviewed(state, (Q, "didnt_know", at(121)))
    assert _status(engine_bank, state, at(121) + 60_000)["questions"][Q] == "learning"


def test_a_problem_counts_the_latest_answer_to_each_item(engine_bank) -> None:
    problem = next(e for e in engine_bank.entries if e.kind == "problem" and len(e.items) >= 2)
    first, second = (i.id for i in problem.items[:2])
    state = progress.record(progress.empty_progress(), first, False, at(0))
    state = progress.record(state, first, True, at(1))
    state = progress.record(state, second, False, at(1))
    out = _status(engine_bank, state, at(2))["problems"][problem.id]
    assert out == {"status": "quizzed", "right": 1, "answered": 2, "items": len(problem.items)}
    graded = reviewed(state, (problem.id, "strong_hire", at(2)))
    out = _status(engine_bank, graded, at(2) + 60_000)["problems"][problem.id]
    assert out["status"] == "learning" and out["answered"] == 2  # its card leads, quiz kept


def test_exercises_take_their_record_status(engine_bank) -> None:
    state = exercise_event(progress.empty_progress(), "top-k-heap", VERSIONS[0], "hint", at(0))
    state = state["progress"]
    done = exercise_event(state, "stable-softmax", VERSIONS[0], "check_passed", at(0))
    out = _status(engine_bank, done["progress"], at(1))["exercises"]
    assert out == {"top-k-heap": "attempted", "stable-softmax": "solved"}


def test_the_op_answers_and_refuses_bad_ids(loaded_bank) -> None:
    args = {"progress": progress.empty_progress(), "exercise_ids": [], "now_ms": at(0)}
    ok = json.loads(dispatch("index_status", json.dumps({**args, "tz_offset_min": 0})))
    assert ok["ok"] and ok["result"]["exercises"] == {}
    bad = {**args, "exercise_ids": ["../x"], "tz_offset_min": 0}
    refused = json.loads(dispatch("index_status", json.dumps(bad)))
    assert not refused["ok"] and "exercise id" in refused["error"]


@pytest.mark.parametrize("exercise_ids", ["top-k-heap", None])
def test_exercise_ids_must_be_a_list(engine_bank, exercise_ids) -> None:
    from practice_engine.errors import EngineError

    with pytest.raises(EngineError):
        index_status(engine_bank, progress.empty_progress(), exercise_ids, at(0), 0)  # type: ignore[arg-type]
