"""Check a reader's code for a coding exercise against the exercise's checks.

`run_checks(user_code, checks_code)` runs the reader's code in a fresh namespace, finds the
function the exercise asks for, calls it on every case of the checks and compares what comes
back with what was expected. Whatever the reader's code does (a syntax error, an exception,
infinite recursion, a missing function, a wrong type), the answer is a plain JSON-able dict,
never an exception:

    {"ok": bool, "passed": int, "total": int,
     "results": [{"name": str, "ok": bool, "message": str}, ...],
     "error": str | None}

The checks of an exercise are a small Python module text:

    FUNCTION = "precision_recall_f1"      # the function the reader must define
    INPUTS_READ_ONLY = True               # optional: a case fails if the inputs are changed
    CASES = [
        {"name": "one of each", "args": [[1, 0, 1], [1, 1, 0]], "expected": (0.5, 0.5, 0.5)},
        {"name": "empty input", "args": [[], []], "raises": "ValueError"},
    ]

    def extra_checks(fn):                 # optional property checks
        return [("name", passed, "message"), ...]

Each case has a `name`, optional `args` (a list) and `kwargs` (a dict), and either an
`expected` value or `raises`, the name of the exception class the call must raise (a
subclass counts). Arguments are deep-copied before every call. Values are compared by the
rules in values.py (floats with a tolerance, NaN equal to NaN, lists and tuples alike);
what a reader's code got wrong is told as tracebacks.py tells it.

Pure standard library; runs unchanged on CPython and in Pyodide. There is no time limit
here: a page that runs this in a Web Worker stops an endless loop by ending the worker.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import random
import sys
from typing import Any

from .tracebacks import USER_FILE, exc_line, location, short_traceback, syntax_error, user_frames
from .values import clip, show, show_call, show_pair, unchanged, values_match

CHECKS_FILE = "<exercise checks>"
CASE_KEYS = ("name", "args", "kwargs", "expected", "raises")

__all__ = ["case_problems", "checks_namespace", "checks_problems", "load_checks", "run_checks"]


def _report(results: list[dict], total: int, error: str | None) -> dict[str, Any]:
    passed = sum(1 for r in results if r["ok"])
    ok = error is None and total > 0 and passed == total == len(results)
    return {"ok": ok, "passed": passed, "total": total, "results": results, "error": error}


def case_problems(cases: Any) -> list[tuple[str, str]]:
    """Every problem with an exercise's CASES as (where, what) pairs, where is the path
    inside checks.py ("CASES[2].args"). The build reports them all with the file's name;
    the harness refuses broken checks with the first."""
    if not isinstance(cases, list) or not cases:
        got = "nothing" if cases is None else repr(cases)[:40]
        return [("CASES", f"must be a non-empty list of cases, got {got}")]
    problems = []
    for n, case in enumerate(cases):
        where = f"CASES[{n}]"
        if not isinstance(case, dict):
            problems.append((where, f"expected a dict, got {type(case).__name__}"))
            continue
        if not isinstance(case.get("name"), str) or not case["name"]:
            problems.append((f"{where}.name", "required: a non-empty string"))
        if ("expected" in case) == ("raises" in case):
            problems.append((where, "needs exactly one of 'expected' and 'raises'"))
        unknown = sorted(set(case) - set(CASE_KEYS), key=str)
        if unknown:
            problems.append((where, f"unknown key(s) {unknown}"))
        if not isinstance(case.get("args", []), list):
            problems.append((f"{where}.args", "must be a list"))
        if not isinstance(case.get("kwargs", {}), dict):
            problems.append((f"{where}.kwargs", "must be a dict"))
    return problems


def checks_problems(namespace: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem with the names a loaded checks.py defines: FUNCTION, CASES and the
    optional extra_checks, as (where, what) pairs; empty when the checks can run."""
    problems = []
    function = namespace.get("FUNCTION")
    if not isinstance(function, str) or not function.isidentifier():
        problems.append(("FUNCTION", f"must name the function to write, got {function!r}"))
    problems += case_problems(namespace.get("CASES"))
    if "extra_checks" in namespace and not callable(namespace["extra_checks"]):
        problems.append(("extra_checks", "must be a function"))
    return problems


def checks_namespace(checks_code: str, filename: str = CHECKS_FILE) -> dict[str, Any]:
    """The names checks.py defines, after running it (the exercise's own file, never the
    reader's code); raises whatever running it raises."""
    namespace: dict[str, Any] = {"__name__": "__exercise_checks__"}
    exec(compile(checks_code, filename, "exec"), namespace)
    return namespace


def load_checks(checks_code: str) -> dict[str, Any]:
    """checks.py's names, or ValueError naming its first problem."""
    namespace = checks_namespace(checks_code)
    problems = checks_problems(namespace)
    if problems:
        where, what = problems[0]
        raise ValueError(f"{where} {what}")
    return namespace


