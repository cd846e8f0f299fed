import random
import statistics

FUNCTION = "bootstrap_ci"
INPUTS_READ_ONLY = False  # the rng's state changes by design; data is checked below


class SeededRandom(random.Random):
    """A random.Random that shows the seed it was made with, so a failed case reads
    `rng=random.Random(0)`; each call gets a fresh copy in the same state."""

    def __init__(self, seed=0):
        super().__init__(seed)
        self.made_with = seed

    def __repr__(self):
        return f"random.Random({self.made_with})"

    def __deepcopy__(self, memo):
        twin = SeededRandom(self.made_with)
        twin.setstate(self.getstate())
        return twin


class Named:
    """A statistic that shows its name in a failed case instead of a memory address."""

    def __init__(self, name, fn):
        self.name, self.fn = name, fn

    def __call__(self, values):
        return self.fn(values)

    def __repr__(self):
        return self.name


MEDIAN = Named("statistics.median", statistics.median)
MAX = Named("max", max)
DATA = [2.5, 3.1, 4.8, 1.9, 5.6, 3.3, 4.1, 2.2]

EXAMPLES = [
    {
        "name": "a 95% interval for the mean",
        "args": [DATA, 1000, SeededRandom(0)],
        "expected": (2.6125, 4.2625),
    },
    {
        "name": "a 90% interval for the median",
        "args": [[3.1, 2.7, 8.4, 5.0, 4.4, 6.1, 7.3, 3.9, 5.5], 500, SeededRandom(1)],
        "kwargs": {"level": 0.9, "statistic": MEDIAN},
        "expected": (3.9, 6.1),
    },
]

CASES = [
    {
        "name": "three resamples: the bounds interpolate",
        "args": [[1.0, 5.0, 9.0], 3, SeededRandom(4)],
        "expected": (1.0666666666666667, 6.133333333333333),
    },
    {
        "name": "a 50% interval",
        "args": [[1.2, 0.4, 2.9, 3.3, 0.8, 1.7, 2.2, 4.1, 0.3, 1.1], 200, SeededRandom(2)],
        "kwargs": {"level": 0.5},
        "expected": (1.51, 2.055),
    },
    {
        "name": "forty values, 2000 resamples",
        "args": [[((i * 37) % 101) / 10 for i in range(40)], 2000, SeededRandom(3)],
        "expected": (4.079875, 5.9325625),
    },
    {
        "name": "skewed data: one large value",
        "args": [[0, 0, 0, 0, 0, 0, 0, 0, 0, 100], 2000, SeededRandom(6)],
        "expected": (0.0, 30.0),
    },
    {
        "name": "the maximum as the statistic",
        "args": [[2, 7, 1, 8, 2, 8], 400, SeededRandom(5)],
        "kwargs": {"level": 0.8, "statistic": MAX},
        "expected": (8.0, 8.0),
    },
    {"name": "one value", "args": [[4.2], 50, SeededRandom(7)], "expected": (4.2, 4.2)},
    {"name": "all values equal", "args": [[3, 3, 3], 50, SeededRandom(8)], "expected": (3.0, 3.0)},
    {
        "name": "a single resample",
        "args": [[1, 2, 3, 4], 1, SeededRandom(9)],
        "expected": (3.0, 3.0),
    },
    {"name": "empty data", "args": [[], 100, SeededRandom(0)], "raises": "ValueError"},
    {"name": "zero resamples", "args": [[1, 2], 0, SeededRandom(0)], "raises": "ValueError"},
    {
        "name": "a level of 1",
        "args": [[1, 2], 10, SeededRandom(0)],
        "kwargs": {"level": 1.0},
        "raises": "ValueError",
    },
]


def extra_checks(fn):
    data = list(DATA)
    fn(data, 20, SeededRandom(0))
    return [
        (
            "the data is not modified",
            data == DATA,
            f"bootstrap_ci({DATA}, 20, random.Random(0)) -> expected the data left as it "
            f"was, got it changed to {data}",
        )
    ]
