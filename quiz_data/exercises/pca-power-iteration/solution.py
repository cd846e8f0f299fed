import math
import random

SIGN_EPS = 1e-6


def _covariance(X):
    """Sample covariance of the columns of X: one pass for the means, one for the
    products, so O(n d^2)."""
    n, d = len(X), len(X[0])
    means = [sum(row[j] for row in X) / n for j in range(d)]
    cov = [[0.0] * d for _ in range(d)]
    for row in X:
        centred = [row[j] - means[j] for j in range(d)]
        for a in range(d):
            for b in range(a, d):
                cov[a][b] += centred[a] * centred[b]
    for a in range(d):
        for b in range(a, d):
            cov[a][b] /= n - 1
            cov[b][a] = cov[a][b]
    return cov


def _times(C, v):
    return [sum(c * x for c, x in zip(row, v, strict=True)) for row in C]


def first_component(X, tol=1e-10, max_iter=1000):
    """Return (unit direction of largest variance, its variance) by power iteration on
    the sample covariance of the centred data; first clear entry positive."""
    if len(X) < 2:
        raise ValueError(f"need at least two rows, got {len(X)}")
    d = len(X[0])
    for i, row in enumerate(X):
        if len(row) != d:
            raise ValueError(f"row {i} has {len(row)} features, row 0 has {d}")
    C = _covariance(X)
    if all(c == 0.0 for row in C for c in row):
        raise ValueError("the data has no variance: every row is the same")
    # a random start is orthogonal to the answer with probability 0; a fixed seed keeps
    # the run reproducible (the all-ones start can be an eigenvector of a smaller variance)
    rng = random.Random(0)
    v = [rng.gauss(0.0, 1.0) for _ in range(d)]
    norm = math.sqrt(sum(x * x for x in v))
    v = [x / norm for x in v]
    for _ in range(max_iter):
        w = _times(C, v)
        norm = math.sqrt(sum(x * x for x in w))
        w = [x / norm for x in w]
        change = math.sqrt(sum((a - b) ** 2 for a, b in zip(w, v, strict=True)))
        v = w
        if change < tol:
            break
    else:
        raise RuntimeError(f"power iteration did not converge in {max_iter} iterations")
    first = next(x for x in v if abs(x) > SIGN_EPS)  # a unit vector has such an entry
    if first < 0:
        v = [-x for x in v]
    variance = sum(a * b for a, b in zip(v, _times(C, v), strict=True))
    return v, variance
