def precision_recall_f1(y_true, y_pred):
    """Return (precision, recall, f1) for 0/1 labels and 0/1 predictions.

    A ratio with a zero denominator is 0.0. Raise ValueError for empty input,
    different lengths or values other than 0 and 1. Do not modify the inputs.
    """
    raise NotImplementedError("count TP, FP and FN, then divide")
