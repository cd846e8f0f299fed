def best_f1_threshold(y_true, y_score):
    """Return (threshold, f1) maximising F1 for the rule score >= threshold.

    Candidates are the distinct scores; on a tie in F1 return the highest threshold.
    Raise ValueError for empty input, different lengths or no positive label.
    """
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score have different lengths")
    if not y_true:
        raise ValueError("empty input")
    n_pos = sum(1 for y in y_true if y == 1)
    if n_pos == 0:
        raise ValueError("no positive label: F1 is 0 at every threshold")

    pairs = sorted(zip(y_score, y_true, strict=True), key=lambda p: p[0], reverse=True)
    best_threshold, best_f1 = None, -1.0
    tp = fp = 0
    i = 0
    while i < len(pairs):
        score = pairs[i][0]
        while i < len(pairs) and pairs[i][0] == score:  # take the whole tie group
            if pairs[i][1] == 1:
                tp += 1
            else:
                fp += 1
            i += 1
        f1 = 2 * tp / (tp + fp + n_pos)  # 2TP + FP + FN == TP + FP + n_pos
        if f1 > best_f1:  # strict, so the first (highest) threshold wins a tie
            best_threshold, best_f1 = score, f1
    return best_threshold, best_f1
