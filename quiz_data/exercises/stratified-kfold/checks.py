import random
from collections import Counter

FUNCTION = "stratified_kfold"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "two classes, two folds",
        "args": [[0, 1, 0, 1, 0, 1], 2],
        "expected": [([1, 2, 5], [0, 3, 4]), ([0, 3, 4], [1, 2, 5])],
    },
]

CASES = [
    {
        "name": "a rare class lands in every fold",
        "args": [[1, 0, 0, 0, 0, 0, 1, 0, 0, 0], 2],
        "expected": [([2, 4, 6, 7, 9], [0, 1, 3, 5, 8]), ([0, 1, 3, 5, 8], [2, 4, 6, 7, 9])],
    },
    {
        "name": "a class smaller than k",
        "args": [[0, 0, 0, 1], 3],
        "expected": [([1, 2], [0, 3]), ([0, 2, 3], [1]), ([0, 1, 3], [2])],
    },
    {
        "name": "string labels, one row per fold",
        "args": [["b", "a", "b"], 3],
        "expected": [([0, 2], [1]), ([1, 2], [0]), ([0, 1], [2])],
    },
    {
        "name": "all one class",
        "args": [[5, 5, 5, 5], 2],
        "expected": [([1, 3], [0, 2]), ([0, 2], [1, 3])],
    },
    {"name": "k = 1", "args": [[0, 1, 0], 1], "raises": "ValueError"},
    {"name": "more folds than rows", "args": [[0, 1], 3], "raises": "ValueError"},
    {"name": "empty labels", "args": [[], 2], "raises": "ValueError"},
]


def problem(labels, k, folds):
    """What is wrong with `folds` as stratified folds of `labels`, or "" if nothing."""
    if not isinstance(folds, (list, tuple)) or len(folds) != k:
        return f"expected {k} folds"
    n = len(labels)
    seen = Counter()
    for f, fold in enumerate(folds):
        train, valid = fold
        if sorted(set(train) | set(valid)) != list(range(n)) or set(train) & set(valid):
            return f"expected fold {f}'s train and validation to split rows 0..{n - 1}"
        if list(valid) != sorted(valid) or list(train) != sorted(train):
            return f"expected fold {f}'s indices sorted ascending"
        seen.update(valid)
    if any(seen[i] != 1 for i in range(n)):
        return "expected every row in exactly one validation fold"
    for label in set(labels):
        per_fold = [sum(1 for i in valid if labels[i] == label) for _, valid in folds]
        if max(per_fold) - min(per_fold) > 1:
            return f"expected label {label!r} spread evenly, got counts {per_fold} per fold"
    return ""


NAME = "folds partition the rows and every class is spread evenly (100 random inputs)"


def extra_checks(fn):
    rng = random.Random(31)
    for _ in range(100):
        labels = [rng.choice([0, 0, 0, 1, 2]) for _ in range(rng.randint(2, 20))]
        k = rng.randint(2, min(5, len(labels)))
        folds = fn(list(labels), k)
        issue = problem(labels, k, folds)
        if issue:
            return [(NAME, False, f"stratified_kfold({labels}, {k}) -> {issue}, got {folds!r}")]
    return [(NAME, True, "")]
