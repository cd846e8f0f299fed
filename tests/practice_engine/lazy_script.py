"""What `import practice_engine.api` loads, and the lazily imported ops on first use.

Run in a fresh interpreter (CPython in a subprocess, or Pyodide under Node); leaves the
report as JSON in OUTPUT. INPUT is unused."""

import json
import sys

from practice_engine.api import dispatch

LAZY = ("mock", "mock_check", "runner", "judge", "complexity", "constraints", "dashboard",
        "plan", "transfer", "index_status", "today", "deck")  # fmt: skip


def loaded():
    return sorted(m for m in LAZY if f"practice_engine.{m}" in sys.modules)


def call(op, **args):
    return json.loads(dispatch(op, json.dumps(args)))


at_import = loaded()
first_uses = {
    "run_code": call("run_code", code="print(1 + 1)"),
    "plan": call(
        "plan", progress={"settings": {"interview_date": None}}, now_ms=0, tz_offset_min=0
    ),
    "exercise_constraints": call("exercise_constraints", code="import os\n", forbid=[]),
    "read_import": call("read_import", text="not json"),
    "scorecard": call("scorecard", mock="not a round"),
}
OUTPUT = json.dumps({"at_import": at_import, "after": loaded(), "first_uses": first_uses})
