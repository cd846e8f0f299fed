def stratified_kfold(labels, k):
    """Return k (train_indices, validation_indices) pairs.

    Order rows by (label, index) and deal them to folds 0, 1, ..., k-1, 0, ...
    Raise ValueError if k < 2 or k > len(labels).
    """
    raise NotImplementedError("sort by (label, index), then deal")
