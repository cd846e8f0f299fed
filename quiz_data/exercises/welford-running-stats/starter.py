def running_stats(values):
    """Return (count, mean, sample variance) in one pass over `values`.

    Empty: (0, nan, nan). One value: (1, value, nan).
    """
    n = 0
    total = 0.0
    total_sq = 0.0
    for x in values:
        n += 1
        total += x
        total_sq += x * x
    mean = total / n
    variance = (total_sq - n * mean * mean) / (n - 1)
    return n, mean, variance
