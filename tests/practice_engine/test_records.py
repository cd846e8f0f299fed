"""The registry of stored state: every kind the engine takes back is registered once, and
its require, restore and restore_stored agree with its one problem function."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

import practice_engine.api  # noqa: F401  (registers every kind, as the worker's import does)
from practice_engine.errors import EngineError
from practice_engine.records import RECORDS, Record, register
from tests.practice_engine.test_state import json_values

KINDS = sorted(RECORDS)


def test_every_kind_of_stored_state_is_registered() -> None:
    assert KINDS == ["mock", "progress", "saved_round", "session"]


def test_a_kind_is_registered_once() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register(Record("mock", lambda value: None, stored_as="again"))


@pytest.mark.parametrize("kind", KINDS)
@given(value=json_values)
@settings(max_examples=60, deadline=None)
def test_require_restore_and_restore_stored_agree(engine_bank, kind: str, value) -> None:
    record = RECORDS[kind]
    context = (engine_bank,) if kind == "session" else ()
    problem = record.problem(value, *context)
    assert record.restore(value, *context) == ((None, problem) if problem else (value, None))
    assert record.restore_stored(json.dumps(value), *context) == record.restore(value, *context)
    if problem:
        with pytest.raises(EngineError):
            record.require(value, *context)
    else:
        assert record.require(value, *context) is value


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_stored_is_no_problem_and_junk_says_why(engine_bank, kind: str) -> None:
    record = RECORDS[kind]
    context = (engine_bank,) if kind == "session" else ()
    assert record.restore_stored(None, *context) == (None, None)
    assert record.restore_stored("", *context) == (None, None)
    found, reason = record.restore_stored("{not json", *context)
    assert found is None and reason.startswith(record.stored_as)
