def top_k(pairs, k):
    """Return the k (item, score) pairs with the highest scores, best first; equal
    scores are ordered by item, ascending. Read `pairs` once, keep O(k) memory."""
    raise NotImplementedError("keep a min-heap of the k best pairs seen so far")
