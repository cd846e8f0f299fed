import random

FUNCTION = "kmeans"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "two clear groups",
        "args": [[[0, 0], [0, 1], [10, 10], [10, 11]], [[0, 0], [10, 10]]],
        "expected": ([[0.0, 0.5], [10.0, 10.5]], [0, 0, 1, 1]),
    },
    {
        "name": "a centroid that wins no point keeps its place",
        "args": [[[0.0], [1.0], [2.0]], [[1.0], [100.0]]],
        "expected": ([[1.0], [100.0]], [0, 0, 0]),
    },
]
CASES = [
    {
        "name": "a point equally far from two centroids goes to the lower index",
        "args": [[[0.0], [2.0], [4.0]], [[0.0], [4.0]]],
        "expected": ([[1.0], [4.0]], [0, 0, 1]),
    },
    {
        "name": "equal initial centroids: the first takes every point",
        "args": [[[1, 1], [3, 3]], [[2, 2], [2, 2]]],
        "expected": ([[2.0, 2.0], [2.0, 2.0]], [0, 0]),
    },
    {
        "name": "max_iter = 1 stops before convergence",
        "args": [[[0.0], [1.0], [9.0], [10.0], [11.0]], [[0.0], [1.0]]],
        "kwargs": {"max_iter": 1},
        "expected": ([[0.0], [7.75]], [0, 1, 1, 1, 1]),
    },
    {
        "name": "several iterations to converge",
        "args": [[[0.0], [1.0], [9.0], [10.0], [11.0]], [[0.0], [1.0]]],
        "expected": ([[0.5], [10.0]], [0, 0, 1, 1, 1]),
    },
    {
        "name": "one point",
        "args": [[[3.5, -2.0]], [[0.0, 0.0], [1.0, 1.0]]],
        "expected": ([[0.0, 0.0], [3.5, -2.0]], [1]),
    },
    {
        "name": "all points equal",
        "args": [[[2, 2], [2, 2], [2, 2]], [[0, 0], [5, 5]]],
        "expected": ([[2.0, 2.0], [5.0, 5.0]], [0, 0, 0]),
    },
    {
        "name": "one centroid is the mean",
        "args": [[[1, 2, 3], [3, 2, 1], [2, 5, 2]], [[0, 0, 0]]],
        "expected": ([[2.0, 3.0, 2.0]], [0, 0, 0]),
    },
    {
        "name": "three clusters in 2-D",
        "args": [
            [[1, 1], [1.5, 2], [3, 4], [5, 7], [3.5, 5], [4.5, 5], [3.5, 4.5]],
            [[1, 1], [5, 7], [3, 4]],
        ],
        "expected": ([[1.25, 1.5], [5.0, 7.0], [3.625, 4.625]], [0, 0, 2, 1, 2, 2, 2]),
    },
    {
        "name": "empty points: centroids unchanged",
        "args": [[], [[1, 2], [3, 4]]],
        "expected": ([[1.0, 2.0], [3.0, 4.0]], []),
    },
    {
        "name": "no centroids",
        "args": [[[1.0]], []],
        "raises": "ValueError",
    },
    {
        "name": "max_iter below 1",
        "args": [[[1.0]], [[0.0]]],
        "kwargs": {"max_iter": 0},
        "raises": "ValueError",
    },
    {
        "name": "a point of the wrong dimension",
        "args": [[[1.0, 2.0], [3.0]], [[0.0, 0.0]]],
        "raises": "ValueError",
    },
]


def _fixed_point_problem(points, centres, labels):
    """What is wrong with a converged answer, or "" if nothing: every label must be the
    nearest centroid (lowest index on ties) and every non-empty centroid the mean of its
    points."""
    if len(labels) != len(points):
        return f"{len(labels)} labels for {len(points)} points"
    for i, p in enumerate(points):
        dists = [sum((a - b) ** 2 for a, b in zip(p, c, strict=True)) for c in centres]
        want = dists.index(min(dists))
        if labels[i] != want:
            return f"point {p} has label {labels[i]}, but its nearest centroid is {want}"
    for j, c in enumerate(centres):
        members = [p for p, lab in zip(points, labels, strict=True) if lab == j]
        if members:
            mean = [sum(col) / len(members) for col in zip(*members, strict=True)]
            if any(abs(a - b) > 1e-9 for a, b in zip(mean, c, strict=True)):
                return f"centroid {j} is {c}, but the mean of its points is {mean}"
    return ""


def extra_checks(fn):
    rng = random.Random(19)
    bad = ""
    for _ in range(150):
        n, k, dim = rng.randint(1, 12), rng.randint(1, 4), rng.randint(1, 3)
        points = [[rng.randint(0, 5) for _ in range(dim)] for _ in range(n)]
        start = [[rng.randint(0, 5) for _ in range(dim)] for _ in range(k)]
        got = fn([list(p) for p in points], [list(c) for c in start])
        try:
            centres, labels = got
            problem = _fixed_point_problem(points, [list(c) for c in centres], list(labels))
        except Exception as exc:
            problem = f"could not read the answer: {exc!r}"
        if problem:
            bad = f"kmeans({points}, {start}) -> {got!r}: {problem}"
            break
    return [("converged answers are fixed points (150 random inputs with ties)", not bad, bad)]
