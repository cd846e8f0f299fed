import hashlib

BUCKETS = 10_000  # basis points: one bucket per 0.01% of traffic


def assign_variant(user_id, salt, split, holdout=0):
    """The arm of `user_id` in the experiment named `salt`: bucket = first 8 bytes of
    sha256(f"{salt}:{user_id}") as a big-endian int, mod 10000; buckets below `holdout`
    are "holdout", the rest go to the (variant, share) pairs of `split` in order."""
    if holdout < 0 or any(share < 0 for _, share in split):
        raise ValueError("holdout and every share must be 0 or more basis points")
    total = holdout + sum(share for _, share in split)
    if total != BUCKETS:
        raise ValueError(f"holdout plus the shares must be {BUCKETS} basis points, got {total}")
    digest = hashlib.sha256(f"{salt}:{user_id}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") % BUCKETS
    if bucket < holdout:
        return "holdout"
    edge = holdout
    for variant, share in split:
        edge += share
        if bucket < edge:
            return variant
    raise AssertionError("unreachable: the shares cover every bucket")
