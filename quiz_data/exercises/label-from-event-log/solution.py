import bisect
from collections import defaultdict


def purchase_labels(events, queries, horizon, log_end):
    """For each (user_id, prediction_time), return 1 if the user purchased in
    (prediction_time, prediction_time + horizon], 0 if not, and None when that
    window ends after log_end."""
    if horizon <= 0:
        raise ValueError("horizon must be positive")
    purchases = defaultdict(list)
    for user, ts, kind in events:
        if kind == "purchase":
            purchases[user].append(ts)
    for times in purchases.values():
        times.sort()

    labels = []
    for user, t in queries:
        if t + horizon > log_end:
            labels.append(None)  # the window is not fully observed yet
            continue
        times = purchases.get(user, [])
        first_after = bisect.bisect_right(times, t)  # first purchase strictly after t
        labels.append(int(first_after < len(times) and times[first_after] <= t + horizon))
    return labels
