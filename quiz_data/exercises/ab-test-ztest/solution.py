import math

Z_975 = 1.959963984540054  # the standard normal's 97.5% quantile: a two-sided 95% interval


def ab_ztest(conv_a, n_a, conv_b, n_b):
    """Two-proportion z-test of B against A.

    Return {"z", "p_value", "diff", "ci_low", "ci_high"}: z from the pooled standard
    error, a two-sided p-value, and the 95% interval of p_b - p_a from the unpooled one.
    Raise ValueError for an empty arm, impossible counts, or a pooled rate of 0 or 1.
    """
    for name, conv, n in (("A", conv_a, n_a), ("B", conv_b, n_b)):
        if n <= 0:
            raise ValueError(f"arm {name} has no users (n = {n})")
        if not 0 <= conv <= n:
            raise ValueError(f"arm {name} has {conv} conversions out of {n} users")
    pooled = (conv_a + conv_b) / (n_a + n_b)
    if pooled in (0.0, 1.0):
        raise ValueError(
            f"the pooled conversion rate is {pooled:g}: with no variation the z-test is undefined"
        )
    p_a, p_b = conv_a / n_a, conv_b / n_b
    diff = p_b - p_a
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = diff / se_pooled
    # P(|Z| >= |z|) = erfc(|z| / sqrt 2); 1 - erf(...) would round to 0 far in the tail
    p_value = math.erfc(abs(z) / math.sqrt(2))
    se = math.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    return {
        "z": z,
        "p_value": p_value,
        "diff": diff,
        "ci_low": diff - Z_975 * se,
        "ci_high": diff + Z_975 * se,
    }
