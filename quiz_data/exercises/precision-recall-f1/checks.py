FUNCTION = "precision_recall_f1"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "one of each kind of outcome",
        "args": [[1, 0, 1], [1, 1, 0]],
        "expected": (0.5, 0.5, 0.5),
    },
    {"name": "empty input", "args": [[], []], "raises": "ValueError"},
]

CASES = [
    {
        "name": "perfect predictions",
        "args": [[1, 0, 1, 0], [1, 0, 1, 0]],
        "expected": (1.0, 1.0, 1.0),
    },
    {
        "name": "every prediction wrong",
        "args": [[1, 0], [0, 1]],
        "expected": (0.0, 0.0, 0.0),
    },
    {
        "name": "precision and recall differ",
        "args": [[1, 1, 1, 0, 0], [1, 0, 0, 1, 0]],
        "expected": (0.5, 1 / 3, 0.4),
    },
    {
        "name": "over-predicting: high recall, low precision",
        "args": [[1, 0, 0, 0], [1, 1, 1, 0]],
        "expected": (1 / 3, 1.0, 0.5),
    },
    {
        "name": "nothing predicted positive (precision 0/0 is 0.0)",
        "args": [[1, 1, 0], [0, 0, 0]],
        "expected": (0.0, 0.0, 0.0),
    },
    {
        "name": "no actual positives (recall 0/0 is 0.0)",
        "args": [[0, 0], [1, 0]],
        "expected": (0.0, 0.0, 0.0),
    },
    {
        "name": "all one class, all negative",
        "args": [[0, 0, 0], [0, 0, 0]],
        "expected": (0.0, 0.0, 0.0),
    },
    {
        "name": "all one class, all positive",
        "args": [[1, 1], [1, 1]],
        "expected": (1.0, 1.0, 1.0),
    },
    {"name": "different lengths", "args": [[1, 0, 1], [1, 0]], "raises": "ValueError"},
    {"name": "a label of 2", "args": [[1, 2], [1, 0]], "raises": "ValueError"},
    {"name": "a prediction of -1", "args": [[1, 0], [1, -1]], "raises": "ValueError"},
]
