"""Key points and trap claims travel from the bank to the export the worker loads, with
their matchers as written, and the published JSON Schema describes them."""

from __future__ import annotations

from macros.export import bank_json, schema_json
from practice_engine.bankdata import parse_bank


def test_export_carries_key_points_trap_claims_and_traps(fixture_bank) -> None:
    records = {r["id"]: r for r in bank_json(fixture_bank)["entries"]}
    feedback = records["alpha"]["feedback"]
    assert [kp["id"] for kp in feedback["key_points"]] == ["first-letter", "not-omega"]
    assert feedback["key_points"][1]["sense"] == "denied"
    assert feedback["key_points"][0]["match"] == {"all": [["alpha"], ["first", "=1st", "start*"]]}
    assert feedback["trap_claims"][0]["trap"] == 0
    assert feedback["traps"] == ["Calling it beta."]
    assert feedback["caveat"] is None
    assert "feedback" not in records["beta"]  # no key points: nothing exported


def test_engine_reads_the_feedback_block(fixture_bank) -> None:
    bank = parse_bank(bank_json(fixture_bank))
    assert bank.entry("alpha").feedback["trap_claims"][0]["id"] == "calls-it-beta"
    assert bank.entry("beta").feedback is None


def test_schema_describes_key_points() -> None:
    text = str(schema_json())
    assert "key_points" in text and "trap_claims" in text and "feedback_caveat" in text
