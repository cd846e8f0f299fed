def window_features(events, queries, window):
    """For each (user_id, prediction_time) query, return (count, total amount) of that
    user's events with prediction_time - window <= timestamp < prediction_time."""
    raise NotImplementedError("select each user's events inside the window")
