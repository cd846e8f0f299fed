import random

FUNCTION = "best_f1_threshold"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "the best cut-off takes a tie group whole",
        "args": [[1, 0, 1, 0], [0.9, 0.8, 0.8, 0.3]],
        "expected": (0.8, 0.8),
    },
    {
        "name": "equal best F1 at two thresholds: the higher wins",
        "args": [[1, 0, 0, 1], [0.8, 0.6, 0.4, 0.2]],
        "expected": (0.8, 2 / 3),
    },
]

CASES = [
    {
        "name": "scores not sorted",
        "args": [[0, 1, 0, 1, 1], [0.1, 0.7, 0.4, 0.35, 0.9]],
        "expected": (0.35, 6 / 7),
    },
    {
        "name": "a tie group is never split",
        "args": [[1, 0, 0], [0.5, 0.5, 0.2]],
        "expected": (0.5, 2 / 3),
    },
    {
        "name": "all positive labels",
        "args": [[1, 1], [0.3, 0.9]],
        "expected": (0.3, 1.0),
    },
    {
        "name": "a single row",
        "args": [[1], [0.4]],
        "expected": (0.4, 1.0),
    },
    {
        "name": "all scores equal",
        "args": [[1, 0, 0, 0], [0.5, 0.5, 0.5, 0.5]],
        "expected": (0.5, 0.4),
    },
    {
        "name": "negative scores (logits)",
        "args": [[0, 1, 1, 0], [-2.0, 1.5, -0.5, 0.0]],
        "expected": (-0.5, 0.8),
    },
    {"name": "empty input", "args": [[], []], "raises": "ValueError"},
    {"name": "different lengths", "args": [[1, 0], [0.2]], "raises": "ValueError"},
    {"name": "no positive label", "args": [[0, 0], [0.1, 0.2]], "raises": "ValueError"},
]


def brute_force(y_true, y_score):
    best = None
    for t in sorted(set(y_score), reverse=True):
        tp = sum(1 for y, s in zip(y_true, y_score, strict=True) if s >= t and y == 1)
        fp = sum(1 for y, s in zip(y_true, y_score, strict=True) if s >= t and y == 0)
        fn = sum(1 for y, s in zip(y_true, y_score, strict=True) if s < t and y == 1)
        f1 = 2 * tp / (2 * tp + fp + fn)
        if best is None or f1 > best[1] + 1e-12:
            best = (t, f1)
    return best


BRUTE = "agrees with recounting at every threshold (300 random inputs)"


def extra_checks(fn):
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 12)
        y_true = [rng.randint(0, 1) for _ in range(n)]
        y_true[rng.randrange(n)] = 1
        y_score = [rng.choice([0.1, 0.2, 0.3, 0.5, 0.8]) for _ in range(n)]
        want = brute_force(y_true, y_score)
        got = fn(list(y_true), list(y_score))
        if not (
            isinstance(got, (tuple, list))
            and len(got) == 2
            and abs(got[0] - want[0]) < 1e-9
            and abs(got[1] - want[1]) < 1e-9
        ):
            message = f"best_f1_threshold({y_true}, {y_score}) -> expected {want}, got {got!r}"
            return [(BRUTE, False, message)]
    return [(BRUTE, True, "")]


def complexity_input(n):
    """n rows, about a third positive, scores from n / 2 values so that ties happen."""
    rng = random.Random(n)
    y_true = [1 if rng.random() < 0.3 else 0 for _ in range(n)]
    y_true[0] = 1
    return [y_true, [rng.randrange(n // 2) / n for _ in range(n)]]
