def roc_auc(y_true, y_score):
    """Return the ROC-AUC: the share of (positive, negative) pairs ordered correctly.

    Tied scores count 0.5. Raise ValueError for empty input, different lengths or a
    single class.
    """
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score have different lengths")
    n_pos = sum(1 for y in y_true if y == 1)
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs at least one positive and one negative")

    # Rank the scores from 1 (lowest); tied scores share the average of their ranks.
    order = sorted(range(len(y_score)), key=lambda i: y_score[i])
    rank_sum_pos = 0.0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and y_score[order[end + 1]] == y_score[order[start]]:
            end += 1
        average_rank = (start + end) / 2 + 1
        rank_sum_pos += average_rank * sum(1 for i in order[start : end + 1] if y_true[i] == 1)
        start = end + 1

    u = rank_sum_pos - n_pos * (n_pos + 1) / 2  # pairs won by the positives
    return u / (n_pos * n_neg)
