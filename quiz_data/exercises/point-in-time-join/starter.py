def point_in_time_join(labels, features):
    """For each (entity, label_ts) label, the value of the entity's latest feature row
    with feature_ts strictly before label_ts (on equal timestamps, the last row in
    `features`), or None. The result is aligned with `labels`."""
    raise NotImplementedError("group the features by entity and sort each group by time")
