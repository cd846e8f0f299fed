import heapq
import math


class _Hit:
    """A scored document, ordered so that the smallest is the first to evict: a lower
    score, or on equal scores the larger id."""

    __slots__ = ("doc_id", "score")

    def __init__(self, doc_id, score):
        self.doc_id = doc_id
        self.score = score

    def __lt__(self, other):
        if self.score != other.score:
            return self.score < other.score
        return self.doc_id > other.doc_id


def _norm(vector):
    return math.sqrt(sum(w * w for w in vector.values()))


def cosine_top_k(query, docs, k):
    """Return the k (doc_id, score) pairs with the highest cosine similarity to
    `query`, best first; ties by id, ascending; a zero vector scores 0.0."""
    if k <= 0:
        return []
    norm_q = _norm(query)
    heap = []
    for doc_id, vector in docs.items():
        norm_d = _norm(vector)
        if norm_q == 0 or norm_d == 0:
            score = 0.0
        else:
            small, large = (query, vector) if len(query) <= len(vector) else (vector, query)
            dot = sum(w * large[t] for t, w in small.items() if t in large)
            score = dot / (norm_q * norm_d)
        hit = _Hit(doc_id, score)
        if len(heap) < k:
            heapq.heappush(heap, hit)
        elif heap[0] < hit:  # beats the worst kept hit
            heapq.heapreplace(heap, hit)
    worst_first = [heapq.heappop(heap) for _ in range(len(heap))]
    return [(h.doc_id, h.score) for h in reversed(worst_first)]
