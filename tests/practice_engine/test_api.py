"""The worker's entry point: every op is registered, answers JSON whatever it is sent, and a
bad value gets a message a reader can act on, never the last-resort "internal error".
Values are random JSON, or valid state with one part replaced by random JSON, so the
checks deep inside each op are reached too. The fuzz covers every op (a test holds it to
the list of ops)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.publish.export import bank_json
from practice_engine import quiz
from practice_engine.api import OPS, dispatch
from practice_engine.vocab import (
    EXERCISE_EVENTS,
    GRADES,
    LEVELS,
    MOCK_ENDINGS,
    ROLES,
    SAVED_ROUND_VERSION,
    SCOPES,
)
from tests.practice_engine.builders import (
    DAY,
    EXERCISE_IDS,
    T0,
    VERSIONS,
    build,
    finished_mock,
)
from tests.practice_engine.test_state import json_values

# Every op the worker can call, with the names of its arguments.
ARGUMENTS = {
    "load_bank": ("text",),
    "load_feedback": ("text",),
    "constants": (),
    "new_session": ("filters", "seed"),
    "quiz_counts": ("filters",),
    "view": ("session",),
    "grade": ("session", "chosen"),
    "advance": ("session",),
    "finished": ("session",),
    "score": ("session",),
    "retry_session": ("session", "seed"),
    "restore_session": ("data",),
    "restore_saved_session": ("raw",),
    "merge_session": ("stored", "mine", "clearing"),
    "restore_progress": ("raw",),
    "record": ("progress", "item_id", "correct", "now_ms"),
    "item_stats": ("progress", "item_id"),
    "merge_progress": ("stored_raw", "mine", "base"),
    "review": ("progress", "question_id", "grade", "now_ms"),
    "queue": ("progress", "now_ms", "tz_offset_min"),
    "card_info": ("progress", "question_id", "now_ms", "tz_offset_min"),
    "preview": ("progress", "question_id", "now_ms", "tz_offset_min"),
    "due_times": ("progress", "tz_offset_min"),
    "add_to_deck": ("progress", "ids", "now_ms"),
    "session_summary": ("progress", "since_ms", "now_ms", "tz_offset_min"),
    "set_settings": ("progress", "settings"),
    "set_profile": ("progress", "profile", "now_ms", "tz_offset_min"),
    "plan": ("progress", "now_ms", "tz_offset_min"),
    "new_mock": ("role", "level", "seed", "scope", "progress"),
    "grade_mock": ("mock", "grade", "seconds"),
    "redo_mock": ("mock", "seed"),
    "scorecard": ("mock",),
    "record_mock": ("progress", "mock", "finished_ms", "ended"),
    "restore_mock": ("mock",),
    "restore_round": ("raw",),
    "merge_round": ("stored", "mine", "clearing"),
    "dashboard": ("progress", "now_ms", "tz_offset_min"),
    "day_summary": ("progress", "now_ms", "tz_offset_min"),
    "export_file": ("progress", "now_ms"),
    "read_import": ("text",),
    "read_backup": ("text",),
    "preview_import": ("current", "incoming", "mode"),
    "apply_import": ("current", "incoming", "mode"),
    "feedback": ("question_id", "level", "text"),
    "keep_answer": ("progress", "question_id", "text", "now_ms"),
    "run_code": ("code",),
    "check_code": ("code", "checks"),
    "run_exercise": ("code", "exercise"),
    "check_exercise": ("code", "exercise"),
    "measure_complexity": ("code", "exercise"),
    "exercise_constraints": ("code", "forbid"),
    "exercise_event": ("progress", "exercise_id", "version", "event", "now_ms"),
    "exercise_state": ("progress", "exercise_id", "version", "now_ms"),
    "exercise_overview": ("progress", "exercises", "now_ms"),
    "grade_followup": ("progress", "exercise_id", "index", "grade", "now_ms"),
    "save_draft": ("progress", "exercise_id", "version", "code", "now_ms"),
    "index_status": ("progress", "exercise_ids", "now_ms", "tz_offset_min"),
}
# Code for the Run and Check ops: real mistakes, never anything that runs for long.
CODE = [
    "print(1)",
    "def double(x):\n    return x + x\n",
    "def double(x)\n    return x\n",
    "1 / 0",
    "import sys\nsys.exit(3)",
    "input()",
    "def f():\n    return f()\nf()",
]
# Typed answers for the feedback op: plain, negated, reported, hedged and misspelt claims.
ANSWERS = [
    "High bias means the model underfits; high variance means it overfits the training set.",
    "It is not true that more data reduces bias. A common mistake is to say regularisation "
    "always helps; it trades variance for bias.",
    "Varience is reduced by bagging, but the bias stays roughly the same, isn't it?",
    "",
]
CHECKS = [
    'FUNCTION = "double"\nCASES = [{"name": "two", "args": [2], "expected": 4}]\n',
    "FUNCTION = 3\nCASES = []\n",
    "CASES = [",
]
# A published exercise with every part the engine reads; the fuzz breaks it part by part.
EXERCISE = {
    "id": "double",
    "version": "0123456789abcdef",
    "checks": CHECKS[0]
    + 'EXAMPLES = [{"name": "one", "args": [1], "expected": 2}]\n'
    + "def complexity_input(n):\n    return [n]\n",
    "forbid": [{"name": "sum", "why": "add it yourself"}, {"module": "math", "why": "no need"}],
    "complexity": {"target": "1", "sizes": [10, 20, 40], "budget": 10_000},
}


@pytest.fixture(scope="module")
def loaded(real_bank) -> None:
    """The real bank loaded into the api, as the worker does at boot."""
    out = json.loads(dispatch("load_bank", json.dumps({"text": json.dumps(bank_json(real_bank))})))
    assert out["ok"], out


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place inside a JSON value, so one of them can be replaced."""
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for n, v in enumerate(value):
            found += _paths(v, (*prefix, n))
    return found


