FUNCTION = "adam"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "one step moves each parameter by about lr",
        "args": [[1.0, -2.0], [[0.5, -3.0]]],
        "kwargs": {"lr": 0.1},
        "expected": [0.900000002, -1.9000000003333333],
    },
    {
        "name": "three steps",
        "args": [[0.0, 1.0], [[1.0, 2.0], [-1.0, 2.0], [0.5, -1.0]]],
        "kwargs": {"lr": 0.01},
        "expected": [-0.011220939437527768, 0.9748434660719231],
    },
]
CASES = [
    {
        "name": "a tiny gradient still moves by about lr: bias correction",
        "args": [[0.0], [[1e-06]]],
        "kwargs": {"lr": 0.1},
        "expected": [-0.09900990099009901],
    },
    {
        "name": "eps is added outside the square root",
        "args": [[0.0], [[1e-09], [1e-09]]],
        "kwargs": {"lr": 1.0},
        "expected": [-0.18181818181818177],
    },
    {
        "name": "a zero gradient does not move and does not divide by zero",
        "args": [[3.0, -1.0], [[0.0, 0.0], [0.0, 0.0]]],
        "expected": [3.0, -1.0],
    },
    {
        "name": "L2 weight decay goes through the moments",
        "args": [[10.0], [[0.0], [0.0], [0.0]]],
        "kwargs": {"lr": 0.01, "weight_decay": 0.5},
        "expected": [9.970000960561372],
    },
    {
        "name": "decoupled weight decay shrinks the parameter directly",
        "args": [[10.0], [[0.0], [0.0], [0.0]]],
        "kwargs": {"lr": 0.01, "weight_decay": 0.5, "decoupled": True},
        "expected": [9.85074875],
    },
    {
        "name": "decoupled decay and a gradient together",
        "args": [[2.0, -3.0], [[0.4, 0.1], [0.3, -0.2], [-0.1, 0.5]]],
        "kwargs": {"lr": 0.05, "weight_decay": 0.5, "decoupled": True},
        "expected": [1.7273179818378064, -2.8336486521017075],
    },
    {
        "name": "L2 decay and a gradient together",
        "args": [[2.0, -3.0], [[0.4, 0.1], [0.3, -0.2], [-0.1, 0.5]]],
        "kwargs": {"lr": 0.05, "weight_decay": 0.5},
        "expected": [1.8519551238532543, -2.851754334616106],
    },
    {
        "name": "forty steps with other betas",
        "args": [
            [0.5, 0.5, 0.5],
            [
                [0.39552, -0.382421, 2.0],
                [0.764642, -0.084984, 2.0],
                [1.083327, 0.252423, -4.0],
                [1.332039, 0.471111, 2.0],
                [1.497495, 0.468228, 2.0],
                [1.573848, 0.24513, -4.0],
                [1.563209, -0.093256, 2.0],
                [1.475463, -0.387783, 2.0],
                [1.32738, -0.499929, -4.0],
                [1.14112, -0.376951, 2.0],
                [0.942254, -0.076687, 2.0],
                [0.75748, 0.259644, -4.0],
                [0.612234, 0.473861, 2.0],
                [0.528424, 0.465213, 2.0],
                [0.52247, 0.237768, -4.0],
                [0.603835, -0.101502, 2.0],
                [0.774185, -0.393035, 2.0],
                [1.027236, -0.499717, -4.0],
                [1.349314, -0.371375, 2.0],
                [1.720585, -0.068369, 2.0],
                [2.116814, 0.266792, -4.0],
                [2.511541, 0.476476, 2.0],
                [2.87844, 0.462066, 2.0],
                [3.193668, 0.230339, -4.0],
                [3.438, -0.10972, 2.0],
                [3.598543, -0.398176, 2.0],
                [3.66989, -0.499364, -4.0],
                [3.654599, -0.365693, 2.0],
                [3.562969, -0.060031, 2.0],
                [3.412118, 0.273865, -4.0],
                [3.224454, 0.478957, 2.0],
                [3.025673, 0.458789, 2.0],
                [2.842464, 0.222845, -4.0],
                [2.700125, -0.117907, 2.0],
                [2.620304, -0.403205, 2.0],
                [2.619064, -0.498869, -4.0],
                [2.705447, -0.359908, 2.0],
                [2.880671, -0.051676, 2.0],
                [3.138016, 0.28086, -4.0],
                [3.463427, 0.481303, 2.0],
            ],
        ],
        "kwargs": {"lr": 0.02, "beta1": 0.8, "beta2": 0.99},
        "expected": [-0.40695154321472365, 0.5107597708000872, 0.45119314065497784],
    },
    {
        "name": "beta1 of 0 is RMSprop with bias correction",
        "args": [[1.0], [[2.0], [-1.0], [0.5]]],
        "kwargs": {"lr": 0.1, "beta1": 0.0},
        "expected": [0.9254450886310879],
    },
    {
        "name": "no steps return the parameters as floats",
        "args": [[1, -2], []],
        "expected": [1.0, -2.0],
    },
    {
        "name": "empty parameters",
        "args": [[], [[], []]],
        "expected": [],
    },
    {
        "name": "a gradient of the wrong length",
        "args": [[1.0, 2.0], [[0.1, 0.2], [0.3]]],
        "raises": "ValueError",
    },
    {
        "name": "beta1 of 1",
        "args": [[1.0], [[0.1]]],
        "kwargs": {"beta1": 1.0},
        "raises": "ValueError",
    },
]


def extra_checks(fn):
    """The comparison of values accepts 1 for 1.0 and does not see aliasing, so check
    here that the result is a new list of floats, even with no steps and int inputs."""
    params = [1, -2]
    try:
        got = fn(params, [])
        ok = (
            isinstance(got, list)
            and got is not params
            and all(type(x) is float for x in got)
            and got == [1.0, -2.0]
        )
        message = "" if ok else f"adam([1, -2], []) -> expected a new list [1.0, -2.0], got {got!r}"
        if ok:
            got.append(99.0)
            ok = params == [1, -2]
            message = "" if ok else "changing the returned list changed the caller's params"
    except Exception as exc:
        ok, message = False, f"adam([1, -2], []) raised {exc!r}"
    return [("returns a new list of floats, not the input itself", ok, message)]
