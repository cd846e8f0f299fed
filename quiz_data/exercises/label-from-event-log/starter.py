def purchase_labels(events, queries, horizon, log_end):
    """For each (user_id, prediction_time), return 1 if the user purchased in
    (prediction_time, prediction_time + horizon], 0 if not, and None when that
    window ends after log_end."""
    raise NotImplementedError("look for a purchase inside each query's window")
