"""The engine gives identical results on CPython and inside Pyodide (under Node, offline),
over every quiz item of the real bank and the whole practice loop: FSRS scheduling in both
modes, mock selection, the dashboard, export/import and answer feedback. Pyodide gets the
same pinned fsrs, typing_extensions and snowballstemmer wheels the site ships."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.export import bank_json, dumps
from macros.wheels import browser_wheels, build_engine_wheel
from tests.conftest import ROOT
from tests.support.pyodide import run_in_pyodide

pytestmark = pytest.mark.node
SCRIPT = Path(__file__).with_name("parity_script.py")


def run_cpython(bank_text: str) -> str:
    namespace = {"INPUT": bank_text, "__name__": "parity"}
    exec(compile(SCRIPT.read_text(), str(SCRIPT), "exec"), namespace)
    return namespace["OUTPUT"]


def test_engine_parity_over_the_real_bank(real_bank, tmp_path: Path) -> None:
    bank_file = tmp_path / "bank.json"
    bank_file.write_text(dumps(bank_json(real_bank)))
    expected = run_cpython(bank_file.read_text())
    actual = run_in_pyodide(SCRIPT, bank_file, [*browser_wheels(ROOT), build_engine_wheel(ROOT)])
    assert json.loads(actual) == json.loads(expected)
    report = json.loads(actual)
    assert report["verdicts"] and all(report["verdicts"].values())
    practice = report["practice"]
    assert practice["transfer"]["identity"]
    assert all(practice["transfer"]["rejected"])
    assert practice["fsrs"]["cards"] and practice["checkpoints"]["cards"]
    assert len(report["feedback"]) >= 30
    assert all(r["hit"] for r in report["feedback"].values())
