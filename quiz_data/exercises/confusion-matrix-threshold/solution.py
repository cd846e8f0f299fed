def confusion_at_threshold(y_true, y_score, threshold):
    """Return {"tp": ..., "fp": ..., "tn": ..., "fn": ...} for the rule score >= threshold.

    NaN scores count as predicted negative. Raise ValueError for different lengths or
    labels other than 0 and 1.
    """
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score have different lengths")
    counts = {"tp": 0, "fp": 0, "tn": 0, "fn": 0}
    for label, score in zip(y_true, y_score, strict=True):
        if label not in (0, 1):
            raise ValueError(f"labels must be 0 or 1, got {label!r}")
        flagged = score >= threshold  # False for NaN, as every comparison with NaN is
        if flagged:
            counts["tp" if label == 1 else "fp"] += 1
        else:
            counts["fn" if label == 1 else "tn"] += 1
    return counts
