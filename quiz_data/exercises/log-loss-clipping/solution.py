import math


def log_loss(y_true, y_prob, eps=1e-15):
    """Return the mean binary cross-entropy, probabilities clipped to [eps, 1 - eps].

    Raise ValueError for empty input, different lengths, labels other than 0/1, or
    probabilities that are NaN or outside [0, 1].
    """
    if len(y_true) != len(y_prob):
        raise ValueError("y_true and y_prob have different lengths")
    if not y_true:
        raise ValueError("empty input: the mean log-loss is undefined")
    total = 0.0
    for y, p in zip(y_true, y_prob, strict=True):
        if y not in (0, 1):
            raise ValueError(f"labels must be 0 or 1, got {y!r}")
        if not 0.0 <= p <= 1.0:  # also catches NaN, for which every comparison is False
            raise ValueError(f"probabilities must be in [0, 1], got {p!r}")
        p = min(max(p, eps), 1.0 - eps)
        total -= math.log(p) if y == 1 else math.log(1.0 - p)
    return total / len(y_true)
