def calibration_errors(y_true, y_prob, n_bins=10):
    """Return (ece, mce) over equal-width probability bins.

    Row goes to bin min(int(p * n_bins), n_bins - 1); empty bins are skipped; ECE weights
    each bin's |fraction of positives - mean probability| by its share of the rows.
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be at least 1, got {n_bins}")
    if len(y_true) != len(y_prob):
        raise ValueError("y_true and y_prob have different lengths")
    if not y_true:
        raise ValueError("empty input: calibration is undefined")
    count = [0] * n_bins
    positives = [0] * n_bins
    prob_sum = [0.0] * n_bins
    for y, p in zip(y_true, y_prob, strict=True):
        if y not in (0, 1):
            raise ValueError(f"labels must be 0 or 1, got {y!r}")
        if not 0.0 <= p <= 1.0:  # also rejects NaN
            raise ValueError(f"probabilities must be in [0, 1], got {p!r}")
        k = min(int(p * n_bins), n_bins - 1)  # p = 1.0 belongs to the last bin
        count[k] += 1
        positives[k] += y
        prob_sum[k] += p
    n = len(y_true)
    ece = mce = 0.0
    for k in range(n_bins):
        if count[k] == 0:
            continue
        gap = abs(positives[k] / count[k] - prob_sum[k] / count[k])
        ece += count[k] / n * gap
        mce = max(mce, gap)
    return (ece, mce)
