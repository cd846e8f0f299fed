"""The JSON export of the bank for the widgets: deterministic, versioned, with its schema."""

from __future__ import annotations

import json

from macros.publish.export import (
    BANK_JSON,
    SCHEMA_JSON,
    bank_json,
    bank_outputs,
    dumps,
)
from practice_engine.vocab import BANK_EXPORT_VERSION


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


def test_the_core_flag_is_exactly_the_must_know_questions(real_bank) -> None:
    data = bank_json(real_bank)
    core = {e["id"] for e in data["entries"] if e.get("core")}
    assert core == {q.id for q in real_bank.questions if q.must_know}
    assert len(core) >= 30
