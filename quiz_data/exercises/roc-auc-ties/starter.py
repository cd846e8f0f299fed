def roc_auc(y_true, y_score):
    """Return the ROC-AUC: the share of (positive, negative) pairs ordered correctly.

    Tied scores count 0.5. Raise ValueError for empty input, different lengths or a
    single class.
    """
    raise NotImplementedError("count correctly ordered pairs, or use ranks")
