"""The feedback engine gives the same answers inside Pyodide under Node (offline, with the
pinned snowballstemmer wheel the site ships) as on CPython: every behaviour case, and the
op over the real bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.pyodide import run_on_both

from .cases import BLOCKS, CASES

pytestmark = pytest.mark.node
SCRIPT = Path(__file__).with_name("run_cases.py")


def test_cases_in_pyodide() -> None:
    expected, actual = run_on_both(SCRIPT, {"blocks": BLOCKS, "cases": CASES})
    assert actual == expected
    for (hits, traps, _), case in zip(actual, CASES, strict=True):
        assert (hits, traps) == (sorted(case[3]), sorted(case[4])), case[2]
