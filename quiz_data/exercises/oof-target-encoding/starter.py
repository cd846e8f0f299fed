def oof_target_encode(categories, targets, folds, smoothing):
    """Return each row's smoothed target mean of its category, computed only from rows
    in other folds: (s + smoothing * prior) / (n + smoothing), prior for unseen."""
    raise NotImplementedError("for each fold, compute statistics on the other folds")
