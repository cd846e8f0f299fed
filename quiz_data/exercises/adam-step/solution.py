import math


def adam(
    params, grads, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=False
):
    """Return the parameters after one Adam step per gradient in `grads`, with bias
    correction; weight decay is an L2 term, or decoupled (AdamW) when `decoupled`."""
    for name, beta in (("beta1", beta1), ("beta2", beta2)):
        if not 0.0 <= beta < 1.0:
            raise ValueError(f"{name} must be in [0, 1), got {beta}")
    theta = [float(p) for p in params]  # a new list: the caller's stays as it was
    m = [0.0] * len(theta)
    v = [0.0] * len(theta)
    for t, grad in enumerate(grads, start=1):
        if len(grad) != len(theta):
            raise ValueError(f"gradient {t - 1} has {len(grad)} entries, params has {len(theta)}")
        correct1 = 1.0 - beta1**t  # bias correction: m and v start at 0
        correct2 = 1.0 - beta2**t
        for i, g in enumerate(grad):
            old = theta[i]
            if not decoupled:
                g += weight_decay * old  # L2: the decay is rescaled by v like any gradient
            m[i] = beta1 * m[i] + (1.0 - beta1) * g
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g
            step = (m[i] / correct1) / (math.sqrt(v[i] / correct2) + eps)
            if decoupled:
                step += weight_decay * old  # AdamW: the decay bypasses m and v
            theta[i] = old - lr * step
    return theta
