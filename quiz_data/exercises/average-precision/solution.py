def average_precision(y_true, y_score):
    """Return average precision: the sum over thresholds of (recall gain) * precision.

    Tied scores form one threshold. Raise ValueError for empty input, different
    lengths or no positive label.
    """
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score have different lengths")
    n_pos = sum(1 for y in y_true if y == 1)
    if n_pos == 0:
        raise ValueError("no positive label: recall is undefined")

    pairs = sorted(zip(y_score, y_true, strict=True), key=lambda p: p[0], reverse=True)
    ap = 0.0
    tp = seen = 0
    previous_recall = 0.0
    i = 0
    while i < len(pairs):
        score = pairs[i][0]
        while i < len(pairs) and pairs[i][0] == score:  # the whole tie group
            tp += pairs[i][1] == 1
            seen += 1
            i += 1
        recall = tp / n_pos
        ap += (recall - previous_recall) * (tp / seen)
        previous_recall = recall
    return ap
