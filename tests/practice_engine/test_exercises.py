"""The coding exercises and their check harness.

Every exercise folder in quiz_data/exercises/ holds prompt.md, starter.py, solution.py and
checks.py. The reference solution must pass all its checks, the starter must fail some,
failure messages must show the call, the expected value and what came back, and
`run_checks` must answer with a report, never an exception, whatever the reader's code does.
The last test runs every solution inside Pyodide under Node and compares with CPython.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from macros.wheels import build_engine_wheel

from practice_engine.exercises import run_checks, values_match
from tests.conftest import ROOT
from tests.support.pyodide import run_in_pyodide

EXERCISES = ROOT / "quiz_data" / "exercises"
IDS = sorted(p.name for p in EXERCISES.iterdir() if p.is_dir())
FILES = ("prompt.md", "starter.py", "solution.py", "checks.py")
SCRIPT = Path(__file__).with_name("pyodide_script.py")

REPORT_KEYS = {"ok", "passed", "total", "results", "error"}


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
    for r in report["results"]:
        assert set(r) == {"name", "ok", "message"}
        assert isinstance(r["name"], str) and isinstance(r["message"], str)


# --- the exercises ------------------------------------------------------------------------


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


# --- the harness --------------------------------------------------------------------------

PRF = text("precision-recall-f1", "checks.py")

TOY_CHECKS = """
FUNCTION = "double"
INPUTS_READ_ONLY = True
CASES = [
    {"name": "an int", "args": [2], "expected": 4},
    {"name": "a list", "args": [[1, 2]], "expected": [1, 2, 1, 2]},
    {"name": "a string", "args": ["ab"], "expected": "abab"},
]
"""


def test_the_example_message_of_the_brief() -> None:
    user = "def precision_recall_f1(y_true, y_pred):\n    return (0.5, 1.0, 2 / 3)\n"
    report = run_checks(user, PRF)
    first = report["results"][0]
    assert first["message"] == (
        "precision_recall_f1(y_true=[1, 0, 1], y_pred=[1, 1, 0]) -> expected (0.5, 0.5, 0.5), "
        "got (0.5, 1.0, 0.6667)"
    )


def test_a_correct_toy_answer_passes() -> None:
    report = run_checks("def double(x):\n    return x + x\n", TOY_CHECKS)
    assert_report(report)
    assert report == {
        "ok": True,
        "passed": 3,
        "total": 3,
        "results": [
            {"name": "an int", "ok": True, "message": ""},
            {"name": "a list", "ok": True, "message": ""},
            {"name": "a string", "ok": True, "message": ""},
        ],
        "error": None,
    }


def test_a_syntax_error_is_reported_with_its_line() -> None:
    report = run_checks("def double(x):\n    return x +\n", TOY_CHECKS)
    assert_report(report)
    assert not report["ok"] and report["results"] == [] and report["total"] == 3
    assert "SyntaxError on line 2" in report["error"]
    assert "return x +" in report["error"]


def test_bad_indentation_and_null_bytes_are_reported() -> None:
    for code in ("def double(x):\nreturn x\n", "def double(x):\n    return x\0\n"):
        report = run_checks(code, TOY_CHECKS)
        assert_report(report)
        assert not report["ok"] and report["error"]


def test_an_exception_while_loading_shows_a_short_traceback_of_the_users_code() -> None:
    code = "def double(x):\n    return 2 * x\n\nscale = 1 / 0\n"
    report = run_checks(code, TOY_CHECKS)
    assert_report(report)
    error = report["error"]
    assert "line 4" in error and "scale = 1 / 0" in error
    assert error.rstrip().endswith("ZeroDivisionError: division by zero")
    assert "exercises.py" not in error and "practice_engine" not in error


def test_infinite_recursion_while_loading() -> None:
    code = "def double(x):\n    return double(x)\n\ndouble(1)\n"
    report = run_checks(code, TOY_CHECKS)
    assert_report(report)
    assert "RecursionError" in report["error"]
    assert "repeated" in report["error"]
    assert len(report["error"].splitlines()) < 15


def test_infinite_recursion_in_the_function_fails_each_case() -> None:
    report = run_checks("def double(x):\n    return double(x) * 2\n", TOY_CHECKS)
    assert_report(report)
    assert report["error"] is None and report["passed"] == 0
    for r in report["results"]:
        assert "got RecursionError" in r["message"] and "line 2, in double" in r["message"]


def test_an_exception_in_the_function_names_its_line() -> None:
    code = "def double(x):\n    y = x\n    return y / 0\n"
    report = run_checks(code, TOY_CHECKS)
    message = report["results"][0]["message"]
    assert message == (
        "double(x=2) -> expected 4, got ZeroDivisionError: division by zero (line 3, in double)"
    )


def test_a_missing_function() -> None:
    report = run_checks("def triple(x):\n    return 3 * x\n", TOY_CHECKS)
    assert_report(report)
    assert not report["ok"] and "does not define a function named 'double'" in report["error"]


def test_a_name_that_is_not_a_function() -> None:
    report = run_checks("double = 2\n", TOY_CHECKS)
    assert_report(report)
    assert "'double' in your code is a int, not a function" in report["error"]


def test_empty_code() -> None:
    report = run_checks("", TOY_CHECKS)
    assert_report(report)
    assert not report["ok"] and report["error"]


@pytest.mark.parametrize(
    "body",
    [
        "return '4'",
        "return None",
        "return (v for v in [x])",
        "return [None, [], {}]",
        "return {'x': x}",
        "return float('nan')",
        "return True",
        "return object()",
        "a = []\n    a.append(a)\n    return a",
        "class Weird:\n        def __eq__(self, o): raise RuntimeError\n"
        "        def __repr__(self): raise RuntimeError\n    return Weird()",
    ],
)
def test_wrong_return_types_fail_without_raising(body: str) -> None:
    report = run_checks(f"def double(x):\n    {body}\n", TOY_CHECKS)
    assert_report(report)
    assert report["error"] is None and report["passed"] == 0
    for r in report["results"]:
        assert "expected" in r["message"] and "got" in r["message"]


def test_system_exit_is_caught() -> None:
    for code in ("import sys\nsys.exit(3)\n", "def double(x):\n    raise SystemExit\n"):
        report = run_checks(code, TOY_CHECKS)
        assert_report(report)
        assert not report["ok"]


def test_the_users_code_leaves_no_trace_in_the_process() -> None:
    import random
    import sys

    state, limit = random.getstate(), sys.getrecursionlimit()
    code = (
        "import random, sys\nrandom.seed(1)\nsys.setrecursionlimit(sys.getrecursionlimit() + 9)\n"
        "def double(x):\n    sys.setrecursionlimit(sys.getrecursionlimit() + 7)\n"
        "    return x + x\n"
    )
    report = run_checks(code, TOY_CHECKS)
    assert_report(report)
    assert report["ok"], report
    assert random.getstate() == state and sys.getrecursionlimit() == limit


def test_the_users_namespace_is_fresh() -> None:
    code = (
        "SEEN = sorted(k for k in globals() if not k.startswith('__'))\n"
        "def double(x):\n    return SEEN\n"
    )
    checks = 'FUNCTION = "double"\nCASES = [{"name": "n", "args": [1], "expected": []}]\n'
    report = run_checks(code, checks)
    assert report["ok"], report
    leak = run_checks("x = run_checks\n", TOY_CHECKS)
    assert "NameError" in leak["error"]


def test_arguments_are_copied_and_mutation_is_caught() -> None:
    code = (
        "def double(x):\n    result = x + x\n"
        "    if isinstance(x, list):\n        x.append(0)\n    return result\n"
    )
    report = run_checks(code, TOY_CHECKS)
    message = report["results"][1]["message"]
    assert message.startswith("double(x=[1, 2]) -> expected")
    assert "inputs to be left unchanged, got x changed to [1, 2, 0]" in message
    # the same function is checked without the rule when the exercise allows mutation
    sorter = "def double(x):\n    x.sort()\n    return x + x\n"
    allowed = TOY_CHECKS.replace("INPUTS_READ_ONLY = True", "")
    allowed = allowed.replace("[[1, 2]]", "[[2, 1]]")
    report = run_checks(sorter, allowed)
    assert report["results"][1]["ok"]
    assert not run_checks(sorter, allowed.replace("FUNCTION", "INPUTS_READ_ONLY = 1\nFUNCTION"))[
        "results"
    ][1]["ok"]


def test_a_subclass_of_the_expected_exception_counts() -> None:
    checks = 'FUNCTION = "f"\nCASES = [{"name": "bad", "args": [], "raises": "ValueError"}]\n'
    code = "class Bad(ValueError):\n    pass\n\ndef f():\n    raise Bad('no')\n"
    assert run_checks(code, checks)["ok"]
    wrong = run_checks("def f():\n    raise TypeError('no')\n", checks)
    message = wrong["results"][0]["message"]
    assert message == "f() -> expected ValueError to be raised, got TypeError: no (line 2, in f)"
    silent = run_checks("def f():\n    return 1\n", checks)
    assert silent["results"][0]["message"] == "f() -> expected ValueError to be raised, got 1"


def test_extra_checks_that_crash_are_one_failed_result() -> None:
    checks = (
        'FUNCTION = "f"\nCASES = [{"name": "one", "args": [1], "expected": 1}]\n'
        "def extra_checks(fn):\n    return [('twice', fn(fn(1)) == 1, 'expected 1, got other')]\n"
    )
    ok = run_checks("def f(x):\n    return x\n", checks)
    assert ok["ok"] and ok["total"] == 2
    crash = run_checks("def f(x):\n    if x is None:\n        raise KeyError(x)\n", checks)
    assert_report(crash)
    assert crash["results"][-1]["name"] == "property checks"
    assert "KeyError" in crash["results"][-1]["message"]


def test_broken_checks_are_reported_not_raised() -> None:
    for checks in ("FUNCTION = 3\nCASES = []\n", "CASES = [", 'FUNCTION = "f"\nCASES = [{}]\n'):
        report = run_checks("def f():\n    return 1\n", checks)
        assert_report(report)
        assert not report["ok"] and "checks of this exercise are broken" in report["error"]


def test_long_values_are_clipped() -> None:
    case = '{"name": "big", "args": [list(range(1000))], "expected": 0}'
    checks = f'FUNCTION = "f"\nCASES = [{case}]\n'
    message = run_checks("def f(x):\n    return x\n", checks)["results"][0]["message"]
    assert len(message) < 1000 and "..." in message


def test_close_values_that_still_differ_are_shown_in_full() -> None:
    checks = 'FUNCTION = "f"\nCASES = [{"name": "n", "args": [], "expected": 0.6666667}]\n'
    message = run_checks("def f():\n    return 0.6667\n", checks)["results"][0]["message"]
    assert "expected 0.6666667, got 0.6667" in message


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [
        (0.1 + 0.2, 0.3, True),
        (1.0, 1.0 + 1e-7, True),
        (1.0, 1.0 + 1e-5, False),
        (0.0, 1e-10, True),
        (0.0, 1e-8, False),
        (float("nan"), float("nan"), True),
        (float("nan"), 0.0, False),
        (float("inf"), float("inf"), True),
        (2, 2.0, True),
        (3, 4, False),
        (1, True, False),
        (True, True, True),
        ((0.5, [1, 2]), [0.5, (1, 2)], True),
        ([1, 2], [1, 2, 3], False),
        ({"a": 1.0, "b": [float("nan")]}, {"b": [float("nan")], "a": 1}, True),
        ({"a": 1}, {"a": 1, "b": 2}, False),
        (None, 0, False),
        (None, None, True),
        ("0.5", 0.5, False),
        ([], (), True),
        ({1, 2}, {2, 1}, True),
    ],
)
def test_values_match(expected, got, same) -> None:
    assert values_match(expected, got) is same


# --- the same checks inside Pyodide ------------------------------------------------------

PROBES = {
    "infinite recursion in the function": ("def double(x):\n    return double(x)\n", TOY_CHECKS),
    "infinite recursion while loading": ("def f():\n    return f()\n\nf()\n", TOY_CHECKS),
    "a syntax error": ("def double(x)\n    return x\n", TOY_CHECKS),
    "a correct toy answer": ("def double(x):\n    return x * 2\n", TOY_CHECKS),
}


def exercise_input() -> str:
    exercises = {
        ex_id: {name[:-3]: text(ex_id, name) for name in ("solution.py", "starter.py", "checks.py")}
        for ex_id in IDS
    }
    probes = {name: {"code": code, "checks": checks} for name, (code, checks) in PROBES.items()}
    return json.dumps({"exercises": exercises, "probes": probes})


def run_cpython(input_text: str) -> str:
    namespace = {"INPUT": input_text, "__name__": "exercise_parity"}
    exec(compile(SCRIPT.read_text(), str(SCRIPT), "exec"), namespace)
    return namespace["OUTPUT"]


def test_the_parity_script_on_cpython() -> None:
    report = json.loads(run_cpython(exercise_input()))
    assert sorted(report["solutions"]) == IDS
    assert all(r["ok"] for r in report["solutions"].values())
    assert not any(r["ok"] for r in report["starters"].values())


@pytest.mark.node
def test_every_solution_passes_inside_pyodide_as_on_cpython(tmp_path: Path) -> None:
    """Only the engine wheel is loaded: the harness needs nothing beyond the stdlib."""
    input_file = tmp_path / "exercises.json"
    input_file.write_text(exercise_input(), encoding="utf-8")
    expected = run_cpython(input_file.read_text(encoding="utf-8"))
    actual = json.loads(run_in_pyodide(SCRIPT, input_file, [build_engine_wheel(ROOT)]))
    assert actual == json.loads(expected)
    assert all(r["ok"] for r in actual["solutions"].values())
    probes = actual["probes"]
    assert probes["a correct toy answer"]["ok"]
    assert probes["infinite recursion in the function"]["verdicts"] == [False, False, False]
    assert probes["infinite recursion while loading"]["has_error"]
