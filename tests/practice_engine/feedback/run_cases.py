"""Run every behaviour case through the feedback engine and report what it found.

Runs unchanged on CPython and inside Pyodide: reads {"blocks", "cases"} as JSON from the
global INPUT and leaves the results in OUTPUT, one [hit key points, asserted traps,
statuses] per case.
"""

import json

from practice_engine.feedback import feedback


def run(data):
    out = []
    for block_id, level, text, _, _ in data["cases"]:
        result = feedback(data["blocks"][block_id], block_id, level, text)
        hits = sorted(k["id"] for k in result["key_points"] if k["status"] == "hit")
        traps = sorted(t["id"] for t in result["traps"] if t["asserted"])
        out.append([hits, traps, [k["status"] for k in result["key_points"]]])
    return json.dumps(out)


OUTPUT = run(json.loads(INPUT))  # noqa: F821 - INPUT is provided by the runner
