def roc_auc(y_true, y_score):
    """Correct, by comparing every (positive, negative) pair: O(P * N), quadratic."""
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score have different lengths")
    pos = [s for y, s in zip(y_true, y_score, strict=True) if y == 1]
    neg = [s for y, s in zip(y_true, y_score, strict=True) if y != 1]
    if not pos or not neg:
        raise ValueError("ROC-AUC needs at least one positive and one negative")
    wins = 0.0
    for p in pos:
        for q in neg:
            if p > q:
                wins += 1.0
            elif p == q:
                wins += 0.5
    return wins / (len(pos) * len(neg))
