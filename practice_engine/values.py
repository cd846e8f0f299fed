"""Values as an exercise's checks see them: compared by the exercise rules, and shown in a
message short enough to read.

Values are compared recursively: floats with `math.isclose` (relative 1e-6, absolute
1e-9) and NaN equal to NaN, lists and tuples element by element (either kind matches the
other), dicts key by key; a bool is never a number. Standard library only.
"""

from __future__ import annotations

import inspect
import math
from typing import Any

REL_TOL = 1e-6
ABS_TOL = 1e-9
MAX_SHOWN = 300  # characters of one value shown in a message


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


def unchanged(before: Any, after: Any) -> bool:
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


def _float_text(x: float, digits: int | None) -> str:
    if digits is None or not math.isfinite(x) or x == 0 or abs(x) >= 1e16:
        return repr(x)
    # keep every digit before the decimal point: 1000000010.0 must not read as 1e+09
    digits = min(17, max(digits, int(math.log10(abs(x))) + 2))
    text = f"{x:.{digits}g}"
    if "e" not in text and "." not in text and "n" not in text:
        text += ".0"
    return text


def show(value: Any, digits: int | None = None, depth: int = 0) -> str:
    """A short, readable rendering; floats rounded to `digits` significant digits if given."""
    if depth > 20:
        return "..."
    if isinstance(value, float):
        return _float_text(value, digits)
    if isinstance(value, list):
        return "[" + ", ".join(show(v, digits, depth + 1) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(show(v, digits, depth + 1) for v in value)
        return "(" + inner + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        items = (
            f"{show(k, digits, depth + 1)}: {show(v, digits, depth + 1)}" for k, v in value.items()
        )
        return "{" + ", ".join(items) + "}"
    try:
        return repr(value)
    except Exception:
        return f"<{type(value).__name__} object>"


def clip(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def show_pair(expected: Any, got: Any) -> tuple[str, str]:
    """Expected and got, rounded for reading unless rounding would make them look equal."""
    e, g = show(expected, 4), show(got, 4)
    if e == g:
        e, g = show(expected), show(got)
    if e == g and type(expected) is not type(got):
        g = f"{g} (a {type(got).__name__}, not a {type(expected).__name__})"
    return clip(e), clip(g)


def show_call(name: str, fn: Any, args: list, kwargs: dict) -> str:
    """`name(p1=..., p2=...)`, naming the arguments after the reader's parameters."""
    parts: list[str] = []
    try:
        bound = inspect.signature(fn).bind(*args, **kwargs)
        params = inspect.signature(fn).parameters
        for pname, value in bound.arguments.items():
            kind = params[pname].kind
            if kind is inspect.Parameter.VAR_POSITIONAL:
                parts.extend(clip(show(v)) for v in value)
            elif kind is inspect.Parameter.VAR_KEYWORD:
                parts.extend(f"{k}={clip(show(v))}" for k, v in value.items())
            else:
                parts.append(f"{pname}={clip(show(value))}")
    except Exception:  # not introspectable, or the arguments do not fit the signature
        parts = [clip(show(v)) for v in args]
        parts += [f"{k}={clip(show(v))}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"
