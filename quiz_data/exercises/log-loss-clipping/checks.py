import math

FUNCTION = "log_loss"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "two rows",
        "args": [[1, 0], [0.8, 0.3]],
        "expected": -(math.log(0.8) + math.log(0.7)) / 2,
    },
    {
        "name": "a confident miss is clipped, not infinite",
        "args": [[1], [0.0]],
        "expected": -math.log(1e-15),
    },
]

CASES = [
    {
        "name": "always 0.5 gives ln 2",
        "args": [[1, 0, 0, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.5]],
        "expected": math.log(2),
    },
    {
        "name": "a confident miss on a negative",
        "args": [[0], [1.0]],
        "kwargs": {"eps": 1e-7},
        "expected": -math.log(1e-7),
    },
    {
        "name": "confident and right is close to 0",
        "args": [[1, 0], [1.0, 0.0]],
        "expected": -math.log(1 - 1e-15),
    },
    {
        "name": "a custom eps",
        "args": [[1, 1], [0.0, 1.0]],
        "kwargs": {"eps": 1e-7},
        "expected": -(math.log(1e-7) + math.log(1 - 1e-7)) / 2,
    },
    {
        "name": "all one class",
        "args": [[0, 0, 0], [0.1, 0.2, 0.3]],
        "expected": -(math.log(0.9) + math.log(0.8) + math.log(0.7)) / 3,
    },
    {"name": "empty input", "args": [[], []], "raises": "ValueError"},
    {"name": "different lengths", "args": [[1, 0], [0.4]], "raises": "ValueError"},
    {"name": "a probability above 1", "args": [[1], [1.5]], "raises": "ValueError"},
    {"name": "a NaN probability", "args": [[1], [float("nan")]], "raises": "ValueError"},
    {"name": "a label of 2", "args": [[2], [0.5]], "raises": "ValueError"},
]
