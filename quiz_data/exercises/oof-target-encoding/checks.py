import random

FUNCTION = "oof_target_encode"
INPUTS_READ_ONLY = True

CATS = ["a", "a", "b", "b", "a", "c"]
YS = [1, 0, 1, 1, 1, 0]
FOLDS = [0, 1, 0, 1, 0, 1]

EXAMPLES = [
    {
        "name": "two folds, smoothing 1",
        "args": [CATS, YS, FOLDS, 1],
        "expected": [1 / 6, 1.0, 2 / 3, 1.0, 1 / 6, 1.0],
    },
]

CASES = [
    {
        "name": "no smoothing: plain out-of-fold means",
        "args": [CATS, YS, FOLDS, 0],
        "expected": [0.0, 1.0, 1.0, 1.0, 0.0, 1.0],
    },
    {
        "name": "heavy smoothing pulls every row to its fold's prior",
        "args": [CATS, YS, FOLDS, 1e9],
        "expected": [1 / 3, 1.0, 1 / 3, 1.0, 1 / 3, 1.0],
    },
    {
        "name": "three folds, a category seen only in its own fold",
        "args": [["x", "y", "x", "z", "y", "x"], [1, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], 2],
        "expected": [
            (1 + 2 * 0.75) / (2 + 2),  # fold 0 sees rows 2-5: prior 0.75, x twice, sum 1
            (1 + 2 * 0.75) / (1 + 2),
            (2 + 2 * 0.75) / (2 + 2),  # fold 1 sees rows 0, 1, 4, 5: prior 0.75
            0.75,  # "z" appears only in fold 1: unseen, so the prior
            (0 + 2 * 0.5) / (1 + 2),  # fold 2 sees rows 0-3: prior 0.5
            (1 + 2 * 0.5) / (2 + 2),
        ],
    },
    {
        "name": "real-valued targets",
        "args": [["p", "p", "q"], [2.0, 4.0, 10.0], [0, 1, 1], 0],
        "expected": [4.0, 2.0, 2.0],
    },
    {
        "name": "empty input",
        "args": [[], [], [], 1],
        "expected": [],
    },
    {"name": "a single fold", "args": [["a", "b"], [1, 0], [0, 0], 1], "raises": "ValueError"},
    {"name": "negative smoothing", "args": [CATS, YS, FOLDS, -1], "raises": "ValueError"},
    {"name": "different lengths", "args": [["a"], [1, 0], [0, 1], 1], "raises": "ValueError"},
]

NAME = "a row's own target never changes its encoding (100 random inputs)"


def extra_checks(fn):
    rng = random.Random(37)
    for _ in range(100):
        n = rng.randint(2, 12)
        cats = [rng.choice("abc") for _ in range(n)]
        ys = [rng.randint(0, 1) for _ in range(n)]
        folds = [i % 3 for i in range(n)]
        i = rng.randrange(n)
        flipped = list(ys)
        flipped[i] = 1 - flipped[i]
        before = fn(cats, ys, folds, 1.0)[i]
        after = fn(cats, flipped, folds, 1.0)[i]
        if abs(before - after) > 1e-9:
            message = (
                f"oof_target_encode({cats}, targets, {folds}, 1.0): flipping row {i}'s target "
                f"({ys} -> {flipped}) changed its encoding: expected {before}, got {after}"
            )
            return [(NAME, False, message)]
    return [(NAME, True, "")]


def complexity_input(n):
    """n rows of n / 10 categories in 5 folds, smoothing 10."""
    rng = random.Random(n)
    cats = [f"c{rng.randrange(max(1, n // 10))}" for _ in range(n)]
    return [cats, [rng.randint(0, 1) for _ in range(n)], [i % 5 for i in range(n)], 10]
