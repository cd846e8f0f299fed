import math


def softmax(logits):
    """Return exp(x_i) / sum_j exp(x_j) for every logit, without overflow or underflow."""
    if not logits:
        return []
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]  # every exponent <= 0; the largest is exp(0)
    total = sum(exps)  # at least 1.0, so never a division by zero
    return [e / total for e in exps]
