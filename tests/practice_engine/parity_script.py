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
    report["practice"] = practice(bank)
    report["feedback"] = answer_feedback(bank)
    return json.dumps(report, sort_keys=True)


def answer_feedback(bank):
    """Feedback on an answer made of each question's own key point and trap labels."""
    out = {}
    for entry in bank["entries"]:
        block = entry.get("feedback")
        if block:
            labels = [p["label"] for p in block["key_points"] + block["trap_claims"]]
            text = ". ".join(labels) + "."
            out[entry["id"]] = call("feedback", question_id=entry["id"], level="L5", text=text)
    return out


T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z
DAY = 86_400_000
GRADES = ["strong_hire", "lean_hire", "no_hire", "didnt_know"]


def schedule(questions, mode):
    """Three weeks of daily study in one schedule mode: the queue, every card, the floats."""
    p = call("restore_progress", raw=None)["progress"]
    p = call("set_settings", progress=p, settings={"schedule": mode, "new_per_day": 4})
    days = []
    for day in range(22):
        now = T0 + day * DAY + 9 * 3_600_000
        q = call("queue", progress=p, now_ms=now, tz_offset_min=-300)
        for n, question_id in enumerate(q["due"] + q["new"]):
            grade = GRADES[(day + n) % 4]
            p = call("review", progress=p, question_id=question_id, grade=grade, now_ms=now + n)
        days.append(q)
    infos = {
        q: call("card_info", progress=p, question_id=q, now_ms=T0 + 30 * DAY, tz_offset_min=-300)
        for q in questions
    }
    return p, {"queues": days, "cards": p["cards"], "info": infos}


def mocks(p):
    """A round for every role, level and a few seeds; one graded, scored and recorded,
    another ended early and recorded as partial, and a redo of the first one's weak ones."""
    rounds = {}
    for role in ["mle", "ds", "re", "as", "ai"]:
        for level in ["L3", "L4", "L5", "L6+"]:
            for seed in range(4):
                m = call("new_mock", role=role, level=level, seed=seed)
                rounds[f"{role}/{level}/{seed}"] = [x["id"] for x in m["questions"]]
    m = call("new_mock", role="ds", level="L5", seed=77)
    for n in range(len(m["questions"])):
        m = call("grade_mock", mock=m, grade=GRADES[n % 3], seconds=60 + n)
    card = call("scorecard", mock=m)
    p = call("record_mock", progress=p, mock=m, finished_ms=T0 + 25 * DAY)
    cut = call("new_mock", role="mle", level="L4", seed=78)
    cut = call("grade_mock", mock=cut, grade="no_hire")
    p = call("record_mock", progress=p, mock=cut, finished_ms=T0 + 26 * DAY, ended="ended")
    redo = [q["id"] for q in call("redo_mock", mock=m, seed=79)["questions"]]
    restored = call("restore_mock", mock=m)
    return p, {"rounds": rounds, "scorecard": card, "restored": restored, "redo": redo}


def transfer(p, current):
    """Export, read back, preview and apply both ways, and a few bad files."""
    text = json.dumps(call("export_file", progress=p, now_ms=T0 + 31 * DAY))
    incoming = call("read_import", text=text)["incoming"]
    out = {"identity": incoming == p}
    for mode in ["merge", "replace"]:
        out[mode] = call("preview_import", current=current, incoming=incoming, mode=mode)
        out[mode + "_result"] = call("apply_import", current=current, incoming=incoming, mode=mode)
    bad = [
        "{nope",
        "[1]",
        json.dumps({"format": "x", "version": 2, "progress": {}}),
        json.dumps({"format": "ml-interview-guide/progress", "version": 9, "progress": {}}),
        text.replace('"strong_hire"', '"great"', 1),
        text.replace('"state": ', '"state": 9, "x": ', 1),
        "[" * 100_000 + "]" * 100_000,
    ]
    out["rejected"] = [call("read_import", text=b)["error"] for b in bad]
    out["backup"] = call("read_backup", text=json.dumps(p))["incoming"] == p
    return out


def two_tabs(p_fsrs, p_check):
    """Two tabs from one base: each reviews and answers, then the second merges on write."""
    base = p_check
    a, b = base, base
    for n, q in enumerate(sorted(base["cards"])[:6]):
        t = T0 + 40 * DAY + n
        a = call("review", progress=a, question_id=q, grade=GRADES[n % 4], now_ms=t)
        b = call("review", progress=b, question_id=q, grade=GRADES[-n % 4], now_ms=t + DAY)
    b = call("set_settings", progress=b, settings={"new_per_day": 9, "keep_answers": True})
    q = sorted(base["cards"])[0]
    b = call("keep_answer", progress=b, question_id=q, text="Bias is systematic error.", now_ms=T0)
    merged = call("merge_progress", stored_raw=json.dumps(a), mine=b, base=base)
    newer = call("merge_progress", stored_raw=json.dumps({"version": 7}), mine=b, base=base)
    return {
        "merged": merged,
        "newer": newer,
        "with_fsrs": call("merge_progress", stored_raw=json.dumps(p_fsrs), mine=b, base=base),
    }


def practice(bank):
    questions = [e["id"] for e in bank["entries"] if e["kind"] == "question"]
    p_fsrs, fsrs = schedule(questions, "fsrs")
    p_check, checkpoints = schedule(questions, "checkpoints")
    p, mock_report = mocks(p_fsrs)
    for n, item in enumerate(sorted(e["items"][0]["id"] for e in bank["entries"] if e["items"])):
        p = call("record", progress=p, item_id=item, correct=n % 2 == 0, now_ms=T0 + n * DAY // 3)
    board = {
        str(offset): call(
            "dashboard",
            progress=p,
            now_ms=T0 + 26 * DAY,
            tz_offset_min=offset,
            exercises=["top-k-heap", "stable-softmax"],
        )
        for offset in [0, 330, -480]
    }
    return {
        "fsrs": fsrs,
        "checkpoints": checkpoints,
        "mocks": mock_report,
        "dashboard": board,
        "transfer": transfer(p, p_check),
        "two_tabs": two_tabs(p_fsrs, p_check),
    }


OUTPUT = run(INPUT)  # noqa: F821 - INPUT is provided by the runner
