import math


def _dcg(grades):
    """Discounted cumulative gain of grades listed in rank order (position 1 first)."""
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at_k(ranking, relevance, k):
    """NDCG@k: DCG of the first k items of `ranking` (gain 2**grade - 1, discount
    log2(position + 1)) over the DCG of all judged grades in descending order.

    Unjudged items have grade 0; return 0.0 when the ideal DCG is 0. Raise ValueError
    for k < 1, a repeated item or a negative grade.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if len(set(ranking)) != len(ranking):
        raise ValueError("ranking repeats an item: its gain would be counted twice")
    if any(g < 0 for g in relevance.values()):
        raise ValueError("relevance grades must be 0 or more")
    shown = [relevance.get(item, 0) for item in ranking[:k]]
    ideal = sorted(relevance.values(), reverse=True)[:k]
    best = _dcg(ideal)
    return _dcg(shown) / best if best > 0 else 0.0
