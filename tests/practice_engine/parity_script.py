"""Exercise the engine over the whole bank and report every result as JSON.

Run unchanged on CPython and inside Pyodide; the two reports must be identical. Reads the
bank export from the global INPUT and leaves the report in OUTPUT (the Pyodide runner's
convention); on CPython the test sets INPUT itself.
"""

import json

from practice_engine.api import dispatch


def call(op, **args):
    out = json.loads(dispatch(op, json.dumps(args)))
    if not out["ok"]:
        raise RuntimeError(f"{op}: {out['error']}")
    return out["result"]


def run(bank_text):
    report = {"load": call("load_bank", text=bank_text), "sessions": []}
    bank = json.loads(bank_text)
    for seed in range(5):
        s = call("new_session", filters={"count": 50}, seed=seed)
        trace = []
        while not call("finished", session=s):
            v = call("view", session=s)
            pick = [0] if not v["multiple"] else [0, 1]
            graded = call("grade", session=s, chosen=pick)
            s = call("advance", session=graded["session"])
            trace.append([v["item"], v["options"], graded["feedback"]["correct"]])
        report["sessions"].append({"trace": trace, "score": call("score", session=s)})
    # every item of the bank, graded with its marked options in a reversed display order
    verdicts = {}
    for entry in bank["entries"]:
        for item in entry["items"]:
            order = list(range(len(item["options"])))[::-1]
            session = {
                "version": 1,
                "seed": 0,
                "filters": {"tracks": [], "levels": [], "roles": [], "count": 1},
                "items": [{"item": item["id"], "order": order}],
                "answers": [],
                "position": 0,
            }
            key = [d for d, i in enumerate(order) if item["options"][i]["correct"]]
            verdicts[item["id"]] = call("grade", session=session, chosen=key)["feedback"]["correct"]
    report["verdicts"] = verdicts
    p = call("restore_progress", raw=None)["progress"]
    for n, item_id in enumerate(sorted(verdicts)):
        p = call("record", progress=p, item_id=item_id, correct=n % 3 == 0, now_ms=n * 1000)
    report["progress"] = call("restore_progress", raw=json.dumps(p))
    return json.dumps(report, sort_keys=True)


OUTPUT = run(INPUT)  # noqa: F821 - INPUT is provided by the runner
