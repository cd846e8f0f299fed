import bisect
from collections import defaultdict


def window_features(events, queries, window):
    """For each (user_id, prediction_time) query, return (count, total amount) of that
    user's events with prediction_time - window <= timestamp < prediction_time."""
    if window <= 0:
        raise ValueError("window must be positive")
    by_user = defaultdict(list)
    for user, ts, amount in events:
        by_user[user].append((ts, amount))

    index = {}  # user -> (sorted timestamps, prefix sums of amounts)
    for user, rows in by_user.items():
        rows.sort(key=lambda r: r[0])
        prefix = [0]
        for _, amount in rows:
            prefix.append(prefix[-1] + amount)
        index[user] = ([ts for ts, _ in rows], prefix)

    out = []
    for user, t in queries:
        if user not in index:
            out.append((0, 0))
            continue
        times, prefix = index[user]
        lo = bisect.bisect_left(times, t - window)  # first event at or after the lower edge
        hi = bisect.bisect_left(times, t)  # first event at or after t: excluded
        out.append((hi - lo, prefix[hi] - prefix[lo]))
    return out
