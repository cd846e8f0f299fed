def daily_active_users(events):
    """Return {"YYYY-MM-DD": number of distinct users active that UTC day}.

    Events are (user_id, unix_seconds); events with user_id None are ignored.
    """
    raise NotImplementedError("group distinct users by UTC day")
