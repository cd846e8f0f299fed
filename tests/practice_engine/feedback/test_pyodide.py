"""The feedback engine gives the same answers inside Pyodide under Node (offline, with the
pinned snowballstemmer wheel the site ships) as on CPython: every behaviour case, and the
op over the real bank."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.wheels import browser_wheels, build_engine_wheel
from tests.conftest import ROOT
from tests.support.pyodide import run_in_pyodide

from .cases import BLOCKS, CASES

pytestmark = pytest.mark.node
SCRIPT = Path(__file__).with_name("run_cases.py")


def test_cases_in_pyodide(tmp_path: Path) -> None:
    data = tmp_path / "cases.json"
    data.write_text(json.dumps({"blocks": BLOCKS, "cases": CASES}))
    namespace = {"INPUT": data.read_text(), "__name__": "cases"}
    exec(compile(SCRIPT.read_text(), str(SCRIPT), "exec"), namespace)
    expected = json.loads(namespace["OUTPUT"])
    actual = json.loads(
        run_in_pyodide(SCRIPT, data, [*browser_wheels(ROOT), build_engine_wheel(ROOT)])
    )
    assert actual == expected
    for (hits, traps, _), case in zip(actual, CASES, strict=True):
        assert (hits, traps) == (sorted(case[3]), sorted(case[4])), case[2]
