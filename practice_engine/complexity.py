"""How fast a reader's function grows, by counting its operations at growing input sizes.

Never by the clock: a busy machine, a slow phone and Pyodide would all change a time, but
not a count. The count of one call is

- every line of the reader's own code that runs (`sys.settrace`, only in frames compiled
  from the reader's code, so library frames cost nothing), plus
- every comparison, equality test and hash of the input's values: the input's numbers and
  strings are passed as subclasses of int, float and str that count those calls. This is
  what catches work hidden in C, such as `x in a_list` in a loop or a `sorted()` call, which
  are one line each.

The exercise's checks.py says what the input of size n is (`complexity_input(n)`), and its
exercise.yml the bound (`target`, one of vocab.GROWTH, and the sizes). The exponent b of
count ~ n^b is fitted by least squares on the log-log points; the solution meets the bound
when b is at most the bound's own exponent over the same sizes plus COMPLEXITY_TOLERANCE,
and the growth reported is the class whose exponent is nearest to b. Past a budget of
operations the run is stopped (a quadratic solution at large n would run for minutes) and
fails the bound: a solution that grows like the target stays far below it (a test holds
every exercise's solution to a quarter of it).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from typing import Any

from .errors import EngineError
from .tracebacks import USER_FILE, exc_line, location
from .vocab import (
    COMPLEXITY_BUDGET_RANGE,
    COMPLEXITY_DEFAULT_BUDGET,
    COMPLEXITY_SIZES_RANGE,
    COMPLEXITY_TOLERANCE,
    GROWTH,
)

SPEC_KEYS = frozenset({"target", "sizes", "budget", "note"})
MAX_SIZE = 1_000_000

__all__ = ["growth_exponent", "measure", "require_spec"]


class _OverBudget(BaseException):
    """Raised inside the reader's code when the budget is spent; a BaseException, so an
    `except Exception` in their code cannot swallow it."""


class _Meter:
    """The one running count; the counting types and the tracer add to it."""

    count = 0
    budget = 0
    over = False
    on = False  # off while inputs are built and outside a measured call

    @classmethod
    def tick(cls) -> None:
        if not cls.on:
            return
        cls.count += 1
        if cls.count > cls.budget:
            cls.over = True
            raise _OverBudget


COMPARISONS = ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__")
# Arithmetic on a counted number counts too, and gives a counted number, so values derived
# from the input (a sort key such as -score) are still counted when compared.
ARITHMETIC = (
    "__neg__",
    "__pos__",
    "__abs__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__truediv__",
    "__rtruediv__",
    "__floordiv__",
    "__rfloordiv__",
    "__mod__",
    "__rmod__",
)


def _counting(base: type) -> type:
    """A subclass of int, float or str whose comparisons and hash (and, for numbers,
    arithmetic) count one operation each."""

    def method(name: str, keep: bool) -> Any:
        original = getattr(base, name)

        def counted_method(self: Any, *args: Any) -> Any:
            _Meter.tick()
            out = original(self, *args)
            return COUNTED[type(out)](out) if keep and type(out) in COUNTED else out

        counted_method.__name__ = name
        return counted_method

    namespace: dict[str, Any] = {name: method(name, False) for name in COMPARISONS}
    if base is not str:
        namespace.update({name: method(name, True) for name in ARITHMETIC})
    namespace["__slots__"] = ()
    return type(f"Counted{base.__name__.title()}", (base,), namespace)


COUNTED: dict[type, type] = {}
COUNTED.update({int: _counting(int), float: _counting(float), str: _counting(str)})


def counted(value: Any) -> Any:
    """`value` with every int, float and str inside it (bools aside) made a counting one;
    lists, tuples and dicts are rebuilt, anything else is passed as it is."""
    kind = type(value)
    if kind in COUNTED:
        return COUNTED[kind](value)
    if kind is list:
        return [counted(v) for v in value]
    if kind is tuple:
        return tuple(counted(v) for v in value)
    if kind is dict:
        return {counted(k): counted(v) for k, v in value.items()}
    return value


def _line_tracer(frame: Any, event: str, arg: Any) -> Any:
    if event == "line":
        _Meter.tick()
    return _line_tracer


def _call_tracer(frame: Any, event: str, arg: Any) -> Any:
    """Trace only the reader's frames: a call into their code counts, and its lines do."""
    if frame.f_code.co_filename != USER_FILE:
        return None
    _Meter.tick()
    return _line_tracer


