def average_precision(y_true, y_score):
    """Return average precision: the sum over thresholds of (recall gain) * precision.

    Tied scores form one threshold. Raise ValueError for empty input, different
    lengths or no positive label.
    """
    raise NotImplementedError("sweep the thresholds from the highest score down")
