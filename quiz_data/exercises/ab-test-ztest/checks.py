FUNCTION = "ab_ztest"


def result(z, p_value, diff, ci_low, ci_high):
    return {"z": z, "p_value": p_value, "diff": diff, "ci_low": ci_low, "ci_high": ci_high}


EXAMPLES = [
    {
        "name": "B converts 12.5% against 10%",
        "args": [200, 2000, 250, 2000],
        "expected": result(
            2.501955416802671,
            0.012350947711191435,
            0.025,
            0.005431008554656027,
            0.04456899144534396,
        ),
    },
    {
        "name": "equal rates: z = 0 and p = 1",
        "args": [50, 1000, 50, 1000],
        "expected": result(0.0, 1.0, 0.0, -0.01910336588054424, 0.01910336588054424),
    },
]

CASES = [
    {
        "name": "B is worse: z and the difference are negative",
        "args": [120, 1000, 95, 1000],
        "expected": result(
            -1.8047484035755383,
            0.07111406169644638,
            -0.025,
            -0.052127983219813386,
            0.0021279832198133966,
        ),
    },
    {
        "name": "arms of different sizes",
        "args": [30, 400, 90, 1600],
        "expected": result(
            -1.41233170716508,
            0.15785231456665783,
            -0.01875,
            -0.04692281785700991,
            0.009422817857009925,
        ),
    },
    {
        "name": "one arm with no conversions",
        "args": [0, 500, 5, 500],
        "expected": result(
            2.2416791983111017,
            0.024982113243368576,
            0.01,
            0.0012787108378552407,
            0.018721289162144758,
        ),
    },
    {
        "name": "one arm where every user converted",
        "args": [100, 100, 90, 100],
        "expected": result(
            -3.2444284226152487,
            0.001176865910624748,
            -0.1,
            -0.1587989195362016,
            -0.04120108046379837,
        ),
    },
    {
        "name": "tiny arms: the interval is not clipped to [-1, 1]",
        "args": [1, 3, 2, 3],
        "expected": result(
            0.816496580927726,
            0.41421617824252516,
            0.3333333333333333,
            -0.42105715605078103,
            1.0877238227174477,
        ),
    },
    {"name": "no conversions in either arm", "args": [0, 1000, 0, 1000], "raises": "ValueError"},
    {"name": "every user converted in both arms", "args": [40, 40, 25, 25], "raises": "ValueError"},
    {"name": "an empty arm", "args": [0, 0, 10, 100], "raises": "ValueError"},
    {"name": "more conversions than users", "args": [11, 10, 5, 10], "raises": "ValueError"},
    {"name": "a negative count", "args": [-1, 10, 5, 10], "raises": "ValueError"},
]


def extra_checks(fn):
    got = fn(200, 1000, 400, 1000)
    want = 1.6881029611452924e-22
    p = got.get("p_value") if isinstance(got, dict) else None
    ok = isinstance(p, float) and p > 0 and abs(p - want) <= 1e-6 * want
    return [
        (
            "a p-value far in the tail keeps its significant digits",
            ok,
            f"ab_ztest(200, 1000, 400, 1000)['p_value'] -> expected {want!r} (z is about "
            f"9.76), got {p!r}",
        )
    ]
