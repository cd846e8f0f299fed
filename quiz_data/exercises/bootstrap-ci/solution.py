import math


def _mean(values):
    return sum(values) / len(values)


def _percentile(ordered, q):
    """Linear interpolation at position q * (B - 1) of a sorted list."""
    h = q * (len(ordered) - 1)
    i = math.floor(h)
    if i + 1 >= len(ordered):
        return ordered[-1]
    return ordered[i] + (h - i) * (ordered[i + 1] - ordered[i])


def bootstrap_ci(data, n_resamples, rng, level=0.95, statistic=None):
    """Percentile bootstrap interval of `statistic` (default: the mean) at `level`.

    Each resample draws len(data) indices with rng.randrange(len(data)), in order; the
    bounds interpolate linearly between the sorted resampled values.
    Raise ValueError for empty data, n_resamples < 1 or level outside (0, 1).
    """
    if not data:
        raise ValueError("empty data: there is nothing to resample")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    if not 0 < level < 1:
        raise ValueError(f"level must be in (0, 1), got {level!r}")
    stat = _mean if statistic is None else statistic
    n = len(data)
    values = []
    for _ in range(n_resamples):
        resample = [data[rng.randrange(n)] for _ in range(n)]
        values.append(stat(resample))
    values.sort()
    tail = (1 - level) / 2
    return (_percentile(values, tail), _percentile(values, 1 - tail))
