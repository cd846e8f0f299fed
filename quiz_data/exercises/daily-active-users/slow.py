from datetime import UTC, datetime


def daily_active_users(events):
    """Correct, but each day keeps its users in a list, and `user not in list` scans it:
    O(events * users), quadratic on a real log."""
    users_by_day = {}
    for user, ts in events:
        if user is None:
            continue
        day = datetime.fromtimestamp(ts, tz=UTC).date().isoformat()
        seen = users_by_day.setdefault(day, [])
        if user not in seen:
            seen.append(user)
    return {day: len(users) for day, users in sorted(users_by_day.items())}
