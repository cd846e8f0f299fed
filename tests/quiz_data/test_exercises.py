"""The coding exercises as content: every folder complete, a prompt of sensible length that
shows the signature, a starter and a solution with the same signature, enough cases with an
empty one, a solution that passes every check and a starter that fails one, and failure
messages that show the call, what was expected and what came back."""

from __future__ import annotations

import ast

import pytest

from practice_engine.exercises import run_checks
from tests.practice_engine.exercise_helpers import (
    EXERCISES,
    IDS,
    assert_report,
    checks_module,
    function_def,
    text,
)

FILES = ("prompt.md", "starter.py", "solution.py", "checks.py")


def test_there_are_at_least_sixteen_exercises() -> None:
    assert len(IDS) >= 16, IDS


@pytest.mark.parametrize("ex_id", IDS)
def test_exercise_folder_is_complete(ex_id: str) -> None:
    present = sorted(p.name for p in (EXERCISES / ex_id).iterdir())
    assert present == sorted(FILES), f"{ex_id}: expected exactly {FILES}, found {present}"


@pytest.mark.parametrize("ex_id", IDS)
def test_prompt_has_a_title_and_a_sensible_length(ex_id: str) -> None:
    prompt = text(ex_id, "prompt.md")
    first = prompt.splitlines()[0]
    assert first.startswith("# ") and len(first) > 4, f"{ex_id}: first line {first!r}"
    words = len(prompt.split())
    assert 80 <= words <= 250, f"{ex_id}: prompt.md has {words} words"
    name = checks_module(ex_id)["FUNCTION"]
    assert f"def {name}(" in prompt, f"{ex_id}: the prompt does not show the signature"


@pytest.mark.parametrize("ex_id", IDS)
def test_starter_and_solution_share_the_signature(ex_id: str) -> None:
    name = checks_module(ex_id)["FUNCTION"]
    starter = function_def(text(ex_id, "starter.py"), name)
    solution = function_def(text(ex_id, "solution.py"), name)
    assert ast.dump(starter.args) == ast.dump(solution.args)
    assert ast.get_docstring(starter), f"{ex_id}: the starter needs a docstring"


@pytest.mark.parametrize("ex_id", IDS)
def test_checks_cover_edge_cases(ex_id: str) -> None:
    checks = checks_module(ex_id)
    cases = checks["CASES"]
    assert len(cases) >= 5, f"{ex_id}: only {len(cases)} cases"
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names), f"{ex_id}: repeated case names"
    assert any("empty" in n or n.startswith("no ") for n in names), f"{ex_id}: no empty case"


@pytest.mark.parametrize("ex_id", IDS)
def test_solution_passes_every_check(ex_id: str) -> None:
    report = run_checks(text(ex_id, "solution.py"), text(ex_id, "checks.py"))
    assert_report(report)
    failed = [r for r in report["results"] if not r["ok"]]
    assert report["error"] is None, report["error"]
    assert not failed, failed
    assert report["ok"] and report["passed"] == report["total"] >= 5


@pytest.mark.parametrize("ex_id", IDS)
def test_starter_loads_but_fails_a_check(ex_id: str) -> None:
    report = run_checks(text(ex_id, "starter.py"), text(ex_id, "checks.py"))
    assert_report(report)
    assert report["error"] is None, report["error"]
    assert not report["ok"] and report["passed"] < report["total"]


@pytest.mark.parametrize("ex_id", IDS)
def test_failure_messages_show_input_expected_and_got(ex_id: str) -> None:
    """A function with the right signature that returns None fails every case, and each
    message names the call with its first argument, the expectation and the None."""
    checks = checks_module(ex_id)
    name = checks["FUNCTION"]
    params = ast.unparse(function_def(text(ex_id, "solution.py"), name).args)
    first_param = function_def(text(ex_id, "solution.py"), name).args.args[0].arg
    user = f"def {name}({params}):\n    return None\n"
    report = run_checks(user, text(ex_id, "checks.py"))
    assert_report(report)
    by_name = {r["name"]: r for r in report["results"]}
    for case in checks["CASES"]:
        result = by_name[case["name"]]
        message = result["message"]
        assert not result["ok"], (ex_id, case["name"])
        assert message.startswith(f"{name}({first_param}="), message
        assert repr(case["args"][0])[:40] in message, message
        assert "-> expected " in message and ", got None" in message, message
        if "raises" in case:
            assert f"expected {case['raises']} to be raised" in message, message
