import random


def sample_negatives(positives, n_items, k, seed):
    """Return {user: sorted list of k distinct items not in that user's positives},
    sampled with random.Random(seed); fewer if fewer candidates exist."""
    random.seed(seed)
    return {
        user: sorted(random.sample(range(n_items), min(k, n_items)))
        for user, items in positives.items()
    }
