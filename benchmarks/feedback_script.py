"""Time the feedback op on 500-word answers; runs unchanged on CPython and in Pyodide.

Reads {"bank": <bank.json text>, "answers": {question id: [own, other]}} from the global
INPUT and leaves the timings (milliseconds) as JSON in OUTPUT: importing the engine, loading
the stemmer (once per session, on the first feedback request), then for each question the
first call (which also parses the question's matchers) on an answer built from its own
text, and a second call on another question's text.
"""

import json
import time

t0 = time.perf_counter()
from practice_engine.api import dispatch  # noqa: E402

IMPORT_MS = (time.perf_counter() - t0) * 1000


def call(op, **args):
    out = json.loads(dispatch(op, json.dumps(args)))
    if not out["ok"]:
        raise RuntimeError(f"{op}: {out['error']}")
    return out["result"]


def run(data):
    call("load_bank", text=data["bank"])
    start = time.perf_counter()
    from practice_engine.feedback.lexicon import stem

    stem("loading")  # the first feedback request loads the stemmer once per session
    load_ms = (time.perf_counter() - start) * 1000
    first, again, hits = {}, {}, {}
    for qid, (own, other) in data["answers"].items():
        start = time.perf_counter()
        result = call("feedback", question_id=qid, level="L6+", text=own)
        first[qid] = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        call("feedback", question_id=qid, level="L6+", text=other)
        again[qid] = (time.perf_counter() - start) * 1000
        hits[qid] = [result["hit"], result["expected"]]
    return json.dumps(
        {"import_ms": IMPORT_MS, "load_ms": load_ms, "first": first, "again": again, "hits": hits}
    )


OUTPUT = run(json.loads(INPUT))  # noqa: F821 - INPUT is provided by the runner
