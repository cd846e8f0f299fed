def sessionise(events, gap=1800):
    """Split each user's events into sessions separated by more than `gap` seconds of
    inactivity.

    `events` is an unsorted list of (user, timestamp) pairs. Return
    {user: [(start, end, count), ...]} with sessions in time order; raise ValueError
    for a negative gap.
    """
    raise NotImplementedError("group the timestamps by user, sort each group, then walk it")
