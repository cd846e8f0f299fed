def best_f1_threshold(y_true, y_score):
    """Correct, by recounting TP and FP at every distinct score: O(n * d), quadratic
    when most scores are distinct."""
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score have different lengths")
    if not y_true:
        raise ValueError("empty input")
    n_pos = sum(1 for y in y_true if y == 1)
    if n_pos == 0:
        raise ValueError("no positive label: F1 is 0 at every threshold")
    best_threshold, best_f1 = None, -1.0
    for t in sorted(set(y_score), reverse=True):
        tp = fp = 0
        for y, s in zip(y_true, y_score, strict=True):
            if s >= t:
                if y == 1:
                    tp += 1
                else:
                    fp += 1
        f1 = 2 * tp / (tp + fp + n_pos)
        if f1 > best_f1:
            best_threshold, best_f1 = t, f1
    return best_threshold, best_f1
