from collections import Counter

FUNCTION = "assign_variant"
INPUTS_READ_ONLY = True

HALF = [("control", 5000), ("treatment", 5000)]
ARMS = [("control", 4500), ("treatment", 4500)]
SALT = "checkout-2026"

EXAMPLES = [
    {
        "name": "alice: bucket 2071 of a 50/50 split",
        "args": ["alice", "exp1", HALF],
        "expected": "control",
    },
    {"name": "carol: bucket 6666", "args": ["carol", "exp1", HALF], "expected": "treatment"},
    {
        "name": "a 10% holdout: bucket 999",
        "args": ["user-20640", SALT, ARMS, 1000],
        "expected": "holdout",
    },
]

CASES = [
    {
        "name": "bucket 0 is held out",
        "args": ["user-19198", SALT, ARMS, 1000],
        "expected": "holdout",
    },
    {
        "name": "bucket 1000 is the first after the holdout",
        "args": ["user-8152", SALT, ARMS, 1000],
        "expected": "control",
    },
    {
        "name": "bucket 5499 is the last of control",
        "args": ["user-8606", SALT, ARMS, 1000],
        "expected": "control",
    },
    {
        "name": "bucket 5500 is the first of treatment",
        "args": ["user-42146", SALT, ARMS, 1000],
        "expected": "treatment",
    },
    {"name": "bucket 9999", "args": ["user-525", SALT, ARMS, 1000], "expected": "treatment"},
    {
        "name": "the salt changes the bucket: alice in another experiment",
        "args": ["alice", SALT, ARMS, 1000],
        "expected": "control",
    },
    {
        "name": "three arms: bucket 4999 falls in the second",
        "args": ["user-4287", "exp1", [("a", 3334), ("b", 3333), ("c", 3333)]],
        "expected": "b",
    },
    {
        "name": "a share of 0 never gets anyone",
        "args": ["user-3420", "exp1", [("a", 5000), ("b", 0), ("c", 5000)]],
        "expected": "c",
    },
    {
        "name": "an empty user id is still hashed",
        "args": ["", SALT, ARMS, 1000],
        "expected": "treatment",
    },
    {"name": "a non-ASCII user id", "args": ["zoë", "exp1", HALF], "expected": "treatment"},
    {
        "name": "no variants: a full holdout",
        "args": ["bob", "exp1", [], 10000],
        "expected": "holdout",
    },
    {
        "name": "shares that do not add up",
        "args": ["bob", "exp1", [("control", 5000), ("treatment", 4000)]],
        "raises": "ValueError",
    },
    {
        "name": "a negative share",
        "args": ["bob", "exp1", [("control", 11000), ("treatment", -1000)]],
        "raises": "ValueError",
    },
]


def extra_checks(fn):
    out = []
    users = [f"u{i}" for i in range(20000)]
    split = [("control", 4500), ("treatment", 4500)]
    counts = Counter(fn(u, "balance", split, 1000) for u in users)
    want = {"holdout": 2000, "control": 9000, "treatment": 9000}
    balanced = set(counts) == set(want) and all(abs(counts[k] - v) <= 300 for k, v in want.items())
    out.append(
        (
            "20,000 users split close to the shares",
            balanced,
            f"assign_variant('u0' ... 'u19999', 'balance', {split}, 1000) -> expected about "
            f"{want} (within 300), got {dict(counts)}",
        )
    )

    again = [fn(u, "balance", split, 1000) for u in reversed(users[:500])]
    first = [fn(u, "balance", split, 1000) for u in users[:500]]
    out.append(
        (
            "the same user always gets the same arm",
            again[::-1] == first,
            "assign_variant(user, 'balance', ...) for 500 users, called twice -> expected "
            "the same arms both times, got a difference",
        )
    )

    half = [("control", 5000), ("treatment", 5000)]
    cells = Counter((fn(u, "exp-a", half), fn(u, "exp-b", half)) for u in users)
    keys = [(a, b) for a in ("control", "treatment") for b in ("control", "treatment")]
    independent = all(abs(cells[k] - 5000) <= 300 for k in keys)
    out.append(
        (
            "two salts split users independently",
            independent,
            "assign_variant(user, 'exp-a', 50/50) against assign_variant(user, 'exp-b', "
            f"50/50) for 20,000 users -> expected about 5000 in each of the four "
            f"combinations, got {[cells[k] for k in keys]}",
        )
    )
    return out
