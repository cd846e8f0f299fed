def cosine_top_k(query, docs, k):
    """Return the k (doc_id, score) pairs with the highest cosine similarity to
    `query`, best first; ties by id, ascending; a zero vector scores 0.0."""
    raise NotImplementedError("score each document, keeping the k best in a min-heap")
