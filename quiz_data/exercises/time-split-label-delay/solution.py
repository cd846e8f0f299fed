def time_split(rows, cutoff):
    """Split (feature_time, label_time) rows into (train_indices, validation_indices).

    Train: label_time < cutoff. Validation: feature_time >= cutoff with a known label.
    Everything else is dropped.
    """
    train, valid = [], []
    for i, (feature_time, label_time) in enumerate(rows):
        if label_time is None:
            continue  # no label yet: useless for training and for validation
        if label_time < feature_time:
            raise ValueError(f"row {i}: label_time {label_time} is before {feature_time}")
        if label_time < cutoff:
            train.append(i)
        elif feature_time >= cutoff:
            valid.append(i)
        # otherwise: predicted before the cutoff, label known only after it -> dropped
    return train, valid
