def ndcg_at_k(ranking, relevance, k):
    """NDCG@k: DCG of the first k items of `ranking` (gain 2**grade - 1, discount
    log2(position + 1)) over the DCG of all judged grades in descending order.

    Unjudged items have grade 0; return 0.0 when the ideal DCG is 0. Raise ValueError
    for k < 1, a repeated item or a negative grade.
    """
    raise NotImplementedError("write a dcg over a list of grades, then use it twice")
