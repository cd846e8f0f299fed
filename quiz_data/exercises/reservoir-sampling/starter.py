def reservoir_sample(stream, k, rng):
    """Return a uniform sample of k items of `stream` (Algorithm R), in slot order.

    The item at position i >= k calls rng.randrange(i + 1) once and takes that slot if
    it is below k. Read the stream once; keep O(k) items. Raise ValueError if k < 0.
    """
    raise NotImplementedError("fill k slots, then give item i the slot rng.randrange(i + 1)")
