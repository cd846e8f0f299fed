import random


def sample_negatives(positives, n_items, k, seed):
    """Return {user: sorted list of k distinct items not in that user's positives},
    sampled with random.Random(seed); fewer if fewer candidates exist."""
    if k < 0:
        raise ValueError("k must be 0 or more")
    rng = random.Random(seed)
    negatives = {}
    for user, items in positives.items():
        seen = set(items)
        candidates = [item for item in range(n_items) if item not in seen]
        if len(candidates) <= k:
            negatives[user] = candidates  # already sorted
        else:
            negatives[user] = sorted(rng.sample(candidates, k))
    return negatives
