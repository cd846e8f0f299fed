"""A quiz session stored by the page as text comes back only if it still fits the bank;
anything else (nothing stored, not JSON, too deep, tampered, stale) is a fresh start and a
reason, never an exception, also through dispatch."""

from __future__ import annotations

import json

import pytest

from macros.publish.export import bank_json
from practice_engine import api, quiz
from practice_engine.session_state import restore_saved_session
from practice_engine.stored_text import MAX_NESTING


@pytest.fixture
def loaded(engine_bank, real_bank):
    """dispatch needs the bank loaded, as the worker does at start-up."""
    api.dispatch("load_bank", json.dumps({"text": json.dumps(bank_json(real_bank))}))
    return engine_bank


def answered_twice(bank) -> dict:
    s = quiz.new_session(bank, {"count": 4}, 7)
    for _ in range(2):
        s, _ = quiz.grade(bank, s, [0])
        s = quiz.advance(s)
    return s


def test_a_stored_session_round_trips(engine_bank) -> None:
    s = answered_twice(engine_bank)
    assert restore_saved_session(engine_bank, json.dumps(s)) == (s, None)
    # saved after an answer, before going on: the page goes on itself
    graded, _ = quiz.grade(engine_bank, s, [0])
    assert restore_saved_session(engine_bank, json.dumps(graded)) == (graded, None)


@pytest.mark.parametrize("raw", [None, ""])
def test_nothing_stored_is_no_session_and_no_reason(engine_bank, raw) -> None:
    assert restore_saved_session(engine_bank, raw) == (None, None)


def tampered(bank, change) -> str:
    s = answered_twice(bank)
    change(s)
    return json.dumps(s)


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda b: 5, "not text"),
        (lambda b: "{not json", "not valid JSON"),
        (lambda b: "[" * (MAX_NESTING + 5), "nested more than"),
        (lambda b: tampered(b, lambda s: s["items"][0].update(item="gone")), "not in the bank"),
        (lambda b: tampered(b, lambda s: s["items"][0].update(item=["x"])), "not in the bank"),
        (lambda b: tampered(b, lambda s: s["items"][0].update(order=5)), "bad option order"),
        (lambda b: tampered(b, lambda s: s["items"][0].update(order=[0, "a"])), "bad option order"),
        (lambda b: tampered(b, lambda s: s.update(version=0)), "version 0"),
        (lambda b: tampered(b, lambda s: s.update(position=3)), "does not match its answers"),
    ],
    ids=["not-text", "not-json", "too-deep", "stale", "bad-id", "order-int", "order-mixed",
         "version", "position"],
)  # fmt: skip
def test_an_unusable_store_gives_a_reason(engine_bank, make, reason: str) -> None:
    session, why = restore_saved_session(engine_bank, make(engine_bank))
    assert session is None and reason in why


def test_dispatch_answers_with_the_reason(loaded) -> None:
    raw = tampered(loaded, lambda s: s["items"][1].update(item="gone"))
    out = json.loads(api.dispatch("restore_saved_session", json.dumps({"raw": raw})))
    assert out["ok"] and out["result"]["session"] is None
    assert "not in the bank" in out["result"]["reason"]
    s = answered_twice(loaded)
    out = json.loads(api.dispatch("restore_saved_session", json.dumps({"raw": json.dumps(s)})))
    assert out == {"ok": True, "result": {"session": s, "reason": None, "newer": None}}
