def sessionise(events, gap=1800):
    """Correct, but scans the whole log once per user to collect that user's events:
    O(n U) for U users, which is O(n^2) when the number of users grows with n."""
    if gap < 0:
        raise ValueError(f"gap must be 0 or more seconds, got {gap}")
    users = []
    for user, _ in events:
        if user not in users:
            users.append(user)
    sessions = {}
    for user in users:
        times = sorted(ts for u, ts in events if u == user)
        out = []
        for ts in times:
            if out and ts - out[-1][1] <= gap:
                start, _, count = out[-1]
                out[-1] = (start, ts, count + 1)
            else:
                out.append((ts, ts, 1))
        sessions[user] = out
    return sessions
