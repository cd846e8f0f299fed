import heapq


class _Ranked:
    """A pair ordered so that the smallest is the worst: lower score, or on equal scores
    the larger item. The heap's root is then the first pair to evict."""

    __slots__ = ("item", "score")

    def __init__(self, item, score):
        self.item = item
        self.score = score

    def __lt__(self, other):
        if self.score != other.score:
            return self.score < other.score
        return self.item > other.item


def top_k(pairs, k):
    """Return the k (item, score) pairs with the highest scores, best first; equal
    scores are ordered by item, ascending. Read `pairs` once, keep O(k) memory."""
    if k <= 0:
        return []
    heap = []
    for item, score in pairs:
        entry = _Ranked(item, score)
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif heap[0] < entry:  # better than the worst kept pair
            heapq.heapreplace(heap, entry)
    worst_first = [heapq.heappop(heap) for _ in range(len(heap))]  # k log k
    return [(e.item, e.score) for e in reversed(worst_first)]
