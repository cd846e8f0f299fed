"""`import practice_engine.api` loads what a quiz page needs and no more; the rest is
imported on its op's first call (#20: a first visit compiles every module it imports from
source, in the browser). Checked on CPython and inside Pyodide, where the worker runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.pyodide import run_in_pyodide
from macros.publish.wheels import browser_wheels, build_engine_wheel
from tests.conftest import ROOT

SCRIPT = Path(__file__).with_name("lazy_script.py")


def check(report: dict) -> None:
    assert report["at_import"] == [], "imported with the api, not on first use"
    uses = report["first_uses"]
    assert uses["run_code"]["ok"] and "2" in json.dumps(uses["run_code"]["result"])
    assert uses["plan"] == {"ok": True, "result": None}
    assert uses["exercise_constraints"] == {"ok": True, "result": {"violations": []}}
    # refusals from the modules, not failures to import them
    assert uses["read_import"]["ok"] and "not JSON" in uses["read_import"]["result"]["error"]
    assert not uses["scorecard"]["ok"] and "internal error" not in uses["scorecard"]["error"]
    assert {"runner", "plan", "constraints", "transfer", "mock"} <= set(report["after"])


def test_the_api_imports_the_rest_on_first_use_in_cpython() -> None:
    run = f"import runpy; print(runpy.run_path({str(SCRIPT)!r})['OUTPUT'])"
    proc = subprocess.run(
        [sys.executable, "-c", run], cwd=ROOT, capture_output=True, text=True, check=True
    )
    check(json.loads(proc.stdout))


@pytest.mark.node
def test_the_api_imports_the_rest_on_first_use_in_pyodide(tmp_path: Path) -> None:
    unused = tmp_path / "input.txt"
    unused.write_text("")
    wheels = [*browser_wheels(ROOT), build_engine_wheel(ROOT)]
    check(json.loads(run_in_pyodide(SCRIPT, unused, wheels)))
