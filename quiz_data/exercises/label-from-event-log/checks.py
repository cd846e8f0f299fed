import random

FUNCTION = "purchase_labels"
INPUTS_READ_ONLY = True

EVENTS = [
    ("u1", 100, "view"),
    ("u1", 150, "purchase"),
    ("u2", 200, "purchase"),
    ("u1", 400, "purchase"),
    ("u3", 120, "add_to_cart"),
]

EXAMPLES = [
    {
        "name": "inside, at the prediction time, and unfinished",
        "args": [[("u1", 150, "purchase")], [("u1", 100), ("u1", 150), ("u1", 950)], 100, 1000],
        "expected": [1, 0, None],
    },
]

CASES = [
    {
        "name": "a purchase exactly at the end of the window counts",
        "args": [EVENTS, [("u2", 100)], 100, 1000],
        "expected": [1],
    },
    {
        "name": "a purchase at the prediction time does not count",
        "args": [EVENTS, [("u2", 200)], 100, 1000],
        "expected": [0],
    },
    {
        "name": "other event types do not count",
        "args": [EVENTS, [("u1", 0), ("u3", 100)], 100, 1000],
        "expected": [0, 0],
    },
    {
        "name": "another user's purchase does not count",
        "args": [EVENTS, [("u1", 160)], 100, 1000],
        "expected": [0],
    },
    {
        "name": "a user never seen in the log",
        "args": [EVENTS, [("u9", 10)], 100, 1000],
        "expected": [0],
    },
    {
        "name": "a window ending exactly at log_end is complete",
        "args": [EVENTS, [("u1", 900), ("u1", 901)], 100, 1000],
        "expected": [0, None],
    },
    {
        "name": "an unfinished window is None even after a purchase",
        "args": [EVENTS, [("u1", 350)], 100, 420],
        "expected": [None],
    },
    {
        "name": "events not in time order",
        "args": [list(reversed(EVENTS)), [("u1", 300), ("u1", 120)], 100, 1000],
        "expected": [1, 1],
    },
    {
        "name": "no events",
        "args": [[], [("u1", 10), ("u2", 990)], 50, 1000],
        "expected": [0, None],
    },
    {
        "name": "no queries",
        "args": [EVENTS, [], 100, 1000],
        "expected": [],
    },
    {"name": "a horizon of 0", "args": [EVENTS, [("u1", 10)], 0, 1000], "raises": "ValueError"},
]

NAME = "purchases outside (t, t + horizon] never change a label"


def extra_checks(fn):
    rng = random.Random(29)
    for _ in range(100):
        t, horizon = rng.randint(0, 100), rng.randint(1, 30)
        inside = rng.random() < 0.5
        events = [("u", t + rng.randint(1, horizon), "purchase")] if inside else []
        events += [
            ("u", t - rng.randint(0, 50), "purchase"),
            ("u", t + horizon + rng.randint(1, 50), "purchase"),
            ("u", t + rng.randint(1, horizon), "view"),
        ]
        rng.shuffle(events)
        want = [int(inside)]
        got = fn(events, [("u", t)], horizon, 10_000)
        if got != want:
            message = (
                f"purchase_labels({events}, [('u', {t})], {horizon}, 10000) "
                f"-> expected {want}, got {got!r}"
            )
            return [(NAME, False, message)]
    return [(NAME, True, "")]


def complexity_input(n):
    """n events of n / 8 users (a third of them purchases) and n queries, horizon 50."""
    rng = random.Random(n)
    kinds = ["purchase", "view", "add_to_cart"]
    events = [
        (f"u{rng.randrange(n // 8)}", rng.randrange(10 * n), rng.choice(kinds)) for _ in range(n)
    ]
    queries = [(f"u{rng.randrange(n // 8)}", rng.randrange(10 * n)) for _ in range(n)]
    return [events, queries, 50, 10 * n]
