import random

FUNCTION = "dedupe_events"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "a retry within the window is dropped",
        "args": [[("a", 0, "x"), ("a", 5, "y"), ("a", 12, "z"), ("b", 5, "w")], 10],
        "expected": [("a", 0, "x"), ("b", 5, "w"), ("a", 12, "z")],
    },
    {
        "name": "compare with the last kept event, not the last seen",
        "args": [[("a", 0, 1), ("a", 6, 2), ("a", 12, 3), ("a", 18, 4), ("a", 24, 5)], 10],
        "expected": [("a", 0, 1), ("a", 12, 3), ("a", 24, 5)],
    },
]

CASES = [
    {
        "name": "exactly `window` apart is a duplicate",
        "args": [[("a", 0, "x"), ("a", 10, "y")], 10],
        "expected": [("a", 0, "x")],
    },
    {
        "name": "window 0 removes exact-time duplicates only",
        "args": [[("a", 1, "p"), ("a", 1, "p"), ("a", 2, "p")], 0],
        "expected": [("a", 1, "p"), ("a", 2, "p")],
    },
    {
        "name": "equal timestamps: the first in input order wins",
        "args": [[("k", 3, "first"), ("k", 3, "second")], 0],
        "expected": [("k", 3, "first")],
    },
    {
        "name": "events out of order are processed by timestamp",
        "args": [[("a", 20, "late"), ("a", 15, "early"), ("b", 1, "b")], 10],
        "expected": [("b", 1, "b"), ("a", 15, "early")],
    },
    {
        "name": "tuple keys: different event types are different keys",
        "args": [[(("u1", "click"), 0, 1), (("u1", "view"), 1, 2), (("u1", "click"), 2, 3)], 5],
        "expected": [(("u1", "click"), 0, 1), (("u1", "view"), 1, 2)],
    },
    {
        "name": "empty input",
        "args": [[], 10],
        "expected": [],
    },
    {"name": "a negative window", "args": [[("a", 0, "x")], -1], "raises": "ValueError"},
]


def complexity_input(n):
    """n events of n / 4 keys at random times, in random order, and a window of 5."""
    rng = random.Random(n)
    return [[(f"k{rng.randrange(n // 4)}", rng.randrange(10 * n), i) for i in range(n)], 5]