def _replaced(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(value))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return copy


def _broken(valid: Any) -> st.SearchStrategy:
    return st.one_of(
        st.just(valid),
        json_values,
        st.tuples(st.sampled_from(_paths(valid)), json_values).map(lambda p: _replaced(valid, *p)),
    )


def _valid_state() -> tuple[dict, dict, dict, dict, dict]:
    from macros.bank import load_bank
    from practice_engine.bankdata import parse_bank
    from tests.conftest import ROOT

    bank = parse_bank(bank_json(load_bank(ROOT / "quiz_data")))
    session = quiz.new_session(bank, {"count": 3}, 5)
    answered, _ = quiz.grade(bank, session, [0])
    state = build(
        bank,
        [
            ("quiz", 3, True, T0),
            ("review", 0, "lean_hire", T0),
            ("mock", 1, "ds", "L4", ["strong_hire", "no_hire"], T0 + DAY),
            ("exercise", EXERCISE_IDS[0], VERSIONS[0], "hint", T0),
            ("exercise", EXERCISE_IDS[0], VERSIONS[0], "check_passed", T0 + 1),
            ("followup", EXERCISE_IDS[0], 1, T0 + 2),
            ("draft", EXERCISE_IDS[1], VERSIONS[1], T0 + 3),
        ],
    )
    fresh = finished_mock(bank, "mle", "L5", 9, ["lean_hire"])
    part = {**fresh, "grades": fresh["grades"][:2], "seconds": [30, None], "position": 2}
    return state, fresh, part, session, answered


