from itertools import pairwise

FUNCTION = "lr_at"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {"name": "the first warmup step", "args": [0, 1e-3, 100, 1000], "expected": 1e-5},
    {
        "name": "halfway through the decay, with a floor",
        "args": [550, 1e-3, 100, 1000, 1e-5],
        "expected": 0.000505,
    },
]

CASES = [
    {
        "name": "the last warmup step reaches base_lr",
        "args": [99, 1e-3, 100, 1000],
        "expected": 1e-3,
    },
    {"name": "the first decay step is base_lr", "args": [100, 1e-3, 100, 1000], "expected": 1e-3},
    {
        "name": "the last step is just above the floor",
        "args": [999, 0.1, 10, 1000, 0.001],
        "expected": 0.0010002492322252236,
    },
    {"name": "total_steps is the floor", "args": [1000, 0.1, 10, 1000, 0.001], "expected": 0.001},
    {
        "name": "twice past the end: a cosine would climb back to base_lr",
        "args": [1990, 0.1, 10, 1000, 0.001],
        "expected": 0.001,
    },
    {"name": "no warmup: step 0 is base_lr", "args": [0, 0.5, 0, 10], "expected": 0.5},
    {"name": "no warmup, halfway", "args": [5, 0.5, 0, 10], "expected": 0.25},
    {"name": "no warmup, the last step", "args": [9, 0.5, 0, 10], "expected": 0.012235870926211615},
    {"name": "warmup only: its last step", "args": [4, 0.2, 5, 5, 0.01], "expected": 0.2},
    {"name": "warmup only: then the floor", "args": [5, 0.2, 5, 5, 0.01], "expected": 0.01},
    {
        "name": "a flat schedule: min_lr = base_lr",
        "args": [125, 3e-4, 50, 200, 3e-4],
        "expected": 3e-4,
    },
    {"name": "a negative step", "args": [-1, 0.1, 10, 100], "raises": "ValueError"},
    {"name": "warmup longer than training", "args": [0, 0.1, 200, 100], "raises": "ValueError"},
    {"name": "a floor above the peak", "args": [0, 0.1, 10, 100, 0.2], "raises": "ValueError"},
    {"name": "zero total steps", "args": [0, 0.1, 0, 0], "raises": "ValueError"},
]

SCHEDULES = [(1e-3, 100, 1000, 1e-5), (0.5, 0, 10, 0.0), (0.2, 5, 5, 0.01), (0.1, 1, 7, 0.02)]


def _first_break(values, rising):
    """The first index i where values[i + 1] goes the wrong way, or None."""
    for i, (a, b) in enumerate(pairwise(values)):
        if (b < a) if rising else (b > a + 1e-15):
            return i
    return None


def extra_checks(fn):
    bad = ""
    for base, warm, total, floor in SCHEDULES:
        lrs = [fn(s, base, warm, total, floor) for s in range(total + 20)]
        call = f"lr_at(step, {base}, {warm}, {total}, {floor})"
        up = _first_break(lrs[:warm], rising=True)
        down = _first_break(lrs[warm:], rising=False)
        late = [s for s in range(total, total + 20) if abs(lrs[s] - floor) > 1e-12]
        if up is not None:
            got = f"{lrs[up]} then {lrs[up + 1]} at step {up + 1}"
            bad = f"{call} -> expected a rise during warmup, got {got}"
        elif down is not None:
            s = warm + down
            got = f"{lrs[s]} then {lrs[s + 1]} at step {s + 1}"
            bad = f"{call} -> expected no rise after warmup, got {got}"
        elif late:
            got = f"{lrs[late[0]]} at step {late[0]}"
            bad = f"{call} -> expected {floor} from step {total} on, got {got}"
        if bad:
            break
    return [("whole schedules rise, then never rise, then hold the floor", not bad, bad)]
