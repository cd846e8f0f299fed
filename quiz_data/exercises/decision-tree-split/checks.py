import random
from collections import Counter
from itertools import pairwise

FUNCTION = "best_split"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "a clean split",
        "args": [[1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"]],
        "expected": (2.5, 0.5),
    },
    {
        "name": "equal values stay on one side",
        "args": [[1.0, 1.0, 2.0, 2.0, 3.0], ["a", "b", "a", "a", "b"]],
        "expected": (2.5, 0.17999999999999994),
    },
]
CASES = [
    {
        "name": "the input need not be sorted",
        "args": [[4.0, 1.0, 3.0, 2.0], ["b", "a", "b", "a"]],
        "expected": (2.5, 0.5),
    },
    {
        "name": "equal gains: the smallest threshold wins",
        "args": [[1.0, 2.0, 3.0, 4.0], ["a", "b", "b", "a"]],
        "expected": (1.5, 0.16666666666666669),
    },
    {
        "name": "one label everywhere: gain 0 at the smallest threshold",
        "args": [[3.0, 1.0, 2.0], ["x", "x", "x"]],
        "expected": (1.5, 0.0),
    },
    {
        "name": "three classes",
        "args": [[0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5], ["a", "a", "b", "b", "b", "c", "c"]],
        "expected": (2.0, 0.3102040816326531),
    },
    {
        "name": "negative values and integer labels",
        "args": [[-2.5, -1.0, 0.0, 0.0, 1.5, -3.0], [0, 1, 1, 0, 1, 0]],
        "expected": (-1.75, 0.25),
    },
    {
        "name": "a cut between repeated values",
        "args": [[5, 5, 5, 7, 7, 9], ["p", "p", "q", "q", "q", "q"]],
        "expected": (6.0, 0.2222222222222222),
    },
    {
        "name": "all values equal: no split",
        "args": [[2.0, 2.0, 2.0], ["a", "b", "a"]],
        "expected": (None, 0.0),
    },
    {
        "name": "one value: no split",
        "args": [[1.0], ["a"]],
        "expected": (None, 0.0),
    },
    {
        "name": "empty input: no split",
        "args": [[], []],
        "expected": (None, 0.0),
    },
    {
        "name": "lengths differ",
        "args": [[1.0, 2.0], ["a"]],
        "raises": "ValueError",
    },
]


def _brute(values, labels):
    """Every candidate threshold, each with its rows recounted from scratch."""

    def gini(group):
        return 1 - sum((c / len(group)) ** 2 for c in Counter(group).values())

    distinct = sorted(set(values))
    if len(distinct) < 2:
        return None, 0.0
    best = None
    for a, b in pairwise(distinct):
        t = (a + b) / 2
        left = [lab for v, lab in zip(values, labels, strict=True) if v <= t]
        right = [lab for v, lab in zip(values, labels, strict=True) if v > t]
        n = len(values)
        gain = gini(labels) - len(left) / n * gini(left) - len(right) / n * gini(right)
        if best is None or gain > best[1] + 1e-12:
            best = (t, gain)
    return best


def extra_checks(fn):
    rng = random.Random(7)
    bad = ""
    for _ in range(200):
        n = rng.randint(0, 12)
        values = [float(rng.randint(0, 5)) for _ in range(n)]
        labels = [rng.choice("abc") for _ in range(n)]
        want = _brute(values, labels)
        got = fn(list(values), list(labels))
        ok = (
            isinstance(got, (tuple, list))
            and len(got) == 2
            and got[0] == want[0]
            and abs(got[1] - want[1]) <= 1e-9
        )
        if not ok:
            bad = f"best_split({values}, {labels}) -> expected {want}, got {got!r}"
            break
    return [("agrees with recounting every threshold (200 random inputs)", not bad, bad)]


def complexity_input(n):
    """n rows whose values repeat (n / 2 possible values) over three classes."""
    rng = random.Random(n)
    values = [float(rng.randrange(n // 2)) for _ in range(n)]
    labels = [rng.choice(["a", "b", "c"]) for _ in range(n)]
    return [values, labels]
