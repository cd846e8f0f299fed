import random
from collections import Counter

FUNCTION = "reservoir_sample"


class SeededRandom(random.Random):
    """A random.Random that shows the seed it was made with, so a failed case reads
    `rng=random.Random(7)`; each call gets a fresh copy in the same state."""

    def __init__(self, seed=0):
        super().__init__(seed)
        self.made_with = seed

    def __repr__(self):
        return f"random.Random({self.made_with})"

    def __deepcopy__(self, memo):
        twin = SeededRandom(self.made_with)
        twin.setstate(self.getstate())
        return twin


EXAMPLES = [
    {
        "name": "three of ten",
        "args": [list(range(10)), 3, SeededRandom(7)],
        "expected": [7, 8, 3],
    },
    {
        "name": "two of six letters",
        "args": [list("abcdef"), 2, SeededRandom(1)],
        "expected": ["f", "b"],
    },
]

CASES = [
    {
        "name": "five of a hundred",
        "args": [list(range(100)), 5, SeededRandom(42)],
        "expected": [35, 17, 52, 10, 99],
    },
    {
        "name": "ten of a thousand",
        "args": [list(range(1000)), 10, SeededRandom(2024)],
        "expected": [297, 1, 664, 648, 32, 63, 27, 571, 958, 228],
    },
    {
        "name": "k = 1 keeps a single slot",
        "args": [list(range(20)), 1, SeededRandom(0)],
        "expected": [3],
    },
    {
        "name": "all items equal",
        "args": [[4, 4, 4, 4, 4, 4], 2, SeededRandom(3)],
        "expected": [4, 4],
    },
    {
        "name": "k equal to the length: everything, in order",
        "args": [["x", "y", "z"], 3, SeededRandom(5)],
        "expected": ["x", "y", "z"],
    },
    {
        "name": "a stream shorter than k",
        "args": [["p", "q"], 5, SeededRandom(5)],
        "expected": ["p", "q"],
    },
    {
        "name": "one item",
        "args": [["only"], 1, SeededRandom(9)],
        "expected": ["only"],
    },
    {
        "name": "k = 0",
        "args": [[1, 2, 3], 0, SeededRandom(1)],
        "expected": [],
    },
    {
        "name": "empty stream",
        "args": [[], 3, SeededRandom(1)],
        "expected": [],
    },
    {
        "name": "negative k",
        "args": [[1, 2, 3], -1, SeededRandom(1)],
        "raises": "ValueError",
    },
]


def extra_checks(fn):
    out = []
    got = fn((x * x for x in range(50)), 4, SeededRandom(11))
    want = [1024, 1600, 1296, 1225]
    out.append(
        (
            "works on a generator, read once",
            got == want,
            "reservoir_sample(<generator of x * x for x in range(50)>, 4, random.Random(11)) "
            f"-> expected {want}, got {got!r}",
        )
    )

    counts = Counter()
    bad = ""
    for seed in range(2000):
        sample = fn(list(range(10)), 3, SeededRandom(seed))
        if not isinstance(sample, list) or len(sample) != 3 or len(set(sample)) != 3:
            bad = (
                f"reservoir_sample({list(range(10))}, 3, random.Random({seed})) -> expected "
                f"3 distinct items, got {sample!r}"
            )
            break
        counts.update(sample)
    spread = [counts[i] for i in range(10)]
    if not bad and not all(520 <= c <= 680 for c in spread):
        bad = (
            "reservoir_sample(list(range(10)), 3, random.Random(seed)) for 2000 seeds -> "
            f"expected each item kept about 600 times, got {spread}"
        )
    out.append(("every item is equally likely to be kept", not bad, bad))
    return out
