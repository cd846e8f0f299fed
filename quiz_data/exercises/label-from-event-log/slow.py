def purchase_labels(events, queries, horizon, log_end):
    """Correct, but scans every event for every query: O(events * queries)."""
    if horizon <= 0:
        raise ValueError("horizon must be positive")
    labels = []
    for user, t in queries:
        if t + horizon > log_end:
            labels.append(None)
            continue
        found = 0
        for other, ts, kind in events:
            if other == user and kind == "purchase" and t < ts <= t + horizon:
                found = 1
                break
        labels.append(found)
    return labels
