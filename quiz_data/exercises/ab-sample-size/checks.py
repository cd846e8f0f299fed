FUNCTION = "sample_size_per_arm"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "10% baseline, a 2-point lift, the defaults",
        "args": [0.10, 0.02],
        "expected": 3841,
    },
    {
        "name": "a higher power needs more users",
        "args": [0.10, 0.02, 0.05, 0.9],
        "expected": 5142,
    },
]

CASES = [
    {"name": "5% baseline, a 1-point lift", "args": [0.05, 0.01], "expected": 8158},
    {"name": "a negative mde (detecting a drop)", "args": [0.3, -0.05], "expected": 1251},
    {"name": "alpha 0.01 and power 0.95", "args": [0.5, 0.1, 0.01, 0.95], "expected": 879},
    {"name": "a tiny lift on a rare event", "args": [0.02, 0.001], "expected": 315206},
    {
        "name": "a very strict alpha: a quantile far in the tail",
        "args": [0.10, 0.02],
        "kwargs": {"alpha": 1e-6},
        "expected": 16088,
    },
    {"name": "a rate close to 1", "args": [0.9, 0.09], "expected": 100},
    {"name": "power 0.5: z_b is 0", "args": [0.2, 0.05, 0.1, 0.5], "expected": 378},
    {"name": "power 0.99", "args": [0.01, 0.005, 0.05, 0.99], "expected": 18138},
    {"name": "no lift at all", "args": [0.1, 0.0], "raises": "ValueError"},
    {"name": "a treatment rate above 1", "args": [0.95, 0.1], "raises": "ValueError"},
    {"name": "a baseline of 0", "args": [0.0, 0.05], "raises": "ValueError"},
    {"name": "alpha of 0", "args": [0.1, 0.02, 0.0, 0.8], "raises": "ValueError"},
    {"name": "power of 1", "args": [0.1, 0.02, 0.05, 1.0], "raises": "ValueError"},
]


def extra_checks(fn):
    got = fn(0.10, 0.02)
    return [
        (
            "the answer is a whole number of users (an int)",
            type(got) is int,
            f"sample_size_per_arm(0.1, 0.02) -> expected the int 3841, got {got!r} "
            f"(a {type(got).__name__})",
        )
    ]
