"""Run every exercise's Run and Check (the ops the page calls) and report the results as
JSON.

Runs unchanged on CPython and inside Pyodide; the two reports must be identical. Operation
counts of the complexity check are reported but not compared: they count traced lines, and
CPython 3.11 and Pyodide's newer Python trace some lines differently; the verdict and the
growth named must agree. Reads the exercises from the global INPUT (a JSON object: id ->
the published record, solution, starter and slow reference, plus a few "probes" of broken
code) and leaves the report in OUTPUT, the convention of devtools/run_in_pyodide.mjs; on
CPython the test sets INPUT itself.
"""

import json

from practice_engine.exercises import run_checks
from practice_engine.runner import check_exercise, run_exercise


def summary(report):
    """What must agree across Python versions even when messages may not."""
    measured = report.get("complexity")
    return {
        "ok": report["ok"],
        "verdict": report["verdict"],
        "passed": report["passed"],
        "total": report["total"],
        "verdicts": [r["ok"] for r in report["results"]],
        "has_error": report["error"] is not None,
        "complexity": measured and [measured["ok"], measured["grows_like"]],
    }


def run(text):
    data = json.loads(text)
    report = {"solutions": {}, "starters": {}, "slow": {}, "runs": {}, "probes": {}, "ops": {}}
    for ex_id, ex in sorted(data["exercises"].items()):
        record = ex["record"]
        checked = check_exercise(ex["solution"], record)
        report["solutions"][ex_id] = summary(checked)
        report["ops"][ex_id] = checked["complexity"] and checked["complexity"]["operations"]
        report["starters"][ex_id] = summary(check_exercise(ex["starter"], record))
        if ex["slow"] is not None:
            report["slow"][ex_id] = summary(check_exercise(ex["slow"], record))
        ran = run_exercise(ex["solution"], record)
        report["runs"][ex_id] = [ran["ok"], ran["output"]]
    for name, probe in sorted(data["probes"].items()):
        report["probes"][name] = summary(run_checks(probe["code"], probe["checks"]))
    return json.dumps(report, sort_keys=True)


OUTPUT = run(INPUT)  # noqa: F821 - INPUT is provided by the runner
