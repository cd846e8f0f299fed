def stratified_kfold(labels, k):
    """Return k (train_indices, validation_indices) pairs.

    Order rows by (label, index) and deal them to folds 0, 1, ..., k-1, 0, ...
    Raise ValueError if k < 2 or k > len(labels).
    """
    if k < 2:
        raise ValueError("k must be at least 2")
    if k > len(labels):
        raise ValueError(f"cannot make {k} folds from {len(labels)} rows")
    fold_of = [0] * len(labels)
    order = sorted(range(len(labels)), key=lambda i: (labels[i], i))
    for position, i in enumerate(order):
        fold_of[i] = position % k
    folds = []
    for f in range(k):
        valid = [i for i in range(len(labels)) if fold_of[i] == f]
        train = [i for i in range(len(labels)) if fold_of[i] != f]
        folds.append((train, valid))
    return folds