def _run_case(case: dict, fn: Any, name: str, read_only: bool) -> dict[str, Any]:
    args = list(case.get("args", []))
    kwargs = dict(case.get("kwargs", {}))
    try:
        pristine = copy.deepcopy((args, kwargs))
        call_args, call_kwargs = copy.deepcopy((args, kwargs))
    except Exception:  # an argument that cannot be copied (a generator, say)
        pristine, (call_args, call_kwargs) = None, (args, kwargs)
    call = show_call(name, fn, args, kwargs)
    raises = case.get("raises")
    want = f"{raises} to be raised" if raises else clip(show(case["expected"], 4))
    try:
        got = fn(*call_args, **call_kwargs)
    except (Exception, SystemExit) as exc:
        raised = type(exc)
        if raises and any(k.__name__ == raises for k in raised.__mro__):
            return _result(case, True, "")
        got = f"{exc_line(exc)}{location(exc)}"
        return _result(case, False, f"{call} -> expected {want}, got {got}")
    if raises:
        return _result(case, False, f"{call} -> expected {want}, got {clip(show(got))}")
    expected = case["expected"]
    if not values_match(expected, got):
        e, g = show_pair(expected, got)
        return _result(case, False, f"{call} -> expected {e}, got {g}")
    if read_only and pristine is not None:
        changed = _changed_arguments(fn, pristine, (call_args, call_kwargs))
        if changed:
            return _result(
                case,
                False,
                f"{call} -> expected the inputs to be left unchanged, got {changed}",
            )
    return _result(case, True, "")


def _changed_arguments(fn: Any, before: tuple, after: tuple) -> str:
    (b_args, b_kwargs), (a_args, a_kwargs) = before, after
    names: list[str] = []
    with contextlib.suppress(Exception):
        names = [
            p.name
            for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    changes = []
    for i, (b, a) in enumerate(zip(b_args, a_args, strict=False)):
        if not unchanged(b, a):
            label = names[i] if i < len(names) else f"argument {i + 1}"
            changes.append(f"{label} changed to {clip(show(a))}")
    for key, b in b_kwargs.items():
        if not unchanged(b, a_kwargs.get(key)):
            changes.append(f"{key} changed to {clip(show(a_kwargs.get(key)))}")
    return "; ".join(changes)


def _result(case: dict, ok: bool, message: str) -> dict[str, Any]:
    return {"name": case["name"], "ok": ok, "message": message}


def _run_extra(extra: Any, fn: Any) -> list[dict[str, Any]]:
    try:
        found = extra(fn)
    except (Exception, SystemExit) as exc:
        message = (
            "expected the property checks to run, got "
            f"{exc_line(exc)}{location(exc)} from your function"
            if user_frames(exc)
            else f"expected the property checks to run, got {exc_line(exc)}"
        )
        return [{"name": "property checks", "ok": False, "message": message}]
    if not isinstance(found, (list, tuple)) or not all(
        isinstance(item, tuple) and len(item) == 3 for item in found
    ):
        message = "The checks of this exercise are broken: extra_checks must return 3-tuples"
        return [{"name": "property checks", "ok": False, "message": message}]
    return [
        {"name": str(name), "ok": bool(ok), "message": "" if ok else str(message)}
        for name, ok, message in found
    ]


def run_checks(user_code: str, checks_code: str) -> dict[str, Any]:
    """Run the reader's code, then the checks; return the report described above.

    The global random state and the recursion limit are put back afterwards, so code that
    calls `random.seed` or `sys.setrecursionlimit` leaves no trace in the process.
    """
    random_state, recursion_limit = random.getstate(), sys.getrecursionlimit()
    try:
        return _run(user_code, checks_code)
    except Exception as exc:  # a last resort: the reader's code broke the harness itself
        return _report([], 0, f"Your code could not be checked: {exc_line(exc)}")
    finally:
        random.setstate(random_state)
        sys.setrecursionlimit(recursion_limit)


def _run(user_code: str, checks_code: str) -> dict[str, Any]:
    try:
        checks = load_checks(checks_code)
    except Exception as exc:
        return _report([], 0, f"The checks of this exercise are broken: {exc_line(exc)}")
    name = checks["FUNCTION"]
    cases = checks["CASES"]
    read_only = bool(checks.get("INPUTS_READ_ONLY", False))
    extra = checks.get("extra_checks")
    source_lines = user_code.splitlines()
    limit = sys.getrecursionlimit()  # restored after each step in case the code changes it

    try:
        code = compile(user_code, USER_FILE, "exec")
    except Exception as exc:  # SyntaxError, or ValueError for a null byte in 3.11
        return _report([], len(cases), syntax_error(exc, source_lines))
    namespace: dict[str, Any] = {"__name__": "__solution__"}
    try:
        exec(code, namespace)
    except (Exception, SystemExit) as exc:
        message = "Your code raised an error while it was loading.\n"
        return _report([], len(cases), message + short_traceback(exc, source_lines))
    sys.setrecursionlimit(limit)

    fn = namespace.get(name)
    if fn is None:
        return _report([], len(cases), f"Your code does not define a function named {name!r}.")
    if not callable(fn):
        kind = type(fn).__name__
        return _report([], len(cases), f"{name!r} in your code is a {kind}, not a function.")

    results = []
    for case in cases:
        results.append(_run_case(case, fn, name, read_only))
        sys.setrecursionlimit(limit)
    if extra is not None:
        results += _run_extra(extra, fn)
    return _report(results, len(results), None)
