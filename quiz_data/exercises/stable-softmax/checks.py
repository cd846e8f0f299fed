import math
import random

INF = float("inf")

FUNCTION = "softmax"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "small logits",
        "args": [[1.0, 2.0, 3.0]],
        "expected": [0.09003057317038046, 0.24472847105479764, 0.6652409557748219],
    },
    {
        "name": "large logits do not overflow",
        "args": [[1000.0, 1001.0]],
        "expected": [0.2689414213699951, 0.7310585786300049],
    },
]

CASES = [
    {
        "name": "very negative logits do not underflow to 0/0",
        "args": [[-1000.0, -1000.0]],
        "expected": [0.5, 0.5],
    },
    {
        "name": "the largest floats",
        "args": [[1e308, 1e308]],
        "expected": [0.5, 0.5],
    },
    {
        "name": "a masked position (-inf)",
        "args": [[0.0, -INF, 0.0]],
        "expected": [0.5, 0.0, 0.5],
    },
    {
        "name": "a single logit",
        "args": [[42.0]],
        "expected": [1.0],
    },
    {
        "name": "integer logits",
        "args": [[0, 0, 0, 0]],
        "expected": [0.25, 0.25, 0.25, 0.25],
    },
    {
        "name": "empty input",
        "args": [[]],
        "expected": [],
    },
]


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


SHIFT = "adding a constant to every logit changes nothing (100 random inputs)"


def extra_checks(fn):
    rng = random.Random(5)
    for _ in range(100):
        logits = [rng.uniform(-50, 50) for _ in range(rng.randint(1, 8))]
        shift = rng.choice([-700.0, 700.0])
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        want = [e / sum(exps) for e in exps]
        shifted = [x + shift for x in logits]
        got = fn(list(shifted))
        if not (
            isinstance(got, list)
            and len(got) == len(want)
            and all(close(g, w) for g, w in zip(got, want, strict=True))
        ):
            return [(SHIFT, False, f"softmax({shifted}) -> expected {want}, got {got!r}")]
    return [(SHIFT, True, "")]
