def time_split(rows, cutoff):
    """Split (feature_time, label_time) rows into (train_indices, validation_indices).

    Train: label_time < cutoff. Validation: feature_time >= cutoff with a known label.
    Everything else is dropped.
    """
    train = [i for i, (feature_time, _) in enumerate(rows) if feature_time < cutoff]
    valid = [i for i, (feature_time, _) in enumerate(rows) if feature_time >= cutoff]
    return train, valid
