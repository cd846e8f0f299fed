def oof_target_encode(categories, targets, folds, smoothing):
    """Correct, but recomputes the out-of-fold statistics from scratch for every row:
    O(n^2)."""
    if not len(categories) == len(targets) == len(folds):
        raise ValueError("categories, targets and folds have different lengths")
    if smoothing < 0:
        raise ValueError("smoothing must be 0 or more")
    if len(set(folds)) == 1:
        raise ValueError("need at least two folds: each fold needs rows outside it")
    encoded = []
    for c, f in zip(categories, folds, strict=True):
        out_n = out_s = n = s = 0
        for c2, y2, f2 in zip(categories, targets, folds, strict=True):
            if f2 != f:
                out_n += 1
                out_s += y2
                if c2 == c:
                    n += 1
                    s += y2
        prior = out_s / out_n
        encoded.append((s + smoothing * prior) / (n + smoothing) if n > 0 else prior)
    return encoded
