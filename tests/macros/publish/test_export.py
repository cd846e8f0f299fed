"""The JSON export of the bank for the widgets: deterministic, versioned, with its schema."""

from __future__ import annotations

import json

from macros.publish.export import (
    BANK_JSON,
    FEEDBACK_DIR,
    FEEDBACK_LEXICON,
    SCHEMA_JSON,
    bank_json,
    bank_outputs,
    dumps,
    split_feedback,
)
from practice_engine.vocab import BANK_EXPORT_VERSION


def test_the_bank_export_is_deterministic_versioned_and_declared(real_bank) -> None:
    outputs = bank_outputs(real_bank)
    feedback = {p for p in outputs if p.startswith(f"{FEEDBACK_DIR}/")}
    assert set(outputs) - feedback == {BANK_JSON, SCHEMA_JSON}
    assert FEEDBACK_LEXICON in feedback and len(feedback) > len(real_bank.questions)
    assert outputs == bank_outputs(real_bank)
    assert outputs[BANK_JSON] == dumps(split_feedback(bank_json(real_bank))[0])
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


def test_the_bank_as_published_leaves_the_answer_feedback_to_its_own_files(real_bank) -> None:
    """Every practice page loads bank.json before its quiz is ready; only a typed answer
    reads the feedback (practice_engine/feedback_files.py)."""
    outputs = bank_outputs(real_bank)
    data = json.loads(outputs[BANK_JSON])
    assert "feedback_lexicon" not in data
    assert not [e["id"] for e in data["entries"] if "feedback" in e]
    full = bank_json(real_bank)
    for entry in (e for e in full["entries"] if "feedback" in e):
        record = json.loads(outputs[f"{FEEDBACK_DIR}/{entry['id']}.json"])
        assert record == {
            "version": BANK_EXPORT_VERSION,
            "id": entry["id"],
            "feedback": entry["feedback"],
        }
    lexicon = json.loads(outputs[FEEDBACK_LEXICON])
    assert lexicon == {"version": BANK_EXPORT_VERSION, "lexicon": full["feedback_lexicon"]}
    assert len(outputs[BANK_JSON]) < 0.4 * len(dumps(full))
