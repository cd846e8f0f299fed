def ab_ztest(conv_a, n_a, conv_b, n_b):
    """Two-proportion z-test of B against A.

    Return {"z", "p_value", "diff", "ci_low", "ci_high"}: z from the pooled standard
    error, a two-sided p-value, and the 95% interval of p_b - p_a from the unpooled one.
    Raise ValueError for an empty arm, impossible counts, or a pooled rate of 0 or 1.
    """
    raise NotImplementedError("compute both rates, the pooled rate, then z and the p-value")
