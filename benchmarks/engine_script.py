"""Time the engine's flashcard-scale ops on a year of history; runs unchanged on CPython and
in Pyodide.

Reads {"bank": <bank.json text>, "progress": <progress>, "now_ms", "runs"} from the
global INPUT and leaves JSON in OUTPUT: per op, the milliseconds of each of `runs` calls
through `dispatch` (what the worker calls: the arguments' JSON parsed, the progress checked,
the answer encoded), after one warm-up call, and a digest of the answers so the two
runtimes can be compared.
"""

import json
import time

from practice_engine.api import dispatch

OPS = ("queue", "due_times", "dashboard", "index_status")


def _args(op, progress, now_ms):
    """The op's arguments as the worker sends them: one JSON text, made before the clock."""
    args = {"progress": progress, "tz_offset_min": 0}
    if op != "due_times":
        args["now_ms"] = now_ms
    if op == "index_status":
        args["exercise_ids"] = []
    return json.dumps(args)


def call(op, args_text):
    out = json.loads(dispatch(op, args_text))
    if not out["ok"]:
        raise RuntimeError(f"{op}: {out['error']}")
    return out["result"]


def run(data):
    call("load_bank", json.dumps({"text": data["bank"]}))
    times, answers = {}, {}
    for op in OPS:
        args = _args(op, data["progress"], data["now_ms"])
        answers[op] = call(op, args)  # warm-up: first-call imports and caches
        times[op] = []
        for _ in range(data["runs"]):
            start = time.perf_counter()
            call(op, args)
            times[op].append((time.perf_counter() - start) * 1000)
    summary = {
        "due": len(answers["queue"]["due"]),
        "new": len(answers["queue"]["new"]),
        "due_times": len(answers["due_times"]),
        "due_now": answers["dashboard"]["due_now"],
        "statuses": sorted(answers["index_status"]["questions"].values()),
    }
    return json.dumps({"times": times, "answers": summary})


OUTPUT = run(json.loads(INPUT))  # noqa: F821 - INPUT is provided by the runner
