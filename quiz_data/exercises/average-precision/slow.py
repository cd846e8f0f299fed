def average_precision(y_true, y_score):
    """Correct, by recounting the flagged rows at every distinct threshold: O(n * d),
    quadratic when most scores are distinct."""
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score have different lengths")
    n_pos = sum(1 for y in y_true if y == 1)
    if n_pos == 0:
        raise ValueError("no positive label: recall is undefined")
    ap, previous_recall = 0.0, 0.0
    for t in sorted(set(y_score), reverse=True):
        flagged = [y for y, s in zip(y_true, y_score, strict=True) if s >= t]
        tp = sum(1 for y in flagged if y == 1)
        recall = tp / n_pos
        ap += (recall - previous_recall) * tp / len(flagged)
        previous_recall = recall
    return ap
