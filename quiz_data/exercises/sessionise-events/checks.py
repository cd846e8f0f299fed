import random

FUNCTION = "sessionise"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "a break of more than 30 minutes",
        "args": [[("ann", 0), ("ann", 600), ("ann", 5000), ("ann", 5400)]],
        "expected": {"ann": [(0, 600, 2), (5000, 5400, 2)]},
    },
    {
        "name": "two users, events out of order",
        "args": [[("bob", 7200), ("ann", 100), ("bob", 0), ("ann", 50), ("bob", 1000)]],
        "expected": {"ann": [(50, 100, 2)], "bob": [(0, 1000, 2), (7200, 7200, 1)]},
    },
]

CASES = [
    {
        "name": "a long active session: the gap is from the previous event, not the start",
        "args": [[("u", t) for t in range(0, 7201, 1200)]],
        "expected": {"u": [(0, 7200, 7)]},
    },
    {
        "name": "a gap of exactly 30 minutes stays in the session",
        "args": [[("u", 0), ("u", 1800), ("u", 3601)]],
        "expected": {"u": [(0, 1800, 2), (3601, 3601, 1)]},
    },
    {
        "name": "repeated events each count",
        "args": [[("u", 10), ("u", 10), ("u", 10), ("u", 4000)]],
        "expected": {"u": [(10, 10, 3), (4000, 4000, 1)]},
    },
    {
        "name": "shuffled timestamps of one user",
        "args": [[("u", 9000), ("u", 100), ("u", 5000), ("u", 200), ("u", 5100), ("u", 8000)]],
        "expected": {"u": [(100, 200, 2), (5000, 5100, 2), (8000, 9000, 2)]},
    },
    {
        "name": "a one-minute gap",
        "args": [[("a", 0), ("a", 60), ("a", 121), ("b", 30)]],
        "kwargs": {"gap": 60},
        "expected": {"a": [(0, 60, 2), (121, 121, 1)], "b": [(30, 30, 1)]},
    },
    {
        "name": "gap 0: only events at the same second share a session",
        "args": [[("a", 5), ("a", 5), ("a", 6)]],
        "kwargs": {"gap": 0},
        "expected": {"a": [(5, 5, 2), (6, 6, 1)]},
    },
    {"name": "one event", "args": [[("solo", 42)]], "expected": {"solo": [(42, 42, 1)]}},
    {"name": "no events", "args": [[]], "expected": {}},
    {
        "name": "a negative gap",
        "args": [[("a", 1)]],
        "kwargs": {"gap": -1},
        "raises": "ValueError",
    },
]


def complexity_input(n):
    """n events of n / 8 users over one day, shuffled, with some repeated timestamps."""
    rng = random.Random(n)
    users = [f"user{i}" for i in range(max(1, n // 8))]
    events = [(rng.choice(users), rng.randrange(0, 86400, 300)) for _ in range(n)]
    return [events]
