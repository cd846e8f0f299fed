from collections import defaultdict
from datetime import date, timedelta


def day_n_retention(events, n):
    """Return {cohort_day: share of the cohort active exactly n days after it}.

    A user's cohort is their first active day. Cohorts whose day n is after the last
    day in the log are left out. Raise ValueError if n < 0.
    """
    if n < 0:
        raise ValueError("n must be 0 or more")
    active = defaultdict(set)  # user -> set of active dates
    for user, day in events:
        active[user].add(date.fromisoformat(day))
    if not active:
        return {}
    last_day = max(max(days) for days in active.values())

    cohort_size = defaultdict(int)
    retained = defaultdict(int)
    for days in active.values():
        cohort = min(days)
        if cohort + timedelta(days=n) > last_day:
            continue  # not measurable yet
        cohort_size[cohort] += 1
        retained[cohort] += (cohort + timedelta(days=n)) in days
    return {c.isoformat(): retained[c] / cohort_size[c] for c in sorted(cohort_size)}
