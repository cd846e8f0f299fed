import random

FUNCTION = "attention"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "two queries over three keys",
        "args": [
            [[1.0, 0.0], [0.0, 1.0]],
            [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
            [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]],
        ],
        "expected": [[3.0, 4.0], [3.4066725560787154, 4.406672556078716]],
    },
    {
        "name": "causal: each position sees itself and the past",
        "args": [[[1.0], [2.0], [-1.0]], [[1.0], [0.5], [2.0]], [[10.0], [20.0], [30.0]]],
        "kwargs": {"causal": True},
        "expected": [[10.0], [12.689414213699951], [17.904526918856373]],
    },
]
CASES = [
    {
        "name": "large scores must not overflow",
        "args": [[[100.0, 100.0]], [[100.0, 100.0], [90.0, 100.0]], [[1.0, 0.0], [0.0, 1.0]]],
        "expected": [[1.0, 8.080287516437115e-308]],
    },
    {
        "name": "very negative scores must not underflow to 0 / 0",
        "args": [[[30.0, 0.0]], [[-40.0, 0.0], [-40.5, 0.0]], [[2.0], [4.0]]],
        "expected": [[2.000049502900755]],
    },
    {
        "name": "equal scores average the values",
        "args": [
            [[0.0, 0.0], [1.0, -1.0]],
            [[3.0, 3.0], [1.0, 1.0], [-2.0, -2.0]],
            [[1.0, 0.0, 3.0], [2.0, 0.0, 6.0], [3.0, 3.0, 0.0]],
        ],
        "expected": [[2.0, 1.0, 3.0], [2.0, 1.0, 3.0]],
    },
    {
        "name": "one key: every query returns its value",
        "args": [[[5.0, -1.0], [0.2, 0.3]], [[1.0, 2.0]], [[7.0, -7.0]]],
        "expected": [[7.0, -7.0], [7.0, -7.0]],
    },
    {
        "name": "scaled by the square root of d",
        "args": [
            [[1.0, 1.0, 1.0, 1.0]],
            [[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]],
            [[1.0], [0.0]],
        ],
        "expected": [[0.8807970779778823]],
    },
    {
        "name": "a masked key with the highest score gets no weight",
        "args": [[[1.0, 0.0]], [[5.0, 0.0], [1.0, 0.0], [0.0, 0.0]], [[100.0], [1.0], [2.0]]],
        "kwargs": {"mask": [[False, True, True]]},
        "expected": [[1.3302384506733431]],
    },
    {
        "name": "a fully masked row returns zeros",
        "args": [[[1.0, 0.0], [0.0, 1.0]], [[1.0, 1.0], [2.0, 0.0]], [[1.0, 2.0], [3.0, 4.0]]],
        "kwargs": {"mask": [[False, False], [True, False]]},
        "expected": [[0.0, 0.0], [1.0, 2.0]],
    },
    {
        "name": "causal and a mask together",
        "args": [[[1.0], [1.0], [1.0]], [[1.0], [2.0], [3.0]], [[1.0], [2.0], [4.0]]],
        "kwargs": {
            "causal": True,
            "mask": [[True, True, True], [False, True, True], [True, False, True]],
        },
        "expected": [[1.0], [2.0], [3.6423912339336466]],
    },
    {
        "name": "no queries",
        "args": [[], [[1.0]], [[2.0]]],
        "expected": [],
    },
    {
        "name": "no keys",
        "args": [[[1.0]], [], []],
        "raises": "ValueError",
    },
    {
        "name": "K and V of different lengths",
        "args": [[[1.0]], [[1.0], [2.0]], [[1.0]]],
        "raises": "ValueError",
    },
    {
        "name": "query and key widths differ",
        "args": [[[1.0, 2.0]], [[1.0]], [[1.0]]],
        "raises": "ValueError",
    },
    {
        "name": "a mask of the wrong shape",
        "args": [[[1.0]], [[1.0], [2.0]], [[1.0], [2.0]]],
        "kwargs": {"mask": [[True]]},
        "raises": "ValueError",
    },
]


def extra_checks(fn):
    """With every value equal to 1, each output is the sum of its query's weights: 1 when
    any key is allowed, 0 when none is (50 random inputs with random masks)."""
    rng = random.Random(23)
    bad = ""
    for _ in range(50):
        n_q, n_k, d = rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 3)
        Q = [[rng.uniform(-50, 50) for _ in range(d)] for _ in range(n_q)]
        K = [[rng.uniform(-50, 50) for _ in range(d)] for _ in range(n_k)]
        V = [[1.0] for _ in range(n_k)]
        mask = [[rng.random() < 0.6 for _ in range(n_k)] for _ in range(n_q)]
        causal = rng.random() < 0.5
        call = f"attention({Q}, {K}, {V}, causal={causal}, mask={mask})"
        try:
            got = fn(Q, K, V, causal=causal, mask=mask)
            for i in range(n_q):
                seen = any(mask[i][j] and not (causal and j > i) for j in range(n_k))
                want = 1.0 if seen else 0.0
                if abs(got[i][0] - want) > 1e-9:
                    bad = f"{call}: row {i} should be {want}, got {got[i]!r}"
                    break
        except Exception as exc:
            bad = f"{call} raised {exc!r}"
        if bad:
            break
    return [
        ("weights sum to 1 on each query, 0 when all keys are masked (50 random)", not bad, bad)
    ]


def complexity_input(n):
    """n queries and n keys of width 4, values of width 2, no mask."""
    rng = random.Random(n)

    def rows(width):
        return [[rng.uniform(-3.0, 3.0) for _ in range(width)] for _ in range(n)]

    return [rows(4), rows(4), rows(2)]
