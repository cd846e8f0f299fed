import math
import random
import statistics

NAN = float("nan")

FUNCTION = "running_stats"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "eight values",
        "args": [[2, 4, 4, 4, 5, 5, 7, 9]],
        "expected": (8, 5.0, 32 / 7),
    },
    {
        "name": "large values close together (catastrophic cancellation)",
        "args": [[1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]],
        "expected": (4, 1e9 + 10, 30.0),
    },
]

CASES = [
    {
        "name": "a tiny spread around a large offset",
        "args": [[1e8 + 0.5, 1e8 + 1.5, 1e8 + 2.5]],
        "expected": (3, 1e8 + 1.5, 1.0),
    },
    {
        "name": "a constant stream has variance 0",
        "args": [[0.1] * 10],
        "expected": (10, 0.1, 0.0),
    },
    {
        "name": "negative values",
        "args": [[-3, -1, 1, 3]],
        "expected": (4, 0.0, 20 / 3),
    },
    {
        "name": "one value: the sample variance is undefined",
        "args": [[3.5]],
        "expected": (1, 3.5, NAN),
    },
    {
        "name": "an empty stream",
        "args": [[]],
        "expected": (0, NAN, NAN),
    },
]


def close(a, b):
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def extra_checks(fn):
    out = []
    data = [1.5, 2.5, 10.0, -4.0]
    got = fn(x for x in data)
    want = (4, statistics.mean(data), statistics.variance(data))
    ok = isinstance(got, (tuple, list)) and len(got) == 3 and all(map(close, want, got))
    out.append(
        (
            "works on a generator, read once",
            ok,
            f"running_stats(x for x in {data}) -> expected {want}, got {got!r}",
        )
    )

    rng = random.Random(41)
    bad = ""
    for _ in range(50):
        data = [rng.gauss(1e6, 3.0) for _ in range(rng.randint(2, 30))]
        got = fn(iter(data))
        want = (len(data), statistics.fmean(data), statistics.variance(data))
        if not (isinstance(got, (tuple, list)) and len(got) == 3 and all(map(close, want, got))):
            bad = f"running_stats({data}) -> expected {want}, got {got!r}"
            break
    out.append(("agrees with the statistics module (50 random streams)", not bad, bad))
    return out
