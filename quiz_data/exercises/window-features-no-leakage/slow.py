def window_features(events, queries, window):
    """Correct, but scans every event for every query: O(events * queries)."""
    if window <= 0:
        raise ValueError("window must be positive")
    out = []
    for user, t in queries:
        count, total = 0, 0
        for other, ts, amount in events:
            if other == user and t - window <= ts < t:
                count += 1
                total += amount
        out.append((count, total))
    return out
