FUNCTION = "day_n_retention"
INPUTS_READ_ONLY = True

LOG = [
    ("a", "2024-01-01"),
    ("a", "2024-01-02"),
    ("b", "2024-01-01"),
    ("b", "2024-01-03"),
    ("c", "2024-01-02"),
    ("c", "2024-01-03"),
]

EXAMPLES = [
    {
        "name": "day-1 retention of two cohorts",
        "args": [LOG, 1],
        "expected": {"2024-01-01": 0.5, "2024-01-02": 1.0},
    },
    {
        "name": "cohorts too young to measure are left out",
        "args": [LOG, 2],
        "expected": {"2024-01-01": 0.5},
    },
]

CASES = [
    {
        "name": "day 0 is always 1.0",
        "args": [LOG, 0],
        "expected": {"2024-01-01": 1.0, "2024-01-02": 1.0},
    },
    {
        "name": "no cohort old enough",
        "args": [LOG, 5],
        "expected": {},
    },
    {
        "name": "active on day N + 1 but not on day N does not count",
        "args": [[("p", "2024-01-01"), ("p", "2024-01-03"), ("q", "2024-01-02")], 1],
        "expected": {"2024-01-01": 0.0, "2024-01-02": 0.0},
    },
    {
        "name": "the cohort is the earliest day even when it is listed last",
        "args": [[("d", "2024-01-05"), ("d", "2024-01-04"), ("d", "2024-01-03")], 2],
        "expected": {"2024-01-03": 1.0},
    },
    {
        "name": "day arithmetic across a month end",
        "args": [[("x", "2024-01-31"), ("x", "2024-02-01")], 1],
        "expected": {"2024-01-31": 1.0},
    },
    {
        "name": "repeated events change nothing",
        "args": [LOG + LOG + [("a", "2024-01-02")], 1],
        "expected": {"2024-01-01": 0.5, "2024-01-02": 1.0},
    },
    {
        "name": "empty log",
        "args": [[], 7],
        "expected": {},
    },
    {"name": "a negative n", "args": [LOG, -1], "raises": "ValueError"},
]
