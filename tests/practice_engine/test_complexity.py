"""Growth measured by counting operations: the same counts on every run, the class named
right for linear, n log n and quadratic code, work hidden in C counted through the input's
values, a budget that stops a slow solution (even one that swallows every exception), and
bounds that are not bounds refused."""

from __future__ import annotations

import random
import sys

import pytest

from practice_engine.complexity import counted, growth_exponent, measure, require_spec
from practice_engine.errors import EngineError
from practice_engine.exercises import load_function

SPEC = require_spec({"target": "n log n", "sizes": [64, 128, 256, 512, 1024], "budget": 400_000})


def numbers(n: int) -> list:
    rng = random.Random(n)
    return [[rng.random() for _ in range(n)]]


def fn(code: str, name: str = "f"):
    function, error = load_function(code, name)
    assert error is None, error
    return function


LINEAR = (
    "def f(xs):\n    best = xs[0]\n    for x in xs:\n        if x > best:\n"
    "            best = x\n    return best\n"
)
SORTING = "def f(xs):\n    return sorted(xs)[len(xs) // 2]\n"
QUADRATIC = (
    "def f(xs):\n    count = 0\n    for a in xs:\n        for b in xs:\n"
    "            if a < b:\n                count += 1\n    return count\n"
)
HIDDEN_IN_C = (
    "def f(xs):\n    seen = []\n    for x in xs:\n        if x not in seen:\n"
    "            seen.append(x)\n    return len(seen)\n"
)


def test_counts_are_the_same_on_every_run() -> None:
    first = measure(fn(SORTING), numbers, SPEC)
    second = measure(fn(SORTING), numbers, SPEC)
    assert first["operations"] == second["operations"]
    assert first["operations"] == sorted(first["operations"])


@pytest.mark.parametrize(
    ("code", "grows", "ok"),
    [(LINEAR, "n", True), (SORTING, "n log n", True), (QUADRATIC, "n^2", False)],
)
def test_each_growth_is_named_and_judged_against_the_bound(code: str, grows: str, ok: bool) -> None:
    outcome = measure(fn(code), numbers, SPEC)
    assert outcome["grows_like"] == grows
    assert outcome["ok"] is ok
    if ok:
        assert outcome["message"].endswith("within the target, n log n.")
    else:
        assert f"grows like {grows}" in outcome["message"]
        assert outcome["message"].count("the target is n log n") == 1


def test_a_sort_inside_c_is_counted_through_the_values() -> None:
    """`sorted` is one line of the reader's code; its comparisons are still counted."""
    outcome = measure(fn(SORTING), numbers, SPEC)
    n = SPEC["sizes"][-1]
    assert outcome["operations"][-1] > n * 5  # n log2 n is about 10 n here


def test_a_scan_hidden_in_c_is_caught() -> None:
    """`x not in seen` is one line but a scan of the list: quadratic, and said so."""
    outcome = measure(fn(HIDDEN_IN_C), numbers, SPEC)
    assert not outcome["ok"] and outcome["grows_like"] == "n^2"


def test_arithmetic_on_the_input_keeps_counting() -> None:
    value = counted([1.5, 2, "a", True, None, (3,), {"k": 4}])
    assert type(value[0]).__name__ == "CountedFloat" and type(value[1]).__name__ == "CountedInt"
    assert type(value[2]).__name__ == "CountedStr" and value[3] is True and value[4] is None
    assert type(-value[0]).__name__ == "CountedFloat"
    assert type(value[1] * 3).__name__ == "CountedInt"
    assert value == [1.5, 2, "a", True, None, (3,), {"k": 4}]
    assert repr(value[0]) == "1.5" and hash(value[2]) == hash("a")


def test_the_budget_stops_a_slow_solution_and_fails_it() -> None:
    outcome = measure(fn(QUADRATIC), numbers, SPEC)
    assert outcome["stopped_at"] in SPEC["sizes"][1:]
    assert len(outcome["sizes"]) < len(SPEC["sizes"])
    assert "used more than 400,000 operations before n reached" in outcome["message"]


def test_swallowing_every_exception_does_not_escape_the_budget() -> None:
    code = (
        "def f(xs):\n    try:\n        return [a < b for a in xs for b in xs]\n"
        "    except BaseException:\n        return 0\n"
    )
    outcome = measure(fn(code), numbers, SPEC)
    assert not outcome["ok"] and outcome["stopped_at"] is not None


def test_an_exception_is_reported_with_the_size() -> None:
    code = "def f(xs):\n    if len(xs) > 100:\n        raise KeyError('big')\n    return 0\n"
    outcome = measure(fn(code), numbers, SPEC)
    assert not outcome["ok"] and outcome["error"].startswith("KeyError: 'big' (line 3, in f)")
    assert "on the input of size 128" in outcome["message"]


def test_the_tracer_in_place_before_is_put_back() -> None:
    before = sys.gettrace()
    measure(fn(LINEAR), numbers, SPEC)
    assert sys.gettrace() is before


def test_the_exponent_of_each_class() -> None:
    sizes = SPEC["sizes"]
    assert growth_exponent("n", sizes) == pytest.approx(1.0)
    assert growth_exponent("n^2", sizes) == pytest.approx(2.0)
    assert 1.1 < growth_exponent("n log n", sizes) < 1.25
    assert growth_exponent("1", sizes) == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ({"target": "n!", "sizes": [1, 2, 3]}, "target must be one of"),
        ({"target": "n", "sizes": [8, 4, 16]}, "increasing"),
        ({"target": "n", "sizes": [4, 8]}, "3 to 8"),
        ({"target": "n", "sizes": [4, 8, 16], "budget": 10}, "budget"),
        ({"target": "n", "sizes": [4, 8, 16], "extra": 1}, "must be an object"),
        ({"target": "n", "sizes": [4, 8, 16], "note": 3}, "note must be text"),
        ("n log n", "must be an object"),
    ],
)
def test_bad_bounds_are_refused(spec: object, words: str) -> None:
    with pytest.raises(EngineError, match=words):
        require_spec(spec)
