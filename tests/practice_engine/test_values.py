"""Values compared by the exercise rules: floats with a tolerance, NaN equal to NaN, lists
and tuples alike, dicts key by key, and a bool never a number."""

from __future__ import annotations

import pytest

from practice_engine.values import values_match


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [
        (0.1 + 0.2, 0.3, True),
        (1.0, 1.0 + 1e-7, True),
        (1.0, 1.0 + 1e-5, False),
        (0.0, 1e-10, True),
        (0.0, 1e-8, False),
        (float("nan"), float("nan"), True),
        (float("nan"), 0.0, False),
        (float("inf"), float("inf"), True),
        (2, 2.0, True),
        (3, 4, False),
        (1, True, False),
        (True, True, True),
        ((0.5, [1, 2]), [0.5, (1, 2)], True),
        ([1, 2], [1, 2, 3], False),
        ({"a": 1.0, "b": [float("nan")]}, {"b": [float("nan")], "a": 1}, True),
        ({"a": 1}, {"a": 1, "b": 2}, False),
        (None, 0, False),
        (None, None, True),
        ("0.5", 0.5, False),
        ([], (), True),
        ({1, 2}, {2, 1}, True),
    ],
)
def test_values_match(expected, got, same) -> None:
    assert values_match(expected, got) is same
