"""The check harness (practice_engine/exercises.py): a report, never an exception,
whatever the reader's code does; messages that show the call, the expected value and what
came back; values compared by the exercise rules; broken checks named."""

from __future__ import annotations

import pytest

from practice_engine.exercise_checks import case_problems
from practice_engine.exercises import run_checks
from tests.practice_engine.exercise_helpers import TOY_CHECKS, assert_report, text

PRF = text("precision-recall-f1", "checks.py")


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
    assert {k: v for k, v in report.items() if k != "results"} == {
        "ok": True,
        "verdict": "passed",
        "passed": 3,
        "total": 3,
        "error": None,
    }
    assert report["results"][0] == {
        "name": "an int",
        "ok": True,
        "kind": "passed",
        "message": "",
        "input": "double(x=2)",
        "expected": "4",
        "got": "4",
        "hint": None,
        "example": False,
    }
    assert [r["name"] for r in report["results"]] == ["an int", "a list", "a string"]


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


def test_case_problems_name_where_and_what() -> None:
    cases = [{"name": "", "args": 1, "expected": 1, "raises": "E"}, "x", {"name": "n", "y": 1}]
    assert case_problems(cases) == [
        ("CASES[0].name", "required: a non-empty string"),
        ("CASES[0]", "needs exactly one of 'expected' and 'raises'"),
        ("CASES[0].args", "must be a list"),
        ("CASES[1]", "expected a dict, got str"),
        ("CASES[2]", "needs exactly one of 'expected' and 'raises'"),
        ("CASES[2]", "unknown key(s) ['y']"),
    ]
    assert case_problems([]) == [("CASES", "must be a non-empty list of cases, got []")]
    assert case_problems([{"name": "n", "args": [], "expected": 0}]) == []
