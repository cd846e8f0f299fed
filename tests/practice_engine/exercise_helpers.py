"""What the tests of the exercises share: the real exercise folders and the shape of a
check report."""

from __future__ import annotations

import ast
import json

from practice_engine.vocab import CHECK_KINDS
from tests.conftest import ROOT

EXERCISES = ROOT / "quiz_data" / "exercises"
IDS = sorted(p.name for p in EXERCISES.iterdir() if p.is_dir())
REPORT_KEYS = {"ok", "verdict", "passed", "total", "results", "error"}
RESULT_KEYS = {"name", "ok", "kind", "message", "input", "expected", "got", "hint", "example"}
# A small exercise of our own, for the harness's edge cases.
TOY_CHECKS = """
FUNCTION = "double"
INPUTS_READ_ONLY = True
CASES = [
    {"name": "an int", "args": [2], "expected": 4},
    {"name": "a list", "args": [[1, 2]], "expected": [1, 2, 1, 2]},
    {"name": "a string", "args": ["ab"], "expected": "abab"},
]
"""


def text(ex_id: str, name: str) -> str:
    return (EXERCISES / ex_id / name).read_text(encoding="utf-8")


def checks_module(ex_id: str) -> dict:
    namespace: dict = {}
    exec(compile(text(ex_id, "checks.py"), "checks.py", "exec"), namespace)
    return namespace


def function_def(source: str, name: str) -> ast.FunctionDef:
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise AssertionError(f"no top-level function {name!r}")


def assert_report(report: dict) -> None:
    """The report has the documented shape and survives a JSON round trip."""
    assert set(report) == REPORT_KEYS
    assert json.loads(json.dumps(report)) == report
    assert report["passed"] == sum(r["ok"] for r in report["results"])
    assert report["verdict"] in CHECK_KINDS
    assert (report["verdict"] == "passed") == report["ok"]
    for r in report["results"]:
        assert set(r) == RESULT_KEYS
        assert isinstance(r["name"], str) and isinstance(r["message"], str)
        assert r["kind"] in CHECK_KINDS and (r["kind"] == "passed") == r["ok"]
        assert r["ok"] == (r["message"] == ""), r
