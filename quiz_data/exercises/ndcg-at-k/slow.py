import math


def ndcg_at_k(ranking, relevance, k):
    """Correct, but builds the ideal list by taking the maximum of what is left k times:
    O(n k) comparisons, which is O(n^2) when k grows with n."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if len(set(ranking)) != len(ranking):
        raise ValueError("ranking repeats an item")
    if any(g < 0 for g in relevance.values()):
        raise ValueError("relevance grades must be 0 or more")
    dcg = 0.0
    for i, item in enumerate(ranking[:k]):
        dcg += (2 ** relevance.get(item, 0) - 1) / math.log2(i + 2)
    left = list(relevance.values())
    idcg = 0.0
    for i in range(min(k, len(left))):
        best = max(left)
        left.remove(best)
        idcg += (2**best - 1) / math.log2(i + 2)
    return dcg / idcg if idcg > 0 else 0.0
