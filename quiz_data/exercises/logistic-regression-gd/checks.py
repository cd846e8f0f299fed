FUNCTION = "fit_logistic"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "one feature, a few steps",
        "args": [[[1.0], [2.0], [3.0], [4.0]], [0, 0, 1, 1]],
        "kwargs": {"lr": 0.5, "n_iter": 20},
        "expected": ([0.6906683894115888], -1.2237881827248882, 0.44688828593433977),
    },
    {
        "name": "no steps: zeros and a loss of ln 2",
        "args": [[[1.0, 2.0], [3.0, 4.0]], [0, 1]],
        "kwargs": {"n_iter": 0},
        "expected": ([0.0, 0.0], 0.0, 0.6931471805599453),
    },
]
CASES = [
    {
        "name": "huge features: the sigmoid must not overflow",
        "args": [[[1000.0], [-1000.0]], [1, 0]],
        "kwargs": {"lr": 1.0, "n_iter": 3},
        "expected": ([500.0], 0.0, 0.0),
    },
    {
        "name": "confident and wrong: a large loss, not a clipped one",
        "args": [[[1000.0], [1000.0], [1000.0]], [1, 1, 0]],
        "kwargs": {"lr": 1.0, "n_iter": 1},
        "expected": ([166.66666666666666], 0.16666666666666666, 55555.6111111111),
    },
    {
        "name": "L2 shrinks the weights but not the bias",
        "args": [[[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [2.0, 1.0]], [1, 0, 1, 1, 0]],
        "kwargs": {"lr": 0.3, "l2": 0.5, "n_iter": 40},
        "expected": (
            [-0.4188586074641864, 0.1176227770308994],
            0.6094251987015453,
            0.6096463339675973,
        ),
    },
    {
        "name": "two features, no penalty",
        "args": [
            [[0.5, -1.0], [1.5, 2.0], [-1.0, 0.5], [2.0, 1.0], [0.0, 0.0], [-2.0, -1.5]],
            [0, 1, 0, 1, 1, 0],
        ],
        "kwargs": {"lr": 0.2, "n_iter": 60},
        "expected": (
            [1.2900280501618007, 1.1931402214105384],
            -0.19592151523861562,
            0.2638105659035529,
        ),
    },
    {
        "name": "one row",
        "args": [[[2.0, -1.0]], [1]],
        "kwargs": {"lr": 0.1, "n_iter": 5},
        "expected": (
            [0.376392102796862, -0.188196051398431],
            0.188196051398431,
            0.2801281980097057,
        ),
    },
    {
        "name": "all labels equal",
        "args": [[[1.0], [2.0], [0.5]], [1, 1, 1]],
        "kwargs": {"lr": 0.5, "l2": 0.1, "n_iter": 30},
        "expected": ([0.7586645319071096], 1.949901554709488, 0.09149505499260187),
    },
    {
        "name": "empty features: the bias learns the base rate",
        "args": [[[], [], [], []], [1, 0, 0, 0]],
        "kwargs": {"lr": 1.0, "n_iter": 200},
        "expected": ([], -1.0986122886681091, 0.5623351446188083),
    },
    {
        "name": "empty input",
        "args": [[], []],
        "raises": "ValueError",
    },
    {
        "name": "different lengths",
        "args": [[[1.0], [2.0]], [1]],
        "raises": "ValueError",
    },
    {
        "name": "a label of 2",
        "args": [[[1.0], [2.0]], [1, 2]],
        "raises": "ValueError",
    },
    {
        "name": "rows of different lengths",
        "args": [[[1.0, 2.0], [3.0]], [1, 0]],
        "raises": "ValueError",
    },
    {
        "name": "negative n_iter",
        "args": [[[1.0]], [1]],
        "kwargs": {"n_iter": -1},
        "raises": "ValueError",
    },
]
