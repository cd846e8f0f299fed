def best_split(values, labels):
    """Return (threshold, gain) of the split of `values` with the largest Gini gain;
    thresholds are midpoints between consecutive distinct values, ties go to the
    smallest threshold, and no possible split gives (None, 0.0)."""
    if len(values) != len(labels):
        raise ValueError(f"{len(values)} values but {len(labels)} labels")
    n = len(values)
    order = sorted(range(n), key=values.__getitem__)  # the only n log n step

    right = {}  # class -> count of rows still on the right
    for label in labels:
        right[label] = right.get(label, 0) + 1
    left = dict.fromkeys(right, 0)
    # Gini of a group of size m is 1 - (sum of squared counts) / m^2, so keeping the
    # sums of squared counts up to date makes every threshold O(1).
    sq_right = sum(c * c for c in right.values())
    sq_left = 0
    parent = 1.0 - sq_right / (n * n) if n else 0.0

    best_t, best_gain = None, 0.0
    for pos in range(n - 1):
        label = labels[order[pos]]
        sq_left += 2 * left[label] + 1  # (c + 1)^2 - c^2
        sq_right -= 2 * right[label] - 1  # c^2 - (c - 1)^2
        left[label] += 1
        right[label] -= 1
        here, after = values[order[pos]], values[order[pos + 1]]
        if here == after:
            continue  # no threshold between equal values
        n_left, n_right = pos + 1, n - pos - 1
        children = 1.0 - (sq_left / n_left + sq_right / n_right) / n
        gain = parent - children
        if best_t is None or gain > best_gain + 1e-12:  # ascending: ties keep the first
            best_t, best_gain = (here + after) / 2, gain
    return best_t, best_gain
