def point_in_time_join(labels, features):
    """Correct, but scans every feature row for every label: O(L F), which is O(n^2)
    when both tables grow."""
    out = []
    for entity, label_ts in labels:
        best, best_ts = None, None
        for f_entity, f_ts, value in features:
            if f_entity == entity and f_ts < label_ts and (best_ts is None or f_ts >= best_ts):
                best, best_ts = value, f_ts
        out.append(best)
    return out
