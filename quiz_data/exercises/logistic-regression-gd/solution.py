import math


def _sigmoid(z):
    """1 / (1 + e^-z) without overflow: exp is only ever taken of a number <= 0."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _softplus(z):
    """ln(1 + e^z), exact for large |z|: max(z, 0) + ln(1 + e^-|z|)."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def _check(X, y, n_iter):
    if not X:
        raise ValueError("no rows to fit")
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)} labels")
    width = len(X[0])
    for i, row in enumerate(X):
        if len(row) != width:
            raise ValueError(f"row {i} has {len(row)} features, row 0 has {width}")
    for i, label in enumerate(y):
        if label not in (0, 1):
            raise ValueError(f"label {i} is {label!r}, expected 0 or 1")
    if n_iter < 0:
        raise ValueError(f"n_iter must be >= 0, got {n_iter}")


def fit_logistic(X, y, lr=0.1, l2=0.0, n_iter=100):
    """Fit w, b by batch gradient descent on the mean log-loss + (l2 / 2) * |w|^2
    (bias not penalised), from zeros; return (w, b, final objective)."""
    _check(X, y, n_iter)
    n, width = len(X), len(X[0])
    w = [0.0] * width
    b = 0.0
    for _ in range(n_iter):
        grad_w = [0.0] * width
        grad_b = 0.0
        for row, label in zip(X, y, strict=True):
            z = b + sum(wj * xj for wj, xj in zip(w, row, strict=True))
            residual = _sigmoid(z) - label  # d(log-loss)/dz for this row
            grad_b += residual
            for j, xj in enumerate(row):
                grad_w[j] += residual * xj
        # both gradients are taken at the same (w, b) before either moves
        w = [wj - lr * (gj / n + l2 * wj) for wj, gj in zip(w, grad_w, strict=True)]
        b -= lr * grad_b / n
    total = 0.0
    for row, label in zip(X, y, strict=True):
        z = b + sum(wj * xj for wj, xj in zip(w, row, strict=True))
        # -ln(sigmoid(z)) = softplus(-z) and -ln(1 - sigmoid(z)) = softplus(z)
        total += _softplus(-z) if label == 1 else _softplus(z)
    penalty = 0.5 * l2 * sum(wj * wj for wj in w)
    return w, b, total / n + penalty
