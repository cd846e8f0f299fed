def reservoir_sample(stream, k, rng):
    """Return a uniform sample of k items of `stream` (Algorithm R), in slot order.

    The item at position i >= k calls rng.randrange(i + 1) once and takes that slot if
    it is below k. Read the stream once; keep O(k) items. Raise ValueError if k < 0.
    """
    if k < 0:
        raise ValueError(f"k must be 0 or more, got {k}")
    if k == 0:
        return []
    slots = []
    for i, item in enumerate(stream):
        if i < k:
            slots.append(item)
            continue
        j = rng.randrange(i + 1)  # uniform over 0..i: item i survives with chance k / (i + 1)
        if j < k:
            slots[j] = item
    return slots
