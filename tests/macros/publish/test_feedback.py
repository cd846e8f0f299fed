"""Key points and trap claims travel from the bank to the export the worker loads, with
their matchers as written, and the published JSON Schema describes them."""

from __future__ import annotations

from macros.publish.export import bank_json, schema_json
from practice_engine.bankdata import parse_bank


def test_export_carries_key_points_trap_claims_and_traps(fixture_bank) -> None:
    records = {r["id"]: r for r in bank_json(fixture_bank)["entries"]}
    feedback = records["alpha"]["feedback"]
    assert [kp["id"] for kp in feedback["key_points"]] == ["first-letter", "not-omega"]
    assert feedback["key_points"][1]["sense"] == "denied"
    # the matcher travels parsed, in the compact form the engine rebuilds without parsing
    assert "match" not in feedback["key_points"][0]
    assert feedback["key_points"][0]["matcher"] == {
        "within": "sentence",
        "op": "all",
        "items": [
            [["alpha", "walpha"]],
            [["first", "wfirst"], ["=1st", "n1", "est"], ["start*", "pstart"]],
        ],
    }
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


def test_parsed_matchers_rebuild_exactly(fixture_bank) -> None:
    """Every exported matcher, rebuilt by the engine, equals the matcher parsed from the
    bank as written; the real bank's 30 questions included."""
    from pathlib import Path

    from macros.bank import load_bank
    from practice_engine.feedback.spec import matcher_from_data, parse_matcher

    for bank in (fixture_bank, load_bank(Path(__file__).resolve().parents[3] / "quiz_data")):
        records = {r["id"]: r for r in bank_json(bank)["entries"]}
        for q in bank.questions:
            for n, point in enumerate((*q.key_points, *q.trap_claims)):
                block = records[q.id]["feedback"]
                exported = (block["key_points"] + block["trap_claims"])[n]
                assert matcher_from_data(exported["matcher"]) == parse_matcher(point.match)


def test_the_block_says_whether_the_labelled_set_measured_the_question(fixture_bank) -> None:
    """The labelled answers cover exactly the must-know questions, so `measured` is
    must_know; the panel says "not yet measured" elsewhere."""
    from pathlib import Path

    from macros.bank import load_bank

    root = Path(__file__).resolve().parents[3]
    bank = load_bank(root / "quiz_data")
    labelled = {p.stem for p in (root / "tests/data/feedback/dev").glob("*.yml")}
    assert labelled == {q.id for q in bank.questions if q.must_know}
    records = {r["id"]: r for r in bank_json(bank)["entries"]}
    for q in bank.questions:
        if q.key_points:
            assert records[q.id]["feedback"]["measured"] is (q.id in labelled)
