import random
from collections import Counter

FUNCTION = "sample_negatives"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "fewer candidates than k: all of them",
        "args": [{"u": [0, 2]}, 4, 5, 1],
        "expected": {"u": [1, 3]},
    },
    {
        "name": "a user who interacted with every item",
        "args": [{"u": [0, 1, 2], "v": [0]}, 3, 2, 0],
        "expected": {"u": [], "v": [1, 2]},
    },
]

CASES = [
    {
        "name": "repeated positives",
        "args": [{"u": [1, 1, 1]}, 3, 2, 0],
        "expected": {"u": [0, 2]},
    },
    {
        "name": "a user with no positives, k equal to the catalogue",
        "args": [{"w": []}, 3, 3, 9],
        "expected": {"w": [0, 1, 2]},
    },
    {
        "name": "k = 0",
        "args": [{"u": [1], "v": [2]}, 10, 0, 0],
        "expected": {"u": [], "v": []},
    },
    {
        "name": "no users",
        "args": [{}, 10, 3, 0],
        "expected": {},
    },
    {"name": "negative k", "args": [{"u": [1]}, 5, -1, 0], "raises": "ValueError"},
]

POSITIVES = {"ann": [3, 5, 7], "bob": [], "cy": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}


def call_problem(result, positives, n_items, k):
    if not isinstance(result, dict) or set(result) != set(positives):
        return f"expected a dict with one entry per user, got {result!r}"
    for user, items in result.items():
        allowed = set(range(n_items)) - set(positives[user])
        if not isinstance(items, list) or items != sorted(items):
            return f"expected a sorted list for {user!r}, got {items!r}"
        if len(set(items)) != len(items):
            return f"expected distinct items for {user!r}, got {items!r}"
        if not set(items) <= allowed:
            return f"expected no positives or unknown items for {user!r}, got {items!r}"
        if len(items) != min(k, len(allowed)):
            return f"expected {min(k, len(allowed))} items for {user!r}, got {items!r}"
    return ""


def extra_checks(fn):
    out = []
    call = f"sample_negatives({POSITIVES}, 40, 6, seed)"

    state = random.getstate()
    first = fn({u: list(v) for u, v in POSITIVES.items()}, 40, 6, 123)
    untouched = random.getstate() == state
    issue = call_problem(first, POSITIVES, 40, 6)
    valid = "valid samples: distinct, sorted, no positives, k each"
    out.append((valid, not issue, f"{call} with seed=123 -> {issue}"))
    out.append(
        (
            "the global random state is untouched",
            untouched,
            f"{call} -> expected random.getstate() unchanged, got it changed "
            "(use random.Random(seed), not random.seed)",
        )
    )

    again = fn({u: list(v) for u, v in POSITIVES.items()}, 40, 6, 123)
    out.append(
        (
            "the same seed gives the same sample",
            again == first,
            f"{call} with seed=123 twice -> expected equal results, got {first!r} and {again!r}",
        )
    )

    samples = [fn({"u": list(POSITIVES["ann"])}, 40, 6, seed)["u"] for seed in range(5)]
    varied = len({tuple(s) for s in samples}) > 1
    out.append(
        (
            "different seeds give different samples",
            varied,
            f"sample_negatives({{'u': [3, 5, 7]}}, 40, 6, seed) for seeds 0-4 -> "
            f"expected different samples, got {samples[0]!r} every time",
        )
    )

    counts = Counter()
    for seed in range(2000):
        counts.update(fn({"u": [0, 1]}, 10, 2, seed)["u"])
    spread = [counts[item] for item in range(2, 10)]
    even = all(400 <= c <= 600 for c in spread)
    out.append(
        (
            "every candidate is about equally likely",
            even,
            "sample_negatives({'u': [0, 1]}, 10, 2, seed) for 2000 seeds -> expected items "
            f"2-9 picked about 500 times each, got {spread}",
        )
    )
    return out
