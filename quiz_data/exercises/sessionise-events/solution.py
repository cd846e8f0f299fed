def sessionise(events, gap=1800):
    """Split each user's events into sessions separated by more than `gap` seconds of
    inactivity.

    `events` is an unsorted list of (user, timestamp) pairs. Return
    {user: [(start, end, count), ...]} with sessions in time order; raise ValueError
    for a negative gap.
    """
    if gap < 0:
        raise ValueError(f"gap must be 0 or more seconds, got {gap}")
    by_user = {}
    for user, ts in events:  # O(n) grouping: one dict lookup per event
        by_user.setdefault(user, []).append(ts)
    sessions = {}
    for user, times in by_user.items():
        times.sort()  # sum of n_u log n_u <= n log n
        out = []
        start = end = times[0]
        count = 1
        for ts in times[1:]:
            if ts - end > gap:  # measured from the previous event, not the session start
                out.append((start, end, count))
                start, count = ts, 0
            end = ts
            count += 1
        out.append((start, end, count))
        sessions[user] = out
    return sessions
