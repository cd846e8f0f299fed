"""Run and Check of an exercise: Run prints each visible example as a reader would see it at
a prompt; Check applies the rules, the examples, the hidden cases and, once all of them
pass, the complexity bound; verdicts are typed; a bad exercise is the page's error."""

from __future__ import annotations

import pytest

from practice_engine import runner
from practice_engine.errors import EngineError
from practice_engine.judge import check_exercise, run_examples
from tests.practice_engine.exercise_helpers import assert_report

CHECKS = """
FUNCTION = "largest"
EXAMPLES = [{"name": "three numbers", "args": [[3, 9, 4]], "expected": 9}]
CASES = [
    {"name": "one number", "args": [[5]], "expected": 5},
    {"name": "negative numbers", "args": [[-3, -1, -2]], "expected": -1},
    {"name": "empty list", "args": [[]], "raises": "ValueError"},
]


def complexity_input(n):
    return [[(i * 7919) % n for i in range(n)]]
"""
EXERCISE = {
    "checks": CHECKS,
    "forbid": [{"name": "max", "why": "find it with one pass of your own"}],
    "complexity": {"target": "n", "sizes": [100, 200, 400, 800], "budget": 200_000},
}
ONE_PASS = """
def largest(xs):
    if not xs:
        raise ValueError("empty")
    best = xs[0]
    for x in xs:
        if x > best:
            best = x
    return best
"""
QUADRATIC = """
def largest(xs):
    if not xs:
        raise ValueError("empty")
    for x in xs:
        if all(x >= y for y in xs):
            return x
"""
STARTER = 'def largest(xs):\n    raise NotImplementedError("walk the list once")\n'


def check(code: str, exercise: dict = EXERCISE) -> dict:
    report = check_exercise(code, exercise)
    assert_report({k: v for k, v in report.items() if k != "complexity"})
    return report


def test_a_one_pass_solution_passes_everything() -> None:
    report = check(ONE_PASS)
    assert report["ok"] and report["verdict"] == "passed"
    names = [r["name"] for r in report["results"]]
    assert names[0] == "uses nothing this exercise forbids"
    assert names[1] == "three numbers" and report["results"][1]["example"]
    assert names[-1] == "grows no faster than n"
    assert report["complexity"]["grows_like"] == "n" and report["complexity"]["ok"]


def test_a_quadratic_solution_is_correct_but_told_its_growth() -> None:
    report = check(QUADRATIC)
    assert not report["ok"] and report["verdict"] == "hint"
    last = report["results"][-1]
    assert not last["ok"] and last["kind"] == "hint"
    assert "grows like n^2" in last["message"] and "the target is n" in last["message"]
    assert all(r["ok"] for r in report["results"][:-1])


def test_a_forbidden_name_is_a_hint_and_the_cases_still_run() -> None:
    report = check("def largest(xs):\n    return max(xs)\n")
    first = report["results"][0]
    assert first["kind"] == "hint" and "`max` is not allowed" in first["message"]
    assert report["verdict"] == "hint"
    assert report["complexity"] is None  # not measured until everything else passes
    assert [r["ok"] for r in report["results"][1:]] == [True, True, True, True]  # max([]) raises


def test_the_starter_fails_with_the_placeholder_hint() -> None:
    report = check(STARTER)
    assert report["verdict"] == "hint"
    assert "still the starter's placeholder" in report["results"][1]["message"]
    assert report["results"][1]["input"] == "largest(xs=[3, 9, 4])"
    assert report["results"][1]["expected"] == "9"


def test_a_wrong_answer_and_an_error_are_typed() -> None:
    wrong = check("def largest(xs):\n    return xs[0]\n")
    assert wrong["verdict"] == "wrong"
    kinds = {r["name"]: r["kind"] for r in wrong["results"]}
    assert kinds["three numbers"] == "wrong" and kinds["empty list"] == "error"
    none = check("def largest(xs):\n    x = 1\n")
    assert none["results"][1]["kind"] == "hint" and "returned None" in none["results"][1]["hint"]


def test_code_that_cannot_load_is_an_error() -> None:
    report = check("def largest(xs)\n    return 1\n")
    assert report["verdict"] == "error" and "SyntaxError on line 1" in report["error"]
    assert report["total"] == 5  # the rules, one example and three cases


def test_run_prints_each_example_as_at_a_prompt() -> None:
    out = runner.run_exercise("print('loading')\n" + ONE_PASS, EXERCISE)
    assert out["ok"] and out["verdict"] == "passed" and out["total"] == 1
    assert out["output"] == "loading\n>>> largest(xs=[3, 9, 4])\n9\n"
    bad = runner.run_exercise("def largest(xs):\n    return 3\n", EXERCISE)
    assert bad["output"].endswith(">>> largest(xs=[3, 9, 4])\n3\n# expected 9\n")
    assert bad["verdict"] == "wrong"


def test_run_never_runs_the_hidden_cases() -> None:
    out = run_examples(ONE_PASS, EXERCISE)
    assert [r["name"] for r in out["results"]] == ["three numbers"]


def test_check_through_the_runner_keeps_what_the_code_printed() -> None:
    out = runner.check_exercise("print('hi')\n" + ONE_PASS, EXERCISE)
    assert out["ok"] and out["output"] == "hi\n" and out["complexity"]["ok"]


@pytest.mark.parametrize(
    ("exercise", "words"),
    [
        (None, "exercise must be the object"),
        ({"checks": ""}, "exercise.checks"),
        ({**EXERCISE, "forbid": "max"}, "forbid must be a list"),
        ({**EXERCISE, "complexity": {"target": "fast"}}, "complexity.target"),
    ],
)
def test_a_bad_exercise_is_refused(exercise: object, words: str) -> None:
    with pytest.raises(EngineError, match=words):
        runner.check_exercise(ONE_PASS, exercise)  # type: ignore[arg-type]
    with pytest.raises(EngineError, match=words):
        runner.run_exercise(ONE_PASS, exercise)  # type: ignore[arg-type]


def test_a_bound_without_its_input_function_is_refused() -> None:
    no_input = {**EXERCISE, "checks": CHECKS.split("def complexity_input")[0]}
    with pytest.raises(EngineError, match="no complexity_input"):
        check_exercise(ONE_PASS, no_input)


def test_broken_checks_are_reported_not_raised() -> None:
    report = check(ONE_PASS, {**EXERCISE, "checks": "FUNCTION = 3\nCASES = []\n"})
    assert report["verdict"] == "error" and "checks of this exercise are broken" in report["error"]
