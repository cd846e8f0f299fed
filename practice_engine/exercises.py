"""Check a reader's code for a coding exercise against the exercise's checks.

`run_checks(user_code, checks_code)` runs the reader's code in a fresh namespace, finds the
function the exercise asks for, calls it on every example and every hidden case of the
checks and compares what comes back with what was expected. Whatever the reader's code
does (a syntax error, an exception, infinite recursion, a missing function, a wrong type),
the answer is a plain JSON-able dict, never an exception:

    {"ok": bool, "verdict": "passed" | "hint" | "wrong" | "error",
     "passed": int, "total": int, "results": [RESULT, ...], "error": str | None}

    RESULT = {"name": str, "ok": bool, "kind": one of vocab.CHECK_KINDS,
              "message": str,            # "" when passed; else the call, expected and got
              "input": str | None,       # the call, e.g. "double(x=2)"
              "expected": str | None, "got": str | None,
              "hint": str | None,        # advice when the failure is a known one
              "example": bool}           # True for a visible example

The checks come from the exercise's checks.py, loaded and validated by exercise_checks.py
(its docstring describes the format). Values are compared by the rules in values.py
(floats with a tolerance, NaN equal to NaN, lists and tuples alike); what a reader's code
got wrong is told as tracebacks.py tells it.

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

from .exercise_checks import load_checks
from .tracebacks import USER_FILE, exc_line, location, short_traceback, syntax_error, user_frames
from .values import clip, show, show_call, show_pair, unchanged, values_match

PLACEHOLDER_HINT = (
    "This is still the starter's placeholder: replace the `raise NotImplementedError(...)` "
    "line with your own code."
)
NONE_HINT = (
    "Your function returned None: check that every path through it ends in a `return` "
    "of the answer."
)

__all__ = [
    "load_function",
    "preserved_state",
    "report",
    "result",
    "run_case",
    "run_cases",
    "run_checks",
]


def report(results: list[dict], total: int, error: str | None) -> dict[str, Any]:
    """The report of a check; its verdict is "error" when the code could not be checked,
    else the kind of the first failed result (the first thing to fix), else "passed"."""
    passed = sum(1 for r in results if r["ok"])
    ok = error is None and total > 0 and passed == total == len(results)
    failed = next((r["kind"] for r in results if not r["ok"]), None)
    verdict = "passed" if ok else "error" if error is not None or failed is None else failed
    return {
        "ok": ok,
        "verdict": verdict,
        "passed": passed,
        "total": total,
        "results": results,
        "error": error,
    }


def result(name: str, ok: bool, kind: str, message: str = "", **details: Any) -> dict[str, Any]:
    """One result in the documented shape; `details` fills input, expected, got, hint and
    example."""
    base = {"input": None, "expected": None, "got": None, "hint": None, "example": False}
    if details.get("hint") and message:
        message = f"{message}\n{details['hint']}"
    return {"name": name, "ok": ok, "kind": kind, "message": message, **base, **details}


def _failure_kind(exc: BaseException | None, got: Any = None) -> tuple[str, str | None]:
    """The kind of a failed case and the advice for a failure the harness recognises."""
    if exc is None:
        return ("hint", NONE_HINT) if got is None else ("wrong", None)
    if isinstance(exc, NotImplementedError):
        return "hint", PLACEHOLDER_HINT
    return "error", None


def run_case(case: dict, fn: Any, name: str, read_only: bool, example: bool) -> dict[str, Any]:
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
    shown: dict[str, Any] = {"input": call, "expected": want, "example": example}
    try:
        got = fn(*call_args, **call_kwargs)
    except (Exception, SystemExit) as exc:
        if raises and any(k.__name__ == raises for k in type(exc).__mro__):
            return result(case["name"], True, "passed", got=exc_line(exc), **shown)
        text = f"{exc_line(exc)}{location(exc)}"
        kind, hint = _failure_kind(exc)
        message = f"{call} -> expected {want}, got {text}"
        return result(case["name"], False, kind, message, got=text, hint=hint, **shown)
    if raises:
        text = clip(show(got))
        message = f"{call} -> expected {want}, got {text}"
        return result(case["name"], False, "wrong", message, got=text, **shown)
    expected = case["expected"]
    if not values_match(expected, got):
        e, g = show_pair(expected, got)
        kind, hint = _failure_kind(None, got)
        shown["expected"] = e
        message = f"{call} -> expected {e}, got {g}"
        return result(case["name"], False, kind, message, got=g, hint=hint, **shown)
    if read_only and pristine is not None:
        changed = _changed_arguments(fn, pristine, (call_args, call_kwargs))
        if changed:
            got_text = f"the inputs changed: {changed}"
            message = f"{call} -> expected the inputs to be left unchanged, got {changed}"
            return result(case["name"], False, "wrong", message, got=got_text, **shown)
    return result(case["name"], True, "passed", got=clip(show(got, 4)), **shown)


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
        kind, hint = _failure_kind(exc)
        return [result("property checks", False, kind, message, hint=hint)]
    if not isinstance(found, (list, tuple)) or not all(
        isinstance(item, tuple) and len(item) == 3 for item in found
    ):
        message = "The checks of this exercise are broken: extra_checks must return 3-tuples"
        return [result("property checks", False, "error", message)]
    return [
        result(str(name), bool(ok), "passed" if ok else "wrong", "" if ok else str(message))
        for name, ok, message in found
    ]


def run_checks(user_code: str, checks_code: str) -> dict[str, Any]:
    """Run the reader's code, then the examples, cases and property checks; return the
    report described above.

    The global random state and the recursion limit are put back afterwards, so code that
    calls `random.seed` or `sys.setrecursionlimit` leaves no trace in the process.
    """
    with preserved_state():
        try:
            return _run(user_code, checks_code)
        except Exception as exc:  # a last resort: the reader's code broke the harness itself
            return report([], 0, f"Your code could not be checked: {exc_line(exc)}")


@contextlib.contextmanager
def preserved_state() -> Any:
    """Put back the process-wide state a reader's code may change."""
    random_state, recursion_limit = random.getstate(), sys.getrecursionlimit()
    try:
        yield
    finally:
        random.setstate(random_state)
        sys.setrecursionlimit(recursion_limit)


