def calibration_errors(y_true, y_prob, n_bins=10):
    """Return (ece, mce) over equal-width probability bins.

    Row goes to bin min(int(p * n_bins), n_bins - 1); empty bins are skipped; ECE weights
    each bin's |fraction of positives - mean probability| by its share of the rows.
    """
    raise NotImplementedError("count, sum the labels and sum the probabilities per bin")
