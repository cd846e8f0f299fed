def precision_recall_f1(y_true, y_pred):
    """Return (precision, recall, f1) for 0/1 labels and 0/1 predictions.

    A ratio with a zero denominator is 0.0. Raise ValueError for empty input,
    different lengths or values other than 0 and 1. Do not modify the inputs.
    """
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if not y_true:
        raise ValueError("empty input: the metrics are undefined")
    tp = fp = fn = 0
    for label, pred in zip(y_true, y_pred, strict=True):
        if label not in (0, 1) or pred not in (0, 1):
            raise ValueError(f"labels and predictions must be 0 or 1, got {label!r}, {pred!r}")
        if pred == 1 and label == 1:
            tp += 1
        elif pred == 1:
            fp += 1
        elif label == 1:
            fn += 1

    def ratio(num, den):
        return num / den if den else 0.0

    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)
