def sample_size_per_arm(baseline, mde, alpha=0.05, power=0.8):
    """Users needed in each arm of a two-proportion test to detect p2 = baseline + mde.

    Normal approximation, two-sided at level alpha, with the given power; rounded up.
    Raise ValueError for rates outside (0, 1), mde = 0, or alpha or power outside (0, 1).
    """
    raise NotImplementedError("write the normal quantile first (bisection), then the formula")
