from itertools import pairwise


def best_split(values, labels):
    """Correct, but recounts every row for every candidate threshold: O(n) thresholds
    times O(n) rows, so O(n^2)."""
    if len(values) != len(labels):
        raise ValueError(f"{len(values)} values but {len(labels)} labels")
    distinct = sorted(set(values))

    def gini(counts, size):
        return 1.0 - sum((c / size) ** 2 for c in counts.values())

    n = len(values)
    parent = {}
    for label in labels:
        parent[label] = parent.get(label, 0) + 1
    best_t, best_gain = None, 0.0
    for a, b in pairwise(distinct):
        t = (a + b) / 2
        left, right = {}, {}
        for v, label in zip(values, labels, strict=True):
            side = left if v <= t else right
            side[label] = side.get(label, 0) + 1
        n_left = sum(left.values())
        n_right = n - n_left
        children = n_left / n * gini(left, n_left) + n_right / n * gini(right, n_right)
        gain = gini(parent, n) - children
        if best_t is None or gain > best_gain + 1e-12:
            best_t, best_gain = t, gain
    return best_t, best_gain
