import random

FUNCTION = "average_precision"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "two positives among four rows",
        "args": [[1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]],
        "expected": 0.5 * 1 + 0.5 * 2 / 3,
    },
    {
        "name": "a tie between a positive and a negative is one threshold",
        "args": [[1, 0], [0.5, 0.5]],
        "expected": 0.5,
    },
]

CASES = [
    {
        "name": "scores not sorted",
        "args": [[0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]],
        "expected": 0.5 * 1 + 0.5 * 2 / 3,
    },
    {
        "name": "a tie group inside the ranking",
        "args": [[1, 1, 0, 0], [0.9, 0.6, 0.6, 0.1]],
        "expected": 0.5 * 1 + 0.5 * 2 / 3,
    },
    {
        "name": "perfect ranking",
        "args": [[1, 1, 0, 0], [0.9, 0.8, 0.2, 0.1]],
        "expected": 1.0,
    },
    {
        "name": "the only positive ranked last",
        "args": [[0, 0, 1], [0.9, 0.8, 0.1]],
        "expected": 1 / 3,
    },
    {
        "name": "all positive labels",
        "args": [[1, 1, 1], [0.2, 0.5, 0.1]],
        "expected": 1.0,
    },
    {
        "name": "all scores tied",
        "args": [[0, 1, 0, 0], [0.3, 0.3, 0.3, 0.3]],
        "expected": 0.25,
    },
    {"name": "empty input", "args": [[], []], "raises": "ValueError"},
    {"name": "no positive label", "args": [[0, 0], [0.4, 0.6]], "raises": "ValueError"},
    {"name": "different lengths", "args": [[1, 0], [0.4]], "raises": "ValueError"},
]


def by_thresholds(y_true, y_score):
    n_pos = sum(y_true)
    ap, previous_recall = 0.0, 0.0
    for t in sorted(set(y_score), reverse=True):
        chosen = [y for y, s in zip(y_true, y_score, strict=True) if s >= t]
        recall = sum(chosen) / n_pos
        ap += (recall - previous_recall) * sum(chosen) / len(chosen)
        previous_recall = recall
    return ap


BRUTE = "agrees with recounting at every threshold (300 random inputs with ties)"


def extra_checks(fn):
    rng = random.Random(3)
    for _ in range(300):
        n = rng.randint(1, 12)
        y_true = [rng.randint(0, 1) for _ in range(n)]
        y_true[rng.randrange(n)] = 1
        y_score = [rng.choice([0.05, 0.2, 0.5, 0.9]) for _ in range(n)]
        want = by_thresholds(y_true, y_score)
        got = fn(list(y_true), list(y_score))
        if not isinstance(got, (int, float)) or abs(got - want) > 1e-9:
            message = f"average_precision({y_true}, {y_score}) -> expected {want}, got {got!r}"
            return [(BRUTE, False, message)]
    return [(BRUTE, True, "")]


def complexity_input(n):
    """n rows, about a fifth positive, scores from n / 2 values so that ties happen."""
    rng = random.Random(n)
    y_true = [1 if rng.random() < 0.2 else 0 for _ in range(n)]
    y_true[0] = 1
    return [y_true, [rng.randrange(n // 2) / n for _ in range(n)]]
