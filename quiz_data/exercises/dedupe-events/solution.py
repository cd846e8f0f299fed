def dedupe_events(events, window):
    """Return the events kept, in timestamp order: an event is dropped when the last
    kept event with the same key is at most `window` earlier."""
    if window < 0:
        raise ValueError("window must be 0 or more")
    last_kept = {}  # key -> timestamp of the last kept event
    kept = []
    for event in sorted(events, key=lambda e: e[1]):  # sorted() is stable and makes a copy
        key, ts, _ = event
        if key in last_kept and ts - last_kept[key] <= window:
            continue
        last_kept[key] = ts
        kept.append(event)
    return kept
