import random

FUNCTION = "roc_auc"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "one pair ordered the wrong way",
        "args": [[0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]],
        "expected": 0.75,
    },
    {
        "name": "a positive tied with a negative",
        "args": [[1, 1, 0], [0.6, 0.4, 0.4]],
        "expected": 0.75,
    },
]

CASES = [
    {
        "name": "perfect ranking",
        "args": [[0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]],
        "expected": 1.0,
    },
    {
        "name": "reversed ranking",
        "args": [[1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]],
        "expected": 0.0,
    },
    {
        "name": "all scores tied",
        "args": [[0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]],
        "expected": 0.5,
    },
    {
        "name": "ties across classes count one half",
        "args": [[1, 0, 1, 0, 1], [0.8, 0.8, 0.5, 0.3, 0.3]],
        "expected": 0.5,
    },
    {
        "name": "negative scores (logits)",
        "args": [[0, 1], [-3.0, -1.0]],
        "expected": 1.0,
    },
    {
        "name": "rows in no particular order",
        "args": [[1, 0, 0, 1, 0, 1], [0.9, 0.3, 0.95, 0.6, 0.1, 0.6]],
        "expected": 6 / 9,
    },
    {"name": "empty input", "args": [[], []], "raises": "ValueError"},
    {"name": "only positives", "args": [[1, 1], [0.2, 0.3]], "raises": "ValueError"},
    {"name": "only negatives", "args": [[0, 0, 0], [0.2, 0.3, 0.1]], "raises": "ValueError"},
    {"name": "different lengths", "args": [[1, 0], [0.2]], "raises": "ValueError"},
]


def pairwise(y_true, y_score):
    pos = [s for y, s in zip(y_true, y_score, strict=True) if y == 1]
    neg = [s for y, s in zip(y_true, y_score, strict=True) if y == 0]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


BRUTE = "agrees with counting every pair (300 random inputs with ties)"


def extra_checks(fn):
    rng = random.Random(11)
    for _ in range(300):
        n = rng.randint(2, 12)
        y_true = [rng.randint(0, 1) for _ in range(n)]
        y_true[0], y_true[1] = 0, 1
        y_score = [rng.choice([0.1, 0.2, 0.4, 0.7]) for _ in range(n)]
        want = pairwise(y_true, y_score)
        got = fn(list(y_true), list(y_score))
        if not isinstance(got, (int, float)) or abs(got - want) > 1e-9:
            message = f"roc_auc({y_true}, {y_score}) -> expected {want}, got {got!r}"
            return [(BRUTE, False, message)]
    return [(BRUTE, True, "")]


def complexity_input(n):
    """n rows, about a third positive, scores from n / 4 values so that ties happen."""
    rng = random.Random(n)
    y_true = [1 if rng.random() < 0.3 else 0 for _ in range(n)]
    y_true[0], y_true[1] = 0, 1
    return [y_true, [rng.randrange(n // 4) / n for _ in range(n)]]
