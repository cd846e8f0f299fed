"""The engine gives identical results on CPython and inside Pyodide (under Node, offline):
over every quiz item of the real bank and the whole practice loop (FSRS scheduling in both
modes, mock selection, the dashboard, export/import and answer feedback), and over every
exercise's checks. Pyodide gets the same pinned fsrs, typing_extensions and snowballstemmer
wheels the site ships."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools.pyodide import run_in_pyodide
from macros.bank.exercises import load_exercises
from macros.publish.exercise_export import exercise_record
from macros.publish.export import bank_json, dumps
from macros.publish.wheels import browser_wheels, build_engine_wheel
from tests.conftest import ROOT
from tests.practice_engine.exercise_helpers import IDS, TOY_CHECKS

pytestmark = pytest.mark.node
SCRIPT = Path(__file__).with_name("parity_script.py")
EXERCISES_SCRIPT = Path(__file__).with_name("exercises_script.py")


def run_cpython(input_text: str, script: Path = SCRIPT) -> str:
    """The script run as Pyodide runs it: INPUT given, OUTPUT read back."""
    namespace = {"INPUT": input_text, "__name__": "parity"}
    exec(compile(script.read_text(), str(script), "exec"), namespace)
    return str(namespace["OUTPUT"])


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
    assert practice["two_tabs"]["merged"]["progress"]["answers"]  # a kept answer merged
    assert len(report["feedback"]) >= 30
    assert all(r["hit"] for r in report["feedback"].values())


PROBES = {
    "infinite recursion in the function": ("def double(x):\n    return double(x)\n", TOY_CHECKS),
    "infinite recursion while loading": ("def f():\n    return f()\n\nf()\n", TOY_CHECKS),
    "a syntax error": ("def double(x)\n    return x\n", TOY_CHECKS),
    "a correct toy answer": ("def double(x):\n    return x * 2\n", TOY_CHECKS),
}


def exercise_input() -> str:
    exercises = {
        e.id: {
            "record": exercise_record(e),
            "solution": e.solution,
            "starter": e.starter,
            "slow": e.slow,
        }
        for e in load_exercises(ROOT / "quiz_data" / "exercises")
    }
    probes = {name: {"code": code, "checks": checks} for name, (code, checks) in PROBES.items()}
    return json.dumps({"exercises": exercises, "probes": probes})


def test_every_solution_passes_inside_pyodide_as_on_cpython(tmp_path: Path) -> None:
    """Only the engine wheel is loaded: the harness, the rules and the complexity check
    need nothing beyond the stdlib. Every solution passes the whole Check, every starter
    fails it, every slower reference is rejected by its growth alone, and Run prints the
    same session, in Pyodide as on CPython."""
    input_file = tmp_path / "exercises.json"
    input_file.write_text(exercise_input(), encoding="utf-8")
    expected = json.loads(run_cpython(input_file.read_text(encoding="utf-8"), EXERCISES_SCRIPT))
    actual = json.loads(run_in_pyodide(EXERCISES_SCRIPT, input_file, [build_engine_wheel(ROOT)]))
    ops = actual.pop("ops"), expected.pop("ops")
    assert actual == expected
    assert set(ops[0]) == set(ops[1]) == set(IDS)
    assert all(r["ok"] for r in actual["solutions"].values())
    assert not any(r["ok"] for r in actual["starters"].values())
    assert len(actual["slow"]) >= 6
    for slow in actual["slow"].values():
        assert not slow["ok"] and all(slow["verdicts"][:-1]) and slow["complexity"][0] is False
    assert all(ok and out.startswith(">>> ") for ok, out in actual["runs"].values())
    probes = actual["probes"]
    assert probes["a correct toy answer"]["ok"]
    assert probes["infinite recursion in the function"]["verdicts"] == [False, False, False]
    assert probes["infinite recursion while loading"]["has_error"]
