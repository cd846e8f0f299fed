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
subclass counts). Arguments are deep-copied before every call. Values are compared
recursively: floats with `math.isclose` (relative 1e-6, absolute 1e-9) and NaN equal to NaN,
lists and tuples element by element (either kind matches the other), dicts key by key.

Pure standard library; runs unchanged on CPython and in Pyodide. There is no time limit
here: a page that runs this in a Web Worker stops an endless loop by ending the worker.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import math
import random
import sys
import traceback
from typing import Any

USER_FILE = "<your code>"
CHECKS_FILE = "<exercise checks>"
REL_TOL = 1e-6
ABS_TOL = 1e-9
MAX_SHOWN = 300  # characters of one value shown in a message
MAX_FRAMES = 4  # frames of the reader's code shown in a traceback
CASE_KEYS = ("name", "args", "kwargs", "expected", "raises")

__all__ = [
    "case_problems",
    "checks_namespace",
    "checks_problems",
    "load_checks",
    "run_checks",
    "values_match",
]


# --- comparing values -----------------------------------------------------------------------


def values_match(expected: Any, got: Any) -> bool:
    """True when `got` equals `expected` under the exercise rules (see the module docstring)."""
    try:
        return _match(expected, got)
    except Exception:  # a strange object whose comparison fails or recursion that never ends
        return False


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _match(expected: Any, got: Any) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected == got
    if _is_number(expected) and _is_number(got):
        if isinstance(expected, int) and isinstance(got, int):
            return expected == got
        e, g = float(expected), float(got)
        if math.isnan(e) or math.isnan(g):
            return math.isnan(e) and math.isnan(g)
        return math.isclose(e, g, rel_tol=REL_TOL, abs_tol=ABS_TOL)
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(got, (list, tuple))
            and len(expected) == len(got)
            and all(_match(e, g) for e, g in zip(expected, got, strict=True))
        )
    if isinstance(expected, dict):
        return (
            isinstance(got, dict)
            and set(expected) == set(got)
            and all(_match(expected[k], got[k]) for k in expected)
        )
    if expected is None:
        return got is None
    if isinstance(expected, (str, set, frozenset)):
        return isinstance(got, type(expected)) and bool(expected == got)
    return bool(expected == got)


def _unchanged(before: Any, after: Any) -> bool:
    """Strict sameness, for telling whether a call modified its arguments."""
    try:
        return _same(before, after)
    except Exception:
        return False


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    return bool(a == b)


# --- showing values -------------------------------------------------------------------------


def _float_text(x: float, digits: int | None) -> str:
    if digits is None or not math.isfinite(x) or x == 0 or abs(x) >= 1e16:
        return repr(x)
    # keep every digit before the decimal point: 1000000010.0 must not read as 1e+09
    digits = min(17, max(digits, int(math.log10(abs(x))) + 2))
    text = f"{x:.{digits}g}"
    if "e" not in text and "." not in text and "n" not in text:
        text += ".0"
    return text


