def best_split(values, labels):
    """Return (threshold, gain) of the split of `values` with the largest Gini gain;
    thresholds are midpoints between consecutive distinct values, ties go to the
    smallest threshold, and no possible split gives (None, 0.0)."""
    raise NotImplementedError("sort once, then sweep the thresholds with running class counts")
