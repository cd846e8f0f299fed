def running_stats(values):
    """Return (count, mean, sample variance) in one pass over `values`.

    Empty: (0, nan, nan). One value: (1, value, nan).
    """
    n = 0
    mean = 0.0
    m2 = 0.0  # sum of squared distances from the current mean
    for x in values:
        n += 1
        delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)  # uses the old and the new mean: stays accurate
    if n == 0:
        return 0, float("nan"), float("nan")
    if n == 1:
        return 1, mean, float("nan")
    return n, mean, m2 / (n - 1)
