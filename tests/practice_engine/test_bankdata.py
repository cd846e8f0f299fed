"""The engine's typed view of the exported bank."""

from __future__ import annotations

from practice_engine.bankdata import BankData, parse_bank


def test_the_core_set_reaches_the_engine(engine_bank: BankData) -> None:
    core = [e for e in engine_bank.entries if e.core]
    assert len(core) >= 30
    assert all(e.kind == "question" for e in core)
    assert any(not e.core for e in engine_bank.entries if e.kind == "question")


def test_an_export_without_the_flag_reads_as_extended(engine_bank: BankData) -> None:
    raw = {
        "version": engine_bank.version,
        "tracks": [],
        "levels": [],
        "entries": [
            {
                "id": "x",
                "kind": "question",
                "track": "t",
                "title": "X",
                "url": "u",
                "levels": [],
                "roles": [],
                "items": [],
            }
        ],
    }
    assert parse_bank(raw).entries[0].core is False
