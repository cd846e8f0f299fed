import random

FUNCTION = "window_features"
INPUTS_READ_ONLY = True

EVENTS = [("a", 10, 5.0), ("a", 20, 3.0), ("a", 30, 2.0), ("b", 25, 7.0)]

EXAMPLES = [
    {
        "name": "the event at the prediction time is excluded",
        "args": [EVENTS, [("a", 30)], 15],
        "expected": [(1, 3.0)],
    },
    {
        "name": "the lower edge of the window is included",
        "args": [EVENTS, [("a", 25)], 15],
        "expected": [(2, 8.0)],
    },
]

CASES = [
    {
        "name": "several queries, answered in query order",
        "args": [EVENTS, [("b", 26), ("a", 31), ("b", 25)], 100],
        "expected": [(1, 7.0), (3, 10.0), (0, 0)],
    },
    {
        "name": "a user never seen in the events",
        "args": [EVENTS, [("c", 30)], 15],
        "expected": [(0, 0)],
    },
    {
        "name": "events not sorted by time",
        "args": [[("u", 9, 1.0), ("u", 3, 2.0), ("u", 7, 4.0), ("u", 1, 8.0)], [("u", 8)], 5],
        "expected": [(2, 6.0)],
    },
    {
        "name": "the same query twice",
        "args": [EVENTS, [("a", 21), ("a", 21)], 20],
        "expected": [(2, 8.0), (2, 8.0)],
    },
    {
        "name": "identical event rows both count",
        "args": [[("u", 5, 1.5), ("u", 5, 1.5)], [("u", 6)], 10],
        "expected": [(2, 3.0)],
    },
    {
        "name": "no events at all",
        "args": [[], [("a", 10)], 5],
        "expected": [(0, 0)],
    },
    {
        "name": "no queries",
        "args": [EVENTS, [], 5],
        "expected": [],
    },
    {"name": "a window of 0", "args": [EVENTS, [("a", 30)], 0], "raises": "ValueError"},
]


def direct(events, user, t, window):
    rows = [a for u, ts, a in events if u == user and t - window <= ts < t]
    return (len(rows), sum(rows))


def as_pairs(result):
    """The result as a list of (count, total) tuples, or None if it has another shape."""
    try:
        return [(row[0], row[1]) for row in result]
    except Exception:
        return None


LEAK = "rows at or after the prediction time, or older than the window, are ignored"


def extra_checks(fn):
    rng = random.Random(17)
    for _ in range(100):
        events = [
            (rng.choice("xyz"), rng.randint(0, 50), float(rng.randint(1, 9))) for _ in range(12)
        ]
        user, t, window = rng.choice("xyz"), rng.randint(10, 50), rng.randint(1, 20)
        noise = [(user, t + rng.randint(0, 10), 100.0), (user, t - window - 1, 1000.0)]
        got = as_pairs(fn(events + noise, [(user, t)], window))
        want = [direct(events, user, t, window)]
        if got != want:
            message = (
                f"window_features({events + noise}, [{(user, t)!r}], {window}) "
                f"-> expected {want}, got {got!r}"
            )
            return [(LEAK, False, message)]
    return [(LEAK, True, "")]


def complexity_input(n):
    """n events of n / 8 users and n queries, window 100."""
    rng = random.Random(n)
    events = [
        (f"u{rng.randrange(n // 8)}", rng.randrange(10 * n), rng.randint(1, 9)) for _ in range(n)
    ]
    queries = [(f"u{rng.randrange(n // 8)}", rng.randrange(10 * n)) for _ in range(n)]
    return [events, queries, 100]
