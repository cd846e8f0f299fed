def bootstrap_ci(data, n_resamples, rng, level=0.95, statistic=None):
    """Percentile bootstrap interval of `statistic` (default: the mean) at `level`.

    Each resample draws len(data) indices with rng.randrange(len(data)), in order; the
    bounds interpolate linearly between the sorted resampled values.
    Raise ValueError for empty data, n_resamples < 1 or level outside (0, 1).
    """
    raise NotImplementedError("resample, sort the statistics, then read two percentiles")
