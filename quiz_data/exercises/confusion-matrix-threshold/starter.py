def confusion_at_threshold(y_true, y_score, threshold):
    """Return {"tp": ..., "fp": ..., "tn": ..., "fn": ...} for the rule score >= threshold.

    NaN scores count as predicted negative. Raise ValueError for different lengths or
    labels other than 0 and 1.
    """
    raise NotImplementedError("count the four outcomes")
