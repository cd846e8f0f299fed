import math


def cosine_top_k(query, docs, k):
    """Correct, but keeps the best hits in a list ordered by walking it for every
    document: O(k) per document, so O(n k), which is O(n^2) when k grows with n."""
    if k <= 0:
        return []
    norm_q = math.sqrt(sum(w * w for w in query.values()))
    kept = []  # best first
    for doc_id, vector in docs.items():
        norm_d = math.sqrt(sum(w * w for w in vector.values()))
        if norm_q == 0 or norm_d == 0:
            score = 0.0
        else:
            dot = sum(w * vector[t] for t, w in query.items() if t in vector)
            score = dot / (norm_q * norm_d)
        place = 0
        while place < len(kept) and (
            kept[place][1] > score or (kept[place][1] == score and kept[place][0] < doc_id)
        ):
            place += 1
        if place < k:
            kept = [*kept[:place], (doc_id, score), *kept[place : k - 1]]
    return kept
