from collections import defaultdict


def oof_target_encode(categories, targets, folds, smoothing):
    """Return each row's smoothed target mean of its category, computed only from rows
    in other folds: (s + smoothing * prior) / (n + smoothing), prior for unseen."""
    if not len(categories) == len(targets) == len(folds):
        raise ValueError("categories, targets and folds have different lengths")
    if smoothing < 0:
        raise ValueError("smoothing must be 0 or more")
    if not categories:
        return []

    # Totals over all rows, and per fold; out-of-fold = total - in-fold.
    total_n, total_s = len(targets), sum(targets)
    fold_n, fold_s = defaultdict(int), defaultdict(float)
    cat_n, cat_s = defaultdict(int), defaultdict(float)
    cat_fold_n, cat_fold_s = defaultdict(int), defaultdict(float)
    for c, y, f in zip(categories, targets, folds, strict=True):
        fold_n[f] += 1
        fold_s[f] += y
        cat_n[c] += 1
        cat_s[c] += y
        cat_fold_n[c, f] += 1
        cat_fold_s[c, f] += y
    if len(fold_n) < 2:
        raise ValueError("need at least two folds: each fold needs rows outside it")

    encoded = []
    for c, f in zip(categories, folds, strict=True):
        prior = (total_s - fold_s[f]) / (total_n - fold_n[f])
        n = cat_n[c] - cat_fold_n[c, f]
        s = cat_s[c] - cat_fold_s[c, f]
        encoded.append((s + smoothing * prior) / (n + smoothing) if n > 0 else prior)
    return encoded
