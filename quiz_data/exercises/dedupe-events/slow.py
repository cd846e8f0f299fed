def dedupe_events(events, window):
    """Correct, but finds the last kept event of a key by walking back through every
    kept event: O(n * kept), quadratic on a real log."""
    if window < 0:
        raise ValueError("window must be 0 or more")
    kept = []
    for event in sorted(events, key=lambda e: e[1]):
        key, ts, _ = event
        duplicate = False
        for other_key, other_ts, _ in reversed(kept):
            if other_key == key:
                duplicate = ts - other_ts <= window
                break
        if not duplicate:
            kept.append(event)
    return kept
