FUNCTION = "calibration_errors"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "six rows in four bins",
        "args": [[0, 0, 1, 1, 1, 0], [0.1, 0.15, 0.8, 0.85, 0.9, 0.7]],
        "expected": (0.23333333333333334, 0.7),
    },
    {
        "name": "one bin, three positives of four at 0.55",
        "args": [[1, 0, 1, 1], [0.55, 0.55, 0.55, 0.55], 5],
        "expected": (0.2, 0.2),
    },
]

CASES = [
    {
        "name": "bins are weighted by their rows, not averaged",
        "args": [[1] * 10, [0.95] * 9 + [0.05]],
        "expected": (0.14, 0.95),
    },
    {
        "name": "probabilities on every bin edge, 0.0 and 1.0 included",
        "args": [
            [0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1],
            [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
        ],
        "expected": (0.4090909090909091, 0.9),
    },
    {
        "name": "most rows in one bin, one far away",
        "args": [[1, 0, 1, 0, 1, 1, 0, 1], [0.62, 0.62, 0.64, 0.66, 0.61, 0.68, 0.12, 0.91]],
        "expected": (0.0475, 0.12),
    },
    {
        "name": "three bins",
        "args": [[0, 1, 1, 0, 1], [0.2, 0.34, 0.66, 0.67, 0.99], 3],
        "expected": (0.372, 0.5),
    },
    {
        "name": "perfectly confident and right",
        "args": [[1, 1, 0, 0], [1.0, 1.0, 0.0, 0.0]],
        "expected": (0.0, 0.0),
    },
    {
        "name": "a single bin is the gap of the means",
        "args": [[1, 0, 0], [0.2, 0.9, 0.5], 1],
        "expected": (0.2, 0.2),
    },
    {"name": "one row", "args": [[1], [0.3]], "expected": (0.7, 0.7)},
    {"name": "empty input", "args": [[], []], "raises": "ValueError"},
    {"name": "different lengths", "args": [[1, 0], [0.5]], "raises": "ValueError"},
    {"name": "a probability above 1", "args": [[1], [1.2]], "raises": "ValueError"},
    {"name": "a NaN probability", "args": [[0], [float("nan")]], "raises": "ValueError"},
    {"name": "a label of 2", "args": [[2], [0.5]], "raises": "ValueError"},
    {"name": "zero bins", "args": [[1], [0.5], 0], "raises": "ValueError"},
]
