def best_f1_threshold(y_true, y_score):
    """Return (threshold, f1) maximising F1 for the rule score >= threshold.

    Candidates are the distinct scores; on a tie in F1 return the highest threshold.
    Raise ValueError for empty input, different lengths or no positive label.
    """
    raise NotImplementedError("sort by score and sweep")