def _show(value: Any, digits: int | None = None, depth: int = 0) -> str:
    """A short, readable rendering; floats rounded to `digits` significant digits if given."""
    if depth > 20:
        return "..."
    if isinstance(value, float):
        return _float_text(value, digits)
    if isinstance(value, list):
        return "[" + ", ".join(_show(v, digits, depth + 1) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(_show(v, digits, depth + 1) for v in value)
        return "(" + inner + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        items = (
            f"{_show(k, digits, depth + 1)}: {_show(v, digits, depth + 1)}"
            for k, v in value.items()
        )
        return "{" + ", ".join(items) + "}"
    try:
        return repr(value)
    except Exception:
        return f"<{type(value).__name__} object>"


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def _show_pair(expected: Any, got: Any) -> tuple[str, str]:
    """Expected and got, rounded for reading unless rounding would make them look equal."""
    e, g = _show(expected, 4), _show(got, 4)
    if e == g:
        e, g = _show(expected), _show(got)
    if e == g and type(expected) is not type(got):
        g = f"{g} (a {type(got).__name__}, not a {type(expected).__name__})"
    return _clip(e), _clip(g)


def _show_call(name: str, fn: Any, args: list, kwargs: dict) -> str:
    """`name(p1=..., p2=...)`, naming the arguments after the reader's parameters."""
    parts: list[str] = []
    try:
        bound = inspect.signature(fn).bind(*args, **kwargs)
        params = inspect.signature(fn).parameters
        for pname, value in bound.arguments.items():
            kind = params[pname].kind
            if kind is inspect.Parameter.VAR_POSITIONAL:
                parts.extend(_clip(_show(v)) for v in value)
            elif kind is inspect.Parameter.VAR_KEYWORD:
                parts.extend(f"{k}={_clip(_show(v))}" for k, v in value.items())
            else:
                parts.append(f"{pname}={_clip(_show(value))}")
    except Exception:  # not introspectable, or the arguments do not fit the signature
        parts = [_clip(_show(v)) for v in args]
        parts += [f"{k}={_clip(_show(v))}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


# --- describing the reader's errors ---------------------------------------------------------


def _user_frames(exc: BaseException) -> list[tuple[int, str]]:
    """(line, function) of every frame of the reader's code in the exception's traceback."""
    frames = traceback.extract_tb(exc.__traceback__)
    return [(f.lineno or 0, f.name) for f in frames if f.filename == USER_FILE]


def _exc_line(exc: BaseException) -> str:
    text = str(exc)
    name = type(exc).__name__
    return _clip(f"{name}: {text}" if text else name)


def _where(exc: BaseException) -> str:
    frames = _user_frames(exc)
    if not frames:
        return ""
    line, func = frames[-1]
    return f" (line {line}, in {func})" if func != "<module>" else f" (line {line})"


def _short_traceback(exc: BaseException, source_lines: list[str]) -> str:
    """A traceback of the reader's code only, repeated frames folded as Python does."""
    frames = _user_frames(exc)
    folded: list[tuple[int, str, int]] = []  # line, function, times repeated
    for line, func in frames:
        if folded and folded[-1][:2] == (line, func):
            folded[-1] = (line, func, folded[-1][2] + 1)
        else:
            folded.append((line, func, 1))
    out = ["Traceback (your code only):"]
    if len(folded) > MAX_FRAMES:
        out.append(f"  ... {len(folded) - MAX_FRAMES} earlier calls not shown")
        folded = folded[-MAX_FRAMES:]
    for line, func, times in folded:
        out.append(f"  line {line}, in {func}")
        if 0 < line <= len(source_lines) and source_lines[line - 1].strip():
            out.append(f"    {source_lines[line - 1].strip()}")
        if times > 1:
            out.append(f"  [the line above repeated {times - 1} more times]")
    out.append(_exc_line(exc))
    return "\n".join(out)


def _syntax_error(exc: BaseException, source_lines: list[str]) -> str:
    if not isinstance(exc, SyntaxError):
        return f"Your code could not be read: {_exc_line(exc)}"
    line = exc.lineno or 0
    text = f"{type(exc).__name__} on line {line}: {exc.msg}"
    if 0 < line <= len(source_lines):
        code = source_lines[line - 1].rstrip()
        text += f"\n    {code.strip()}"
        if exc.offset and exc.offset > 0:
            indent = len(code) - len(code.lstrip())
            caret = max(exc.offset - 1 - indent, 0)
            if caret <= len(code.strip()):
                text += "\n    " + " " * caret + "^"
    return text


# --- running ------------------------------------------------------------------------------


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
    call = _show_call(name, fn, args, kwargs)
    raises = case.get("raises")
    want = f"{raises} to be raised" if raises else _clip(_show(case["expected"], 4))
    try:
        got = fn(*call_args, **call_kwargs)
    except (Exception, SystemExit) as exc:
        raised = type(exc)
        if raises and any(k.__name__ == raises for k in raised.__mro__):
            return _result(case, True, "")
        return _result(case, False, f"{call} -> expected {want}, got {_exc_line(exc)}{_where(exc)}")
    if raises:
        return _result(case, False, f"{call} -> expected {want}, got {_clip(_show(got))}")
    expected = case["expected"]
    if not values_match(expected, got):
        e, g = _show_pair(expected, got)
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
        if not _unchanged(b, a):
            label = names[i] if i < len(names) else f"argument {i + 1}"
            changes.append(f"{label} changed to {_clip(_show(a))}")
    for key, b in b_kwargs.items():
        if not _unchanged(b, a_kwargs.get(key)):
            changes.append(f"{key} changed to {_clip(_show(a_kwargs.get(key)))}")
    return "; ".join(changes)


def _result(case: dict, ok: bool, message: str) -> dict[str, Any]:
    return {"name": case["name"], "ok": ok, "message": message}


def _run_extra(extra: Any, fn: Any) -> list[dict[str, Any]]:
    try:
        found = extra(fn)
    except (Exception, SystemExit) as exc:
        message = (
            "expected the property checks to run, got "
            f"{_exc_line(exc)}{_where(exc)} from your function"
            if _user_frames(exc)
            else f"expected the property checks to run, got {_exc_line(exc)}"
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
        return _report([], 0, f"Your code could not be checked: {_exc_line(exc)}")
    finally:
        random.setstate(random_state)
        sys.setrecursionlimit(recursion_limit)


def _run(user_code: str, checks_code: str) -> dict[str, Any]:
    try:
        checks = load_checks(checks_code)
    except Exception as exc:
        return _report([], 0, f"The checks of this exercise are broken: {_exc_line(exc)}")
    name = checks["FUNCTION"]
    cases = checks["CASES"]
    read_only = bool(checks.get("INPUTS_READ_ONLY", False))
    extra = checks.get("extra_checks")
    source_lines = user_code.splitlines()
    limit = sys.getrecursionlimit()  # restored after each step in case the code changes it

    try:
        code = compile(user_code, USER_FILE, "exec")
    except Exception as exc:  # SyntaxError, or ValueError for a null byte in 3.11
        return _report([], len(cases), _syntax_error(exc, source_lines))
    namespace: dict[str, Any] = {"__name__": "__solution__"}
    try:
        exec(code, namespace)
    except (Exception, SystemExit) as exc:
        message = "Your code raised an error while it was loading.\n"
        return _report([], len(cases), message + _short_traceback(exc, source_lines))
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
