import random

FUNCTION = "time_split"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "a late label and a missing one are dropped",
        "args": [[(1, 3), (8, 10), (10, 12), (5, None)], 10],
        "expected": ([0], [2]),
    },
]

CASES = [
    {
        "name": "a label arriving after the cutoff keeps the row out of training",
        "args": [[(1, 3), (2, 9), (5, None), (10, 12), (11, None), (8, 10), (9, 15)], 10],
        "expected": ([0, 1], [3]),
    },
    {
        "name": "a prediction made exactly at the cutoff is validation",
        "args": [[(10, 10), (10, 11)], 10],
        "expected": ([], [0, 1]),
    },
    {
        "name": "an immediate label just before the cutoff is training",
        "args": [[(9.5, 9.5)], 10],
        "expected": ([0], []),
    },
    {
        "name": "everything before the cutoff",
        "args": [[(1, 2), (2, 3), (3, 4)], 100],
        "expected": ([0, 1, 2], []),
    },
    {
        "name": "no labels at all",
        "args": [[(1, None), (20, None)], 10],
        "expected": ([], []),
    },
    {
        "name": "empty input",
        "args": [[], 10],
        "expected": ([], []),
    },
    {
        "name": "a label before its prediction time is a data bug",
        "args": [[(5, 3)], 10],
        "raises": "ValueError",
    },
]

NAME = "no training label is known at or after the cutoff; no row is on both sides"


def extra_checks(fn):
    rng = random.Random(23)
    for _ in range(100):
        rows = []
        for _ in range(rng.randint(0, 10)):
            t = rng.randint(0, 20)
            rows.append((t, rng.choice([None, t, t + rng.randint(1, 8)])))
        cutoff = rng.randint(0, 25)
        want_train = [i for i, (f, lab) in enumerate(rows) if lab is not None and lab < cutoff]
        want_valid = [i for i, (f, lab) in enumerate(rows) if lab is not None and f >= cutoff]
        got = fn(list(rows), cutoff)
        if not (
            isinstance(got, (tuple, list))
            and len(got) == 2
            and list(got[0]) == want_train
            and list(got[1]) == want_valid
        ):
            message = (
                f"time_split({rows}, {cutoff}) -> expected ({want_train}, {want_valid}), "
                f"got {got!r}"
            )
            return [(NAME, False, message)]
    return [(NAME, True, "")]
