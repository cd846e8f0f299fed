import math


def fit_logistic(X, y, lr=0.1, l2=0.0, n_iter=100):
    """Fit w, b by batch gradient descent on the mean log-loss + (l2 / 2) * |w|^2
    (bias not penalised), from zeros; return (w, b, final objective)."""
    w = [0.0] * len(X[0])
    b = 0.0
    for _ in range(n_iter):
        for row, label in zip(X, y, strict=False):
            p = 1 / (1 + math.exp(-(sum(wj * xj for wj, xj in zip(w, row, strict=False)) + b)))
            w = [wj - lr * (p - label) * xj for wj, xj in zip(w, row, strict=False)]
            b -= lr * (p - label)
    loss = 0.0
    for row, label in zip(X, y, strict=False):
        p = 1 / (1 + math.exp(-(sum(wj * xj for wj, xj in zip(w, row, strict=False)) + b)))
        loss -= label * math.log(p) + (1 - label) * math.log(1 - p)
    return w, b, loss / len(X)
