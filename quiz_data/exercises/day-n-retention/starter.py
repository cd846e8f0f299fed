def day_n_retention(events, n):
    """Return {cohort_day: share of the cohort active exactly n days after it}.

    A user's cohort is their first active day. Cohorts whose day n is after the last
    day in the log are left out. Raise ValueError if n < 0.
    """
    raise NotImplementedError("find each user's first day, then check day + n")
