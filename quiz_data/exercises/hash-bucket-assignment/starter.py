def assign_variant(user_id, salt, split, holdout=0):
    """The arm of `user_id` in the experiment named `salt`: bucket = first 8 bytes of
    sha256(f"{salt}:{user_id}") as a big-endian int, mod 10000; buckets below `holdout`
    are "holdout", the rest go to the (variant, share) pairs of `split` in order."""
    raise NotImplementedError("hash salt:user with hashlib.sha256, then walk the shares")
