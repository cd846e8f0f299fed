"""Load an exercise's checks.py and say everything wrong with it.

The checks of an exercise are a small Python module text:

    FUNCTION = "precision_recall_f1"      # the function the reader must define
    INPUTS_READ_ONLY = True               # optional: a case fails if the inputs are changed
    EXAMPLES = [                          # visible: shown on the page, run by Run and Check
        {"name": "one of each", "args": [[1, 0, 1], [1, 1, 0]], "expected": (0.5, 0.5, 0.5)},
    ]
    CASES = [                             # hidden: run by Check only
        {"name": "empty input", "args": [[], []], "raises": "ValueError"},
    ]

    def extra_checks(fn):                 # optional property checks
        return [("name", passed, "message"), ...]

    def complexity_input(n):              # with a complexity bound: the args at size n
        return [list_of_n_values, 5]

Each case has a `name`, optional `args` (a list) and `kwargs` (a dict), and either an
`expected` value or `raises`, the name of the exception class the call must raise (a
subclass counts). The harness (exercises.py) deep-copies the arguments before every call.

The build reports every problem with a file's checks at once, with the file's name
(macros/bank/exercises.py); the harness refuses broken checks with the first. Pure
standard library; runs unchanged on CPython and in Pyodide.
"""

from __future__ import annotations

from typing import Any

CHECKS_FILE = "<exercise checks>"
CASE_KEYS = ("name", "args", "kwargs", "expected", "raises")

__all__ = [
    "CASE_KEYS",
    "CHECKS_FILE",
    "case_problems",
    "checks_namespace",
    "checks_problems",
    "load_checks",
]


def case_problems(cases: Any, label: str = "CASES", required: bool = True) -> list[tuple[str, str]]:
    """Every problem with an exercise's CASES (or EXAMPLES) as (where, what) pairs, where
    is the path inside checks.py ("CASES[2].args"). The build reports them all with the
    file's name; the harness refuses broken checks with the first."""
    if not isinstance(cases, list) or (required and not cases):
        got = "nothing" if cases is None else repr(cases)[:40]
        return [(label, f"must be a non-empty list of cases, got {got}")]
    problems = []
    for n, case in enumerate(cases):
        where = f"{label}[{n}]"
        if not isinstance(case, dict):
            problems.append((where, f"expected a dict, got {type(case).__name__}"))
            continue
        if not isinstance(case.get("name"), str) or not case["name"]:
            problems.append((f"{where}.name", "required: a non-empty string"))
        if ("expected" in case) == ("raises" in case):
            problems.append((where, "needs exactly one of 'expected' and 'raises'"))
        unknown = sorted(set(case) - set(CASE_KEYS), key=str)
        if unknown:
            problems.append((where, f"unknown key(s) {unknown}"))
        if not isinstance(case.get("args", []), list):
            problems.append((f"{where}.args", "must be a list"))
        if not isinstance(case.get("kwargs", {}), dict):
            problems.append((f"{where}.kwargs", "must be a dict"))
    return problems


def checks_problems(namespace: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem with the names a loaded checks.py defines: FUNCTION, EXAMPLES, CASES
    and the optional functions, as (where, what) pairs; empty when the checks can run."""
    problems = []
    function = namespace.get("FUNCTION")
    if not isinstance(function, str) or not function.isidentifier():
        problems.append(("FUNCTION", f"must name the function to write, got {function!r}"))
    problems += case_problems(namespace.get("EXAMPLES", []), "EXAMPLES", required=False)
    problems += case_problems(namespace.get("CASES"))
    both = [namespace.get("EXAMPLES", []), namespace.get("CASES")]
    names = [
        c.get("name") for cs in both if isinstance(cs, list) for c in cs if isinstance(c, dict)
    ]
    repeated = sorted({str(n) for n in names if names.count(n) > 1})
    if repeated:
        problems.append(("CASES", f"every example and case needs its own name: {repeated}"))
    for optional in ("extra_checks", "complexity_input"):
        if optional in namespace and not callable(namespace[optional]):
            problems.append((optional, "must be a function"))
    return problems


def checks_namespace(checks_code: str, filename: str = CHECKS_FILE) -> dict[str, Any]:
    """The names checks.py defines, after running it (the exercise's own file, never the
    reader's code); raises whatever running it raises."""
    namespace: dict[str, Any] = {"__name__": "__exercise_checks__"}
    exec(compile(checks_code, filename, "exec"), namespace)
    return namespace


def load_checks(checks_code: str) -> dict[str, Any]:
    """checks.py's names, or ValueError naming its first problem."""
    namespace = checks_namespace(checks_code)
    problems = checks_problems(namespace)
    if problems:
        where, what = problems[0]
        raise ValueError(f"{where} {what}")
    return namespace
