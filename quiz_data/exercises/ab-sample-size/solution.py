import math


def normal_quantile(prob):
    """The x with P(Z <= x) = prob for a standard normal Z, by bisection.

    It solves for the smaller tail, 0.5 * erfc(x / sqrt 2) = min(prob, 1 - prob), with
    x >= 0, then uses the symmetry of the normal: erfc keeps its precision far out in
    the tail, where 0.5 * (1 + erf(...)) is indistinguishable from 1.
    """
    tail = min(prob, 1.0 - prob)
    lo, hi = 0.0, 40.0
    for _ in range(200):  # more halvings than float precision needs; stops when stuck
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        if 0.5 * math.erfc(mid / math.sqrt(2)) > tail:  # tail still too heavy: go right
            lo = mid
        else:
            hi = mid
    x = (lo + hi) / 2
    return x if prob >= 0.5 else -x


def sample_size_per_arm(baseline, mde, alpha=0.05, power=0.8):
    """Users needed in each arm of a two-proportion test to detect p2 = baseline + mde.

    Normal approximation, two-sided at level alpha, with the given power; rounded up.
    Raise ValueError for rates outside (0, 1), mde = 0, or alpha or power outside (0, 1).
    """
    p1, p2 = baseline, baseline + mde
    if not (0 < p1 < 1 and 0 < p2 < 1):
        raise ValueError(f"both rates must be in (0, 1), got {p1!r} and {p2!r}")
    if mde == 0:
        raise ValueError("mde must not be 0: no sample can detect a change of nothing")
    if not (0 < alpha < 1 and 0 < power < 1):
        raise ValueError(f"alpha and power must be in (0, 1), got {alpha!r} and {power!r}")
    z_a = normal_quantile(1 - alpha / 2)
    z_b = normal_quantile(power)
    q = (p1 + p2) / 2
    root = z_a * math.sqrt(2 * q * (1 - q)) + z_b * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(root**2 / mde**2)