STATE, MOCK, PART, SESSION, ANSWERED = _valid_state()
SAVED = {
    "version": SAVED_ROUND_VERSION,
    "mock": PART,
    "started_ms": T0,
    "question_started_ms": T0,
    "probes": 0,
    "done_seconds": None,
}
STRATEGIES = {
    "progress": _broken(STATE),
    "current": _broken(STATE),
    "incoming": _broken(STATE),
    "mock": st.one_of(_broken(MOCK), _broken(PART)),
    "question_id": st.one_of(st.sampled_from(["bias-variance", "nope"]), json_values),
    "grade": st.one_of(st.sampled_from(GRADES), json_values),
    "now_ms": st.one_of(st.integers(-5, 2**60), json_values),
    "since_ms": st.one_of(st.integers(-5, 2**60), json_values),
    "ids": st.one_of(_broken(["bias-variance", "overfitting"]), json_values),
    "finished_ms": st.one_of(st.integers(-5, 2**60), json_values),
    "ended": st.one_of(st.sampled_from(MOCK_ENDINGS), json_values),
    "seconds": st.one_of(st.none(), st.integers(-5, 10**6), json_values),
    "tz_offset_min": st.one_of(st.integers(-2000, 2000), json_values),
    "settings": _broken(STATE["settings"]),
    "role": st.one_of(st.sampled_from(ROLES), json_values),
    "profile": st.one_of(
        st.sampled_from([{"role": "mle"}, {"interview_date": None}, {"level": "L5"}]),
        json_values,
    ),
    "level": st.one_of(st.sampled_from(LEVELS), json_values),
    "scope": st.one_of(st.sampled_from(SCOPES), json_values),
    "seed": st.one_of(st.integers(), json_values),
    "text": st.one_of(
        json_values.map(json.dumps),
        _broken({"version": 2, "levels": [], "tracks": [], "entries": []}).map(json.dumps),
        # a question's answer-feedback file, and the lexicon (load_feedback)
        _broken({"version": 2, "id": "nope", "feedback": {"key_points": []}}).map(json.dumps),
        _broken({"version": 2, "lexicon": ["modal"]}).map(json.dumps),
        _broken({"format": "ml-interview-guide/progress", "version": 3, "progress": STATE}).map(
            json.dumps
        ),
        st.text(max_size=30),
        st.sampled_from(ANSWERS),
    ),
    "mode": st.one_of(st.sampled_from(["merge", "replace"]), json_values),
    "raw": st.one_of(
        st.none(),
        _broken(STATE).map(json.dumps),
        _broken(SESSION).map(json.dumps),
        _broken(SAVED).map(json.dumps),
        st.text(max_size=30),
    ),
    "session": st.one_of(_broken(SESSION), _broken(ANSWERED)),
    # Another tab's stored text, and this tab's copy and where it started (merge ops).
    "stored_raw": st.one_of(st.none(), _broken(STATE).map(json.dumps), st.text(max_size=30)),
    "stored": st.one_of(
        st.none(),
        _broken(SAVED).map(json.dumps),
        _broken(SESSION).map(json.dumps),
        st.text(max_size=30),
    ),
    "mine": st.one_of(_broken(STATE), _broken(SAVED), _broken(SESSION)),
    "base": _broken(STATE),
    "clearing": st.one_of(st.none(), _broken(SAVED), _broken(SESSION)),
    "data": st.one_of(_broken(SESSION), _broken(ANSWERED)),
    "filters": st.one_of(st.none(), _broken(SESSION["filters"])),
    "chosen": st.one_of(st.lists(st.integers(-1, 6), max_size=3), json_values),
    "item_id": st.one_of(st.sampled_from([SESSION["items"][0]["item"], "nope"]), json_values),
    "correct": st.one_of(st.booleans(), json_values),
    "code": st.one_of(st.sampled_from(CODE), json_values),
    "checks": st.one_of(st.sampled_from(CHECKS), json_values),
    "exercise": st.one_of(_broken(EXERCISE), st.sampled_from(CHECKS).map(lambda c: {"checks": c})),
    "forbid": st.one_of(_broken(EXERCISE["forbid"]), json_values),
    "exercise_id": st.one_of(st.sampled_from([*EXERCISE_IDS, "Not An Id"]), json_values),
    "version": st.one_of(st.sampled_from(VERSIONS), json_values),
    "event": st.one_of(st.sampled_from(EXERCISE_EVENTS), json_values),
    "index": st.one_of(st.integers(-1, 3), json_values),
    "exercises": st.one_of(
        _broken([{"id": i, "version": VERSIONS[0]} for i in EXERCISE_IDS]), json_values
    ),
    "exercise_ids": st.one_of(_broken(list(EXERCISE_IDS)), json_values),
}


