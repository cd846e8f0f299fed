import random
from datetime import UTC, datetime

FUNCTION = "daily_active_users"
INPUTS_READ_ONLY = True


def ts(text):
    """Unix seconds of a UTC time written as "YYYY-MM-DD HH:MM:SS"."""
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp())


EXAMPLES = [
    {
        "name": "two users on one day",
        "args": [[("a", 1709251200), ("a", 1709254800), ("b", 1709337599)]],
        "expected": {"2024-03-01": 2},
    },
]

CASES = [
    {
        "name": "a user counts once per day, on every day they are active",
        "args": [
            [
                ("a", ts("2024-03-01 09:00:00")),
                ("b", ts("2024-03-01 10:00:00")),
                ("a", ts("2024-03-01 11:00:00")),
                ("a", ts("2024-03-02 08:00:00")),
            ]
        ],
        "expected": {"2024-03-01": 2, "2024-03-02": 1},
    },
    {
        "name": "midnight starts a new day",
        "args": [[("a", ts("2024-03-01 23:59:59")), ("a", ts("2024-03-02 00:00:00"))]],
        "expected": {"2024-03-01": 1, "2024-03-02": 1},
    },
    {
        "name": "year end and a leap day",
        "args": [
            [
                ("a", ts("2023-12-31 23:30:00")),
                ("b", ts("2024-01-01 00:30:00")),
                ("c", ts("2024-02-29 12:00:00")),
            ]
        ],
        "expected": {"2023-12-31": 1, "2024-01-01": 1, "2024-02-29": 1},
    },
    {
        "name": "exact duplicate events",
        "args": [[("a", 1709251200), ("a", 1709251200), ("a", 1709251200)]],
        "expected": {"2024-03-01": 1},
    },
    {
        "name": "events with no user id are ignored",
        "args": [[(None, ts("2024-03-01 10:00:00")), (None, ts("2024-03-02 10:00:00"))]],
        "expected": {},
    },
    {
        "name": "float timestamps and unsorted events",
        "args": [[(7, 1709337599.999), (8, 1709337600.5), (7, 1709251200.25)]],
        "expected": {"2024-03-01": 1, "2024-03-02": 1},
    },
    {
        "name": "empty log",
        "args": [[]],
        "expected": {},
    },
]


def complexity_input(n):
    """n events of n / 2 users over three days, in random order."""
    rng = random.Random(n)
    start = 1709251200  # 2024-03-01 00:00:00 UTC
    return [[(f"u{rng.randrange(n // 2)}", start + rng.randrange(3 * 86400)) for _ in range(n)]]
