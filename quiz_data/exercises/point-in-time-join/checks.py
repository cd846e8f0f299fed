import random

FUNCTION = "point_in_time_join"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "the latest earlier value, not the later one",
        "args": [[("u1", 100)], [("u1", 10, 0.5), ("u1", 50, 0.7), ("u1", 150, 0.9)]],
        "expected": [0.7],
    },
    {
        "name": "a feature at the label's own second is not used",
        "args": [[("u1", 50), ("u1", 51)], [("u1", 10, "old"), ("u1", 50, "same-second")]],
        "expected": ["old", "same-second"],
    },
]

CASES = [
    {
        "name": "several entities, both tables shuffled",
        "args": [
            [("b", 30), ("a", 30), ("a", 5), ("c", 100), ("b", 10)],
            [("a", 20, 1.0), ("b", 5, 2.0), ("a", 1, 3.0), ("b", 25, 4.0), ("a", 29, 5.0)],
        ],
        "expected": [4.0, 5.0, 3.0, None, 2.0],
    },
    {
        "name": "no feature strictly before the label",
        "args": [[("a", 5)], [("a", 5, 1), ("a", 9, 2)]],
        "expected": [None],
    },
    {
        "name": "equal feature timestamps: the last row wins",
        "args": [[("a", 100)], [("a", 40, "first"), ("a", 40, "correction"), ("a", 30, "older")]],
        "expected": ["correction"],
    },
    {
        "name": "repeated label rows each get a value",
        "args": [[("a", 10), ("a", 10), ("a", 20)], [("a", 15, 7), ("a", 0, 6)]],
        "expected": [6, 6, 7],
    },
    {
        "name": "future rows and other entities are ignored",
        "args": [[("x", 1000)], [("x", 2000, 9), ("x", 999, 8), ("y", 500, 1)]],
        "expected": [8],
    },
    {
        "name": "no feature rows at all",
        "args": [[("a", 1), ("b", 2)], []],
        "expected": [None, None],
    },
    {"name": "empty labels", "args": [[], [("a", 1, 0.5)]], "expected": []},
]


def complexity_input(n):
    """n / 2 labels and n / 2 feature rows over n / 16 entities, shuffled, with some
    repeated timestamps."""
    rng = random.Random(n)
    entities = [f"e{i}" for i in range(max(1, n // 16))]
    labels = [(rng.choice(entities), rng.randrange(1000)) for _ in range(n // 2)]
    features = [(rng.choice(entities), rng.randrange(1000), i) for i in range(n // 2)]
    return [labels, features]
