"""Run every exercise's checks through `run_checks` and report the results as JSON.

Runs unchanged on CPython and inside Pyodide; the two reports must be identical. Reads the
exercises from the global INPUT (a JSON object: id -> solution, starter and checks texts,
plus a few "probes" of broken code) and leaves the report in OUTPUT, the convention of
devtools/run_in_pyodide.mjs; on CPython the test sets INPUT itself.
"""

import json

from practice_engine.exercises import run_checks


def summary(report):
    """What must agree across Python versions even when messages may not."""
    return {
        "ok": report["ok"],
        "passed": report["passed"],
        "total": report["total"],
        "verdicts": [r["ok"] for r in report["results"]],
        "has_error": report["error"] is not None,
    }


def run(text):
    data = json.loads(text)
    report = {"solutions": {}, "starters": {}, "probes": {}}
    for ex_id, ex in sorted(data["exercises"].items()):
        report["solutions"][ex_id] = run_checks(ex["solution"], ex["checks"])
        report["starters"][ex_id] = summary(run_checks(ex["starter"], ex["checks"]))
    for name, probe in sorted(data["probes"].items()):
        report["probes"][name] = summary(run_checks(probe["code"], probe["checks"]))
    return json.dumps(report, sort_keys=True)


OUTPUT = run(INPUT)  # noqa: F821 - INPUT is provided by the runner
