from bisect import bisect_left


def point_in_time_join(labels, features):
    """For each (entity, label_ts) label, the value of the entity's latest feature row
    with feature_ts strictly before label_ts (on equal timestamps, the last row in
    `features`), or None. The result is aligned with `labels`."""
    by_entity = {}
    for entity, ts, value in features:
        by_entity.setdefault(entity, []).append((ts, value))
    history = {}
    for entity, rows in by_entity.items():
        rows.sort(key=lambda row: row[0])  # stable: equal timestamps keep the input order
        history[entity] = ([ts for ts, _ in rows], [value for _, value in rows])
    out = []
    for entity, label_ts in labels:
        if entity not in history:
            out.append(None)
            continue
        times, values = history[entity]
        # times[:i] are all < label_ts; times[i - 1] is the latest of them, and among
        # equal timestamps it is the last one in the input
        i = bisect_left(times, label_ts)
        out.append(values[i - 1] if i > 0 else None)
    return out
