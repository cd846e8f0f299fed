import random

FUNCTION = "top_k"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "the two best of four",
        "args": [[("a", 3), ("b", 5), ("c", 1), ("d", 4)], 2],
        "expected": [("b", 5), ("d", 4)],
    },
    {
        "name": "a tie for the last place goes to the smaller item",
        "args": [[("d", 5), ("c", 3), ("b", 3), ("a", 1)], 2],
        "expected": [("d", 5), ("b", 3)],
    },
]

CASES = [
    {
        "name": "ties are ordered by item",
        "args": [[("x", 1), ("b", 2), ("a", 2), ("c", 2)], 3],
        "expected": [("a", 2), ("b", 2), ("c", 2)],
    },
    {
        "name": "k larger than the input",
        "args": [[(3, 0.5), (1, 0.9), (2, 0.5)], 10],
        "expected": [(1, 0.9), (2, 0.5), (3, 0.5)],
    },
    {
        "name": "negative and float scores",
        "args": [[("p", -1.5), ("q", -0.5), ("r", -3.0)], 1],
        "expected": [("q", -0.5)],
    },
    {
        "name": "k = 0",
        "args": [[("a", 1)], 0],
        "expected": [],
    },
    {
        "name": "negative k",
        "args": [[("a", 1)], -2],
        "expected": [],
    },
    {
        "name": "empty input",
        "args": [[], 3],
        "expected": [],
    },
]


def extra_checks(fn):
    out = []
    pairs = [("e", 2), ("a", 9), ("c", 9), ("b", 1)]
    got = fn(((item, score) for item, score in pairs), 2)
    want = [("a", 9), ("c", 9)]
    ok = isinstance(got, list) and [tuple(p) for p in got] == want
    out.append(
        (
            "works on a generator, read once",
            ok,
            f"top_k(<generator over {pairs}>, 2) -> expected {want}, got {got!r}",
        )
    )

    rng = random.Random(43)
    bad = ""
    for _ in range(200):
        items = rng.sample(range(100), rng.randint(0, 15))
        pairs = [(item, rng.randint(0, 4)) for item in items]
        k = rng.randint(0, 8)
        want = sorted(pairs, key=lambda p: (-p[1], p[0]))[:k]
        got = fn(list(pairs), k)
        if not isinstance(got, list) or [tuple(p) for p in got] != want:
            bad = f"top_k({pairs}, {k}) -> expected {want}, got {got!r}"
            break
    out.append(("agrees with a full sort (200 random inputs with ties)", not bad, bad))
    return out


def complexity_input(n):
    """n pairs with scores drawn from n / 2 values (so ties happen), and k = n / 8."""
    rng = random.Random(n)
    return [[(i, rng.randrange(n // 2)) for i in range(n)], max(1, n // 8)]