def load_function(user_code: str, name: str) -> tuple[Any, str | None]:
    """(the reader's function, None), or (None, why it cannot be called): a syntax error,
    an error while loading with a short traceback, or no function of that name."""
    source_lines = user_code.splitlines()
    limit = sys.getrecursionlimit()
    try:
        code = compile(user_code, USER_FILE, "exec")
    except Exception as exc:  # SyntaxError, or ValueError for a null byte in 3.11
        return None, syntax_error(exc, source_lines)
    namespace: dict[str, Any] = {"__name__": "__solution__"}
    try:
        exec(code, namespace)
    except (Exception, SystemExit) as exc:
        message = "Your code raised an error while it was loading.\n"
        return None, message + short_traceback(exc, source_lines)
    finally:
        sys.setrecursionlimit(limit)
    fn = namespace.get(name)
    if fn is None:
        return None, f"Your code does not define a function named {name!r}."
    if not callable(fn):
        return None, f"{name!r} in your code is a {type(fn).__name__}, not a function."
    return fn, None


def run_cases(checks: dict[str, Any], fn: Any) -> list[dict[str, Any]]:
    """Every example, then every hidden case, then the property checks, on `fn`."""
    name, read_only = checks["FUNCTION"], bool(checks.get("INPUTS_READ_ONLY", False))
    limit = sys.getrecursionlimit()  # restored after each case in case the code changes it
    results = []
    for example, cases in ((True, checks.get("EXAMPLES", [])), (False, checks["CASES"])):
        for case in cases:
            results.append(run_case(case, fn, name, read_only, example))
            sys.setrecursionlimit(limit)
    if checks.get("extra_checks") is not None:
        results += _run_extra(checks["extra_checks"], fn)
    return results


def _run(user_code: str, checks_code: str) -> dict[str, Any]:
    try:
        checks = load_checks(checks_code)
    except Exception as exc:
        return report([], 0, f"The checks of this exercise are broken: {exc_line(exc)}")
    total = len(checks.get("EXAMPLES", [])) + len(checks["CASES"])
    fn, error = load_function(user_code, checks["FUNCTION"])
    if error is not None:
        return report([], total, error)
    results = run_cases(checks, fn)
    return report(results, len(results), None)
