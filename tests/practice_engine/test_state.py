"""Saved state round-trips, and bad state never raises: it gives a fresh start and why."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_engine import progress, quiz
from practice_engine.api import dispatch
from practice_engine.session_state import restore_session
from practice_engine.stored_text import nesting_problem
from tests.practice_engine.builders import T0, build

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    answers=st.lists(
        st.tuples(st.text(min_size=1, max_size=12), st.booleans(), st.integers(0, 2**45)),
        max_size=30,
    )
)
def test_progress_round_trips_through_json(answers) -> None:
    state = progress.empty_progress()
    for item_id, correct, now in answers:
        state = progress.record(state, item_id, correct, now)
    restored, reason = progress.restore_progress(json.dumps(state))
    assert reason is None
    assert restored == state


@given(data=json_values)
@settings(max_examples=300, deadline=None)
def test_bad_progress_never_raises(data) -> None:
    restored, reason = progress.restore_progress(json.dumps(data))
    if reason is not None:
        assert restored == progress.empty_progress()
    else:
        assert progress.PROGRESS.problem(restored) is None


@given(raw=st.text(max_size=40))
def test_garbage_text_gives_a_reason(raw: str) -> None:
    restored, reason = progress.restore_progress(raw)
    assert restored == progress.empty_progress() or reason is None


def test_specific_corruptions_are_explained() -> None:
    cases = {
        "{not json": "not valid JSON",
        "[]": "progress is not an object",
        '{"version": 99, "quiz": {}}': "newer version of the guide (format 99; this page reads",
        '{"version": "2", "quiz": {}}': "version '2', expected 1 to 7",
        '{"version": 1, "quiz": {"a": [[1, 2]]}}': "progress.quiz['a'][0] is a malformed answer",
        '{"version": 1, "quiz": {}, "x": 1}': "progress has unknown keys ['x']",
        '{"version": 2, "quiz": {}}': "progress is missing 'cards'",
        '{"version": 3, "quiz": {}}': "progress is missing 'cards'",
        '{"version": 4, "quiz": {}}': "progress is missing 'cards'",
        '{"version": 5, "quiz": {}}': "progress is missing 'cards'",
        '{"version": 6, "quiz": {}}': "progress is missing 'cards'",
    }
    for raw, expected in cases.items():
        restored, reason = progress.restore_progress(raw)
        assert restored == progress.empty_progress()
        assert expected in reason, reason


def test_version_1_is_migrated_without_complaint() -> None:
    v1 = {"version": 1, "quiz": {"item-1": [[5, 1], [9, 0]]}}
    restored, reason = progress.restore_progress(json.dumps(v1))
    assert reason is None
    assert restored == {**progress.empty_progress(), "quiz": v1["quiz"]}
    assert restored["version"] == 7 and restored["settings"] == {
        "new_per_day": 5,
        "schedule": "fsrs",
        "level": "L4",
        "keep_answers": False,
        "interview_date": None,
        "role": None,
        "scope": "core",
    }
    assert restored["answers"] == {}
    assert progress.PROGRESS.problem(restored) is None


def test_a_full_current_progress_round_trips(engine_bank) -> None:
    state = build(engine_bank, [("review", 3, "lean_hire", T0), ("quiz", 2, True, T0 + 1)])
    restored, reason = progress.restore_progress(json.dumps(state))
    assert reason is None and restored == state


def test_record_keeps_time_order_and_ignores_a_retry() -> None:
    state = progress.record(progress.empty_progress(), "a", True, 20)
    state = progress.record(state, "a", False, 10)
    assert progress.record(state, "a", True, 20) is state
    assert state["quiz"]["a"] == [[10, 0], [20, 1]]
    assert progress.item_stats(state, "a") == {"attempts": 2, "correct": 1, "last": 20}


@given(seed=st.integers(0, 10_000), answers=st.integers(0, 4))
@settings(max_examples=40, deadline=None)
def test_session_round_trips(engine_bank, seed: int, answers: int) -> None:
    s = quiz.new_session(engine_bank, {"count": 4}, seed)
    for _ in range(min(answers, len(s["items"]))):
        s, _ = quiz.grade(engine_bank, s, [0])
        s = quiz.advance(s)
    restored, reason = restore_session(engine_bank, json.loads(json.dumps(s)))
    assert reason is None and restored == s


@given(data=json_values)
@settings(max_examples=300, deadline=None)
def test_bad_session_never_raises(small_bank, data) -> None:
    restored, reason = restore_session(small_bank, data)
    assert (restored is None) == (reason is not None)


def test_dispatch_never_raises() -> None:
    for op, args in [
        ("nope", "{}"),
        ("view", "[1]"),
        ("view", "{bad"),
        ("grade", json.dumps({"session": {}, "chosen": [0]})),
        ("record", json.dumps({"progress": None})),
        ("review", json.dumps({"progress": {}, "question_id": "x", "grade": "a", "now_ms": 1})),
        ("queue", json.dumps({"progress": None, "now_ms": 1, "tz_offset_min": 0})),
        ("record_mock", json.dumps({"progress": {}, "mock": [], "finished_ms": 1})),
        ("apply_import", json.dumps({"current": {}, "incoming": {}, "mode": "merge"})),
    ]:
        out = json.loads(dispatch(op, args))
        assert out["ok"] is False and out["error"]
    # read_import answers a bad file as its result, for the page to show
    out = json.loads(dispatch("read_import", json.dumps({"text": 5})))
    assert out["result"] == {"ok": False, "error": "the file is not text", "incoming": None}


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("[" * 32 + "]" * 32, False),
        ("[" * 33 + "]" * 33, True),
        ("[" * 100_000, True),  # never closed: still refused before parsing
        ("[[]" * 40 + "]" * 40, True),  # deep without a long run of "["
        ('{"a": "' + "[" * 500 + '"}', False),  # brackets inside strings do not count
        ('{"a": "\\"[[[[", "b": [[{"c": []}]]}', False),
        ("[" * 20 + "]" * 20 + "[" * 20 + "]" * 20, False),
    ],
)
def test_deep_nesting_is_refused_before_parsing(text: str, refused: bool) -> None:
    assert (nesting_problem(text) is not None) is refused
    restored, reason = progress.restore_progress(text)
    if refused:
        assert restored == progress.empty_progress() and "nested more than 32" in reason
