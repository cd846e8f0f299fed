import math
import random


def first_component(X, tol=1e-10, max_iter=1000):
    """Correct, but recomputes a column's mean for every entry it centres: O(n) work for
    each of the n d^2 products, so O(n^2 d^2)."""
    if len(X) < 2:
        raise ValueError(f"need at least two rows, got {len(X)}")
    n, d = len(X), len(X[0])
    if any(len(row) != d for row in X):
        raise ValueError("rows of different lengths")

    def centred(i, j):
        return X[i][j] - sum(row[j] for row in X) / n

    C = [
        [sum(centred(i, a) * centred(i, b) for i in range(n)) / (n - 1) for b in range(d)]
        for a in range(d)
    ]
    if all(c == 0.0 for row in C for c in row):
        raise ValueError("the data has no variance: every row is the same")
    rng = random.Random(1)
    v = [rng.uniform(-1.0, 1.0) for _ in range(d)]
    for _ in range(max_iter):
        w = [sum(C[a][b] * v[b] for b in range(d)) for a in range(d)]
        norm = math.sqrt(sum(x * x for x in w))
        w = [x / norm for x in w]
        done = math.sqrt(sum((a - b) ** 2 for a, b in zip(w, v, strict=True))) < tol
        v = w
        if done:
            break
    else:
        raise RuntimeError(f"power iteration did not converge in {max_iter} iterations")
    if next(x for x in v if abs(x) > 1e-6) < 0:
        v = [-x for x in v]
    Cv = [sum(C[a][b] * v[b] for b in range(d)) for a in range(d)]
    return v, sum(a * b for a, b in zip(v, Cv, strict=True))
