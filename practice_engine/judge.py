"""Run and Check of a coding exercise, as the page asks for them.

The page passes the exercise as the build published it (assets/exercises/<id>.json); only
three of its keys matter here:

    {"checks": the text of checks.py,
     "forbid": [{"name" or "module": ..., "why": ...}, ...],   # may be empty
     "complexity": {"target", "sizes", "budget", "note"} | null}

`run_examples(code, exercise)` runs the reader's code and calls their function on the
visible examples, printing each call and what came back, as a reader would at a prompt.
`measure_exercise(code, exercise)` measures the complexity alone (what the Check does last).
`check_exercise(code, exercise)` is the full check: the forbidden names (on the syntax
tree), the examples and hidden cases, the property checks, and, once everything else
passes, the complexity bound. Both answer with the report of exercises.py; Check adds
"complexity" (the measurement, or None when not measured) and never raises for what the
reader's code does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import complexity as growth
from .constraints import Rule, require_rules, violations
from .errors import EngineError
from .exercise_checks import load_checks
from .exercises import (
    load_function,
    preserved_state,
    report,
    result,
    run_case,
    run_cases,
)
from .tracebacks import exc_line
from .values import show_call

RULES_CHECK = "uses nothing this exercise forbids"
MAX_CHECKS_CHARS = 200_000

__all__ = ["Exercise", "check_exercise", "measure_exercise", "require_exercise", "run_examples"]


@dataclass(frozen=True)
class Exercise:
    """What the engine needs of a published exercise."""

    checks: str
    rules: list[Rule]
    complexity: dict[str, Any] | None


def require_exercise(exercise: Any) -> Exercise:
    """The exercise the page passed, checked; an EngineError says what is wrong with it
    (a stale or hand-edited file, never the reader's code)."""
    if not isinstance(exercise, dict):
        raise EngineError("exercise must be the object published in assets/exercises/")
    checks = exercise.get("checks")
    if not isinstance(checks, str) or not checks.strip() or len(checks) > MAX_CHECKS_CHARS:
        raise EngineError("exercise.checks must be the text of the exercise's checks.py")
    rules = require_rules(exercise.get("forbid"))
    spec = exercise.get("complexity")
    bound = None if spec is None else growth.require_spec(spec)
    return Exercise(checks, rules, bound)


def _require_code(code: Any) -> str:
    if not isinstance(code, str):
        raise EngineError("code must be the text of the reader's code")
    return code


def _rules_result(code: str, rules: list[Rule]) -> dict[str, Any]:
    found = violations(code, rules)
    if not found:
        return result(RULES_CHECK, True, "passed")
    message = "\n".join(v["message"] for v in found)
    return result(RULES_CHECK, False, "hint", message)


def _complexity_result(outcome: dict[str, Any]) -> dict[str, Any]:
    name = f"grows no faster than {outcome['target']}"
    if outcome["ok"]:
        return result(name, True, "passed")
    kind = "error" if outcome["error"] else "hint"
    return result(name, False, kind, outcome["message"])


def check_exercise(code: Any, exercise: Any) -> dict[str, Any]:
    """The full check; see the module docstring."""
    spec = require_exercise(exercise)
    code = _require_code(code)
    with preserved_state():
        try:
            return _check(code, spec)
        except EngineError:
            raise
        except Exception as exc:  # a last resort: the reader's code broke the harness
            out = report([], 0, f"Your code could not be checked: {exc_line(exc)}")
            return {**out, "complexity": None}


def _input_function(checks: dict[str, Any]) -> Any:
    make_input = checks.get("complexity_input")
    if make_input is None:
        raise EngineError("the checks of this exercise define no complexity_input(n)")
    return make_input


def measure_exercise(code: Any, exercise: Any) -> dict[str, Any]:
    """{"complexity": the measurement or None, "error": why the code could not be
    measured or None}, whatever the cases say; an EngineError for an exercise without a
    bound."""
    spec = require_exercise(exercise)
    code = _require_code(code)
    if spec.complexity is None:
        raise EngineError("this exercise declares no complexity bound")
    with preserved_state():
        try:
            checks = load_checks(spec.checks)
        except Exception as exc:
            return {"complexity": None, "error": f"The checks are broken: {exc_line(exc)}"}
        make_input = _input_function(checks)
        fn, error = load_function(code, checks["FUNCTION"])
        if error is not None:
            return {"complexity": None, "error": error}
        return {"complexity": growth.measure(fn, make_input, spec.complexity), "error": None}


def _check(code: str, spec: Exercise) -> dict[str, Any]:
    try:
        checks = load_checks(spec.checks)
    except Exception as exc:
        out = report([], 0, f"The checks of this exercise are broken: {exc_line(exc)}")
        return {**out, "complexity": None}
    results = [_rules_result(code, spec.rules)] if spec.rules else []
    total = len(results) + len(checks.get("EXAMPLES", [])) + len(checks["CASES"])
    fn, error = load_function(code, checks["FUNCTION"])
    if error is not None:
        return {**report(results, total, error), "complexity": None}
    results += run_cases(checks, fn)
    measured = None
    if spec.complexity is not None and all(r["ok"] for r in results):
        measured = growth.measure(fn, _input_function(checks), spec.complexity)
        results.append(_complexity_result(measured))
    return {**report(results, len(results), None), "complexity": measured}


def run_examples(code: Any, exercise: Any) -> dict[str, Any]:
    """Run the reader's code, then their function on each visible example, printing
    `>>> call`, what came back and, when it is not what was expected, the expectation."""
    spec = require_exercise(exercise)
    code = _require_code(code)
    with preserved_state():
        try:
            checks = load_checks(spec.checks)
        except Exception as exc:
            return report([], 0, f"The checks of this exercise are broken: {exc_line(exc)}")
        examples = checks.get("EXAMPLES", [])
        fn, error = load_function(code, checks["FUNCTION"])
        if error is not None:
            return report([], len(examples), error)
        results = [_show_example(case, fn, checks) for case in examples]
    return report(results, len(results), None)


def _show_example(case: dict[str, Any], fn: Any, checks: dict[str, Any]) -> dict[str, Any]:
    name = checks["FUNCTION"]
    print(f">>> {show_call(name, fn, list(case.get('args', [])), dict(case.get('kwargs', {})))}")
    outcome = run_case(case, fn, name, bool(checks.get("INPUTS_READ_ONLY")), True)
    print(outcome["got"] if outcome["got"] is not None else "(as expected)")
    if not outcome["ok"]:
        print(f"# expected {outcome['expected']}")
        if outcome["hint"]:
            print(f"# {outcome['hint']}")
    return outcome
