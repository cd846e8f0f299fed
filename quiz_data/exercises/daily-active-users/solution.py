from collections import defaultdict
from datetime import UTC, datetime


def daily_active_users(events):
    """Return {"YYYY-MM-DD": number of distinct users active that UTC day}.

    Events are (user_id, unix_seconds); events with user_id None are ignored.
    """
    users_by_day = defaultdict(set)
    for user, ts in events:
        if user is None:
            continue
        day = datetime.fromtimestamp(ts, tz=UTC).date().isoformat()
        users_by_day[day].add(user)
    return {day: len(users) for day, users in sorted(users_by_day.items())}
