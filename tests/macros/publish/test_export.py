"""The JSON exports: the bank for the widgets (deterministic, versioned, with its schema)
and one file per coding exercise, holding what its Check button needs and no solution."""

from __future__ import annotations

import json

from macros.bank.exercises import load_exercises
from macros.publish.export import (
    BANK_JSON,
    SCHEMA_JSON,
    bank_json,
    bank_outputs,
    dumps,
    exercise_outputs,
    exercise_record,
)
from practice_engine.vocab import BANK_EXPORT_VERSION
from tests.conftest import ROOT

REAL = ROOT / "quiz_data" / "exercises"


def test_the_bank_export_is_deterministic_versioned_and_declared(real_bank) -> None:
    outputs = bank_outputs(real_bank)
    assert set(outputs) == {BANK_JSON, SCHEMA_JSON}
    assert outputs == bank_outputs(real_bank)
    assert outputs[BANK_JSON] == dumps(bank_json(real_bank))
    data = json.loads(outputs[BANK_JSON])
    assert data["version"] == BANK_EXPORT_VERSION
    assert [e["id"] for e in data["entries"]] == [e.id for e in real_bank.entries]
    schema = json.loads(outputs[SCHEMA_JSON])
    assert "question" in json.dumps(schema["entry"])


def test_the_exercise_export_holds_what_the_page_needs_and_no_solution() -> None:
    exercises = load_exercises(REAL)
    outputs = exercise_outputs(exercises)
    assert list(outputs) == [f"assets/exercises/{e.id}.json" for e in exercises]
    first = json.loads(outputs[f"assets/exercises/{exercises[0].id}.json"])
    assert first == exercise_record(exercises[0])
    assert set(first) == {"id", "title", "starter", "checks"}
    assert exercise_outputs(exercises) == outputs  # deterministic
