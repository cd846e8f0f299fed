NAN = float("nan")

FUNCTION = "confusion_at_threshold"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "four rows at threshold 0.8",
        "args": [[1, 0, 1, 0], [0.9, 0.8, 0.8, 0.3], 0.8],
        "expected": {"tp": 2, "fp": 1, "tn": 1, "fn": 0},
    },
]

CASES = [
    {
        "name": "a score equal to the threshold is flagged",
        "args": [[1, 0], [0.5, 0.5], 0.5],
        "expected": {"tp": 1, "fp": 1, "tn": 0, "fn": 0},
    },
    {
        "name": "threshold above every score",
        "args": [[1, 0, 1], [0.2, 0.4, 0.6], 0.9],
        "expected": {"tp": 0, "fp": 0, "tn": 1, "fn": 2},
    },
    {
        "name": "threshold below every score",
        "args": [[1, 0, 1], [0.2, 0.4, 0.6], 0.0],
        "expected": {"tp": 2, "fp": 1, "tn": 0, "fn": 0},
    },
    {
        "name": "NaN scores are predicted negative",
        "args": [[1, 0, 1], [NAN, NAN, 0.7], 0.5],
        "expected": {"tp": 1, "fp": 0, "tn": 1, "fn": 1},
    },
    {
        "name": "all one class",
        "args": [[1, 1, 1, 1], [0.1, 0.5, 0.6, 0.9], 0.55],
        "expected": {"tp": 2, "fp": 0, "tn": 0, "fn": 2},
    },
    {
        "name": "integer scores and threshold",
        "args": [[0, 1, 1], [3, 7, 5], 5],
        "expected": {"tp": 2, "fp": 0, "tn": 1, "fn": 0},
    },
    {
        "name": "empty input",
        "args": [[], [], 0.5],
        "expected": {"tp": 0, "fp": 0, "tn": 0, "fn": 0},
    },
    {"name": "different lengths", "args": [[1, 0], [0.4], 0.5], "raises": "ValueError"},
    {"name": "a label of 2", "args": [[2, 0], [0.4, 0.1], 0.5], "raises": "ValueError"},
]
