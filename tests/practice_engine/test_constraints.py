"""Forbidden names and modules, found on the syntax tree: every way of reaching for them that
the module promises to catch, once per line, with the reason; and rules that are not rules
refused with a message naming the rule."""

from __future__ import annotations

import pytest

from practice_engine.constraints import require_rules, violations
from practice_engine.errors import EngineError

RULES = require_rules(
    [
        {"name": "sorted", "why": "sorting everything costs n log n"},
        {"name": "heapq.nlargest", "why": "that is the whole exercise"},
        {"name": "list.sort", "why": "sorting in place costs n log n too"},
        {"module": "statistics", "why": "compute it yourself"},
    ]
)


def found(code: str) -> list[tuple[int, str]]:
    return [(v["line"], v["target"]) for v in violations(code, RULES)]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("x = sorted([3, 1])", [(1, "sorted")]),
        ("f = sorted\nf([1])", [(1, "sorted")]),
        ("import builtins\nbuiltins.sorted([1])", [(2, "sorted")]),
        ("getattr(__builtins__, 'sorted')", [(1, "sorted")]),
        ("from builtins import sorted as s", [(1, "sorted")]),
        ("import heapq\nheapq.nlargest(2, [1])", [(2, "heapq.nlargest")]),
        ("import heapq as h\nh.nlargest(2, [1])", [(2, "heapq.nlargest")]),
        ("from heapq import nlargest\nnlargest(2, [1])", [(1, "heapq.nlargest")]),
        ("xs = [2, 1]\nxs.sort()", [(2, "list.sort")]),
        ("import statistics", [(1, "statistics")]),
        ("import statistics as st", [(1, "statistics")]),
        ("from statistics import median", [(1, "statistics")]),
        ("__import__('statistics')", [(1, "statistics")]),
        ("import importlib\nimportlib.import_module('statistics')", [(2, "statistics")]),
        ("y = sorted(sorted([1]))", [(1, "sorted")]),  # once per line and rule
    ],
)
def test_each_way_of_using_a_forbidden_thing_is_found(code: str, expected: list) -> None:
    assert found(code) == expected


@pytest.mark.parametrize(
    "code",
    [
        "import heapq\nheapq.heappush([], 1)",
        "# sorted is not called here\nx = 'sorted'",
        "def f(xs):\n    return max(xs)",
        "import statisticsx",  # another module whose name starts the same
        "from heapq import heappop",
        "class A:\n    def nlargest(self):\n        return 1\nA().nlargest()",
    ],
)
def test_allowed_code_has_no_violation(code: str) -> None:
    assert found(code) == []


def test_the_message_says_what_and_why() -> None:
    (v,) = violations("import heapq\n\nheapq.nlargest(3, xs)\n", RULES)
    assert v["message"] == (
        "Line 3: `heapq.nlargest` is not allowed in this exercise: that is the whole exercise"
    )
    (m,) = violations("import statistics\n", RULES)
    assert m["message"].startswith("Line 1: the module `statistics` is not allowed")


def test_code_that_does_not_parse_has_no_violation() -> None:
    assert violations("def f(:\n    sorted()", RULES) == []
    assert violations("x = 1\0", RULES) == []


@pytest.mark.parametrize(
    ("rules", "words"),
    [
        ("sorted", "forbid must be a list"),
        ([{"name": "sorted"}], "forbid[0] must have 'why'"),
        ([{"name": "sorted", "module": "x", "why": "y"}], "exactly one of"),
        ([{"name": "not a name", "why": "y"}], "not a Python name"),
        ([{"name": "a.b.c", "why": "y"}], "at most one dot"),
        ([{"module": "m", "why": " "}], "forbid[0].why must be a sentence"),
        ([{"module": "m", "why": "y"}] * 21, "at most 20 rules"),
    ],
)
def test_bad_rules_are_refused_naming_the_rule(rules: object, words: str) -> None:
    with pytest.raises(EngineError, match=words.replace("[", r"\[").replace("]", r"\]")):
        require_rules(rules)


def test_no_rules_means_nothing_to_find() -> None:
    assert require_rules(None) == [] and require_rules([]) == []
    assert violations("sorted([1])", []) == []
