"""Saved state round-trips, and bad state never raises: it gives a fresh start and why."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from practice_engine import progress, quiz
from practice_engine.api import dispatch
from practice_engine.session_state import restore_session

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
@settings(max_examples=300)
def test_bad_progress_never_raises(data) -> None:
    restored, reason = progress.restore_progress(json.dumps(data))
    if reason is not None:
        assert restored == progress.empty_progress()
    else:
        assert progress.check_progress(restored) is None


@given(raw=st.text(max_size=40))
def test_garbage_text_gives_a_reason(raw: str) -> None:
    restored, reason = progress.restore_progress(raw)
    assert restored == progress.empty_progress() or reason is None


def test_specific_corruptions_are_explained() -> None:
    cases = {
        "{not json": "not valid JSON",
        "[]": "not an object",
        '{"version": 99, "quiz": {}}': "version 99",
        '{"version": 1, "quiz": {"a": [[1, 2]]}}': "malformed answer",
        '{"version": 1, "quiz": {}, "x": 1}': "unknown keys",
    }
    for raw, expected in cases.items():
        restored, reason = progress.restore_progress(raw)
        assert restored == progress.empty_progress()
        assert expected in reason


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
    ]:
        out = json.loads(dispatch(op, args))
        assert out["ok"] is False and out["error"]
