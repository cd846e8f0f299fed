def top_k(pairs, k):
    """Correct, but each new pair walks the list of kept pairs to find its place:
    O(n k) comparisons, which is O(n^2) when k grows with n."""
    if k <= 0:
        return []
    kept = []  # best first
    for item, score in pairs:
        place = 0
        while place < len(kept) and (
            kept[place][1] > score or (kept[place][1] == score and kept[place][0] < item)
        ):
            place += 1
        if place < k:
            kept.insert(place, (item, score))
            if len(kept) > k:
                kept.pop()
    return kept