@st.composite
def requests(draw) -> tuple[str, dict]:
    op = draw(st.sampled_from(sorted(ARGUMENTS)))
    names = list(ARGUMENTS[op])
    if names and draw(st.booleans()) and draw(st.booleans()):
        names.pop(draw(st.integers(0, len(names) - 1)))  # a missing argument
    return op, {name: draw(STRATEGIES[name]) for name in names}


@given(request=requests())
@settings(max_examples=1500, deadline=None)
def test_dispatch_answers_every_op_with_any_arguments(real_bank, loaded, request) -> None:
    op, args = request
    try:
        out = json.loads(dispatch(op, json.dumps(args)))
    finally:
        if op == "load_bank":  # a bank the fuzz made up must not stay loaded
            dispatch("load_bank", json.dumps({"text": json.dumps(bank_json(real_bank))}))
    assert out["ok"] in (True, False)
    if not out["ok"]:
        assert out["error"] and "internal error" not in out["error"], out["error"]


def test_the_fuzz_knows_every_op() -> None:
    assert set(ARGUMENTS) == set(OPS)


def test_review_through_the_api_only_takes_bank_questions(loaded) -> None:
    args = {"progress": STATE, "question_id": "retired", "grade": "lean_hire", "now_ms": T0}
    out = json.loads(dispatch("review", json.dumps(args)))
    assert out == {"ok": False, "error": "'retired' is not a flashcard of the bank"}


def test_a_whole_loop_through_the_api(loaded) -> None:
    def call(op: str, **args: Any) -> Any:
        out = json.loads(dispatch(op, json.dumps(args)))
        assert out["ok"], out
        return out["result"]

    p = call("restore_progress", raw=None)["progress"]
    q = call("queue", progress=p, now_ms=T0, tz_offset_min=60)
    p = call("review", progress=p, question_id=q["new"][0], grade="strong_hire", now_ms=T0)
    m = call("new_mock", role="re", level="L4", seed=5)
    while m["position"] < len(m["questions"]):
        m = call("grade_mock", mock=m, grade="lean_hire")
    assert call("scorecard", mock=m)["signal"] == 3
    p = call("record_mock", progress=p, mock=m, finished_ms=T0 + DAY)
    d = call("dashboard", progress=p, now_ms=T0 + DAY, tz_offset_min=60)
    assert d["streak_days"] == 2
    text = json.dumps(call("export_file", progress=p, now_ms=T0 + DAY))
    incoming = call("read_import", text=text)["incoming"]
    empty = call("restore_progress", raw="")["progress"]
    assert (
        call("preview_import", current=empty, incoming=incoming, mode="merge")["mocks_added"] == 1
    )
    assert call("apply_import", current=empty, incoming=incoming, mode="replace") == p
    assert call("restore_mock", mock=m) == {"mock": m, "reason": None}
    assert call("card_info", progress=p, question_id=q["new"][0], now_ms=T0)["reviews"] >= 1


def test_every_op_that_runs_the_readers_code_is_run_in_the_box() -> None:
    """The worker boxes exactly USER_CODE_OPS; an op of the runner left out of it once ran
    the reader's code with nothing cancelled after it (the exercise UI's Run and Check)."""
    from practice_engine import api, runner

    runs_code = {
        name for name, fn in api.OPS.items() if getattr(fn, "__module__", "") == runner.__name__
    }
    assert runs_code == set(api.USER_CODE_OPS)