def require_spec(spec: Any) -> dict[str, Any]:
    """A complexity bound as exercise.yml declares it, checked; an EngineError otherwise."""
    if not isinstance(spec, dict) or not set(spec) <= SPEC_KEYS or "target" not in spec:
        raise EngineError("complexity must be an object with 'target', 'sizes' and 'budget'")
    if spec["target"] not in GROWTH:
        raise EngineError(f"complexity.target must be one of {', '.join(GROWTH)}")
    sizes = spec.get("sizes")
    low, high = COMPLEXITY_SIZES_RANGE
    if (
        not isinstance(sizes, list)
        or not low <= len(sizes) <= high
        or not all(type(n) is int and 2 <= n <= MAX_SIZE for n in sizes)
        or sizes != sorted(set(sizes))
    ):
        raise EngineError(
            f"complexity.sizes must be {low} to {high} increasing whole numbers from 2 "
            f"to {MAX_SIZE}"
        )
    budget = spec.get("budget", COMPLEXITY_DEFAULT_BUDGET)
    if (
        type(budget) is not int
        or not COMPLEXITY_BUDGET_RANGE[0] <= budget <= COMPLEXITY_BUDGET_RANGE[1]
    ):
        raise EngineError(
            "complexity.budget must be a whole number of operations from "
            f"{COMPLEXITY_BUDGET_RANGE[0]} to {COMPLEXITY_BUDGET_RANGE[1]}"
        )
    note = spec.get("note")
    if note is not None and not isinstance(note, str):
        raise EngineError("complexity.note must be text")
    return {"target": spec["target"], "sizes": sizes, "budget": budget, "note": note}


def _fit(sizes: Sequence[int], counts: Sequence[float]) -> float:
    """The least-squares slope of log(count) on log(n)."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(c, 1.0)) for c in counts]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def growth_exponent(growth: str, sizes: list[int]) -> float:
    """The exponent a perfect `growth` has over `sizes` (n log n: a little above 1)."""
    power, logs = GROWTH[growth]
    return _fit(sizes, [n**power * math.log(n) ** logs for n in sizes])


def nearest_growth(exponent: float, sizes: list[int]) -> str:
    return min(GROWTH, key=lambda g: abs(growth_exponent(g, sizes) - exponent))


def _count_call(fn: Any, args: list[Any]) -> tuple[int | None, BaseException | None]:
    """Operations of one call (None past the budget) and the exception it raised."""
    old = sys.gettrace()
    start = _Meter.count
    _Meter.on = True
    sys.settrace(_call_tracer)
    try:
        fn(*args)
    except _OverBudget:
        return None, None
    except (Exception, SystemExit) as exc:
        return _Meter.count - start, exc
    finally:
        sys.settrace(old)
        _Meter.on = False
    return (None, None) if _Meter.over else (_Meter.count - start, None)


def _outcome(spec: dict[str, Any], sizes: list[int], counts: list[int]) -> dict[str, Any]:
    target = spec["target"]
    exponent = _fit(sizes, counts) if len(sizes) >= 2 else math.inf
    limit = growth_exponent(target, spec["sizes"]) + COMPLEXITY_TOLERANCE
    measured = sizes and len(sizes) == len(spec["sizes"])
    grows = nearest_growth(exponent, sizes) if len(sizes) >= 2 else None
    ok = bool(measured) and exponent <= limit
    per_doubling = 2**exponent if math.isfinite(exponent) else None
    if not measured:
        stopped = spec["sizes"][len(sizes)]
        like = f"grows like {grows}" if grows else "grows too fast to measure"
        message = (
            f"Your solution {like}: it used more than {spec['budget']:,} operations "
            f"before n reached {stopped:,}; the target is {target}."
        )
    elif ok:
        message = (
            f"Your solution's operations grow about {per_doubling:.2f} times each time n "
            f"doubles (exponent {exponent:.2f}): within the target, {target}."
        )
    else:
        message = (
            f"Your solution grows like {grows} (its operations grow about "
            f"{per_doubling:.2f} times each time n doubles); the target is {target}."
        )
    if spec.get("note"):
        message += f" {spec['note']}"
    return {
        "ok": ok,
        "target": target,
        "grows_like": grows,
        "exponent": round(exponent, 3) if math.isfinite(exponent) else None,
        "limit": round(limit, 3),
        "sizes": sizes,
        "operations": counts,
        "stopped_at": None if measured else spec["sizes"][len(sizes)],
        "error": None,
        "message": message,
    }


def measure(fn: Any, make_input: Any, spec: dict[str, Any]) -> dict[str, Any]:
    """Count the operations of `fn` on `make_input(n)` for each size of the (checked)
    `spec`, smallest first, and judge the growth; see the module docstring. Never raises
    for what the reader's function does."""
    _Meter.count, _Meter.budget, _Meter.over = 0, spec["budget"], False
    sizes: list[int] = []
    counts: list[int] = []
    for n in spec["sizes"]:
        try:
            args = counted(list(make_input(n)))
        except Exception as exc:
            raise EngineError(f"complexity_input({n}) failed: {exc_line(exc)}") from None
        ops, raised = _count_call(fn, args)
        if raised is not None:
            return _failed(spec, n, f"{exc_line(raised)}{location(raised)}")
        if ops is None:
            break
        sizes.append(n)
        counts.append(ops)
    return _outcome(spec, sizes, counts)


def _failed(spec: dict[str, Any], n: int, error: str) -> dict[str, Any]:
    message = f"Your function raised {error} on the input of size {n:,} used to measure its growth."
    return {
        "ok": False,
        "target": spec["target"],
        "grows_like": None,
        "exponent": None,
        "limit": round(growth_exponent(spec["target"], spec["sizes"]) + COMPLEXITY_TOLERANCE, 3),
        "sizes": [],
        "operations": [],
        "stopped_at": n,
        "error": error,
        "message": message,
    }
