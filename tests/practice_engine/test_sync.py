"""Two tabs writing the same progress: what one stores is merged with what the other
stored, so neither loses a quiz answer, a self-grade, a finished mock round or a settings
change; data from a newer version of the guide is never merged over; and the one-slot
stores (running mock round, quiz session) keep the copy that got further."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from practice_engine import cards, exercise_progress, mock, progress, sync
from practice_engine.api import dispatch
from practice_engine.vocab import PROGRESS_VERSION
from tests.practice_engine.builders import DAY, T0, build, finished_mock, operations, reviewed
from tests.practice_engine.test_mock_resume import saved_round

Q = "bias-variance"


def _records(p: dict) -> tuple[set, set, set, set, set]:
    answers = {(i, t, c) for i, h in p["quiz"].items() for t, c in h}
    passes = {(e, *r) for e, rec in p["exercises"].items() for r in rec["results"]}
    grades = {(e, *g) for e, rec in p["exercises"].items() for g in rec["followups"]}
    reviews, mocks = {tuple(r) for r in p["reviews"]}, {m["id"] for m in p["mocks"]}
    return answers, reviews, mocks, passes, grades


def _later(ops: list, shift: int) -> list:
    """The same operations, moved `shift` ms later (a tab acting after the base)."""
    moved = []
    for op in ops:
        if op[0] in ("quiz", "review"):
            moved.append((*op[:3], op[3] + shift))
        elif op[0] == "mock":
            moved.append((*op[:5], op[5] + shift))
        elif op[0] == "exercise":
            moved.append((*op[:4], op[4] + shift))
        elif op[0] in ("followup", "draft"):
            moved.append((*op[:3], op[3] + shift))
        else:
            moved.append(op)
    return moved


@given(
    base_ops=st.lists(operations, max_size=8),
    a_ops=st.lists(operations, max_size=8),
    b_ops=st.lists(operations, max_size=8),
)
@settings(max_examples=80, deadline=None)
def test_two_tabs_from_one_base_lose_nothing(engine_bank, base_ops, a_ops, b_ops) -> None:
    """Tab A stores first; tab B, which started from the same base, stores after it."""
    base = build(engine_bank, base_ops)
    a = build(engine_bank, _later(a_ops, 70 * DAY), base)
    b = build(engine_bank, _later(b_ops, 140 * DAY), base)
    out = sync.merge_progress(json.dumps(a), b, base)
    merged = out["progress"]
    assert out["reason"] is None and out["newer"] is None
    assert progress.PROGRESS.problem(merged) is None
    for side in (a, b):
        for got, want in zip(_records(merged), _records(side), strict=True):
            missing = want - got
            # only answers beyond the kept history of an item may go, as record() drops them
            assert not missing or all(len(merged["quiz"][i]) == 100 for i, *_ in missing)
    assert set(merged["cards"]) == set(a["cards"]) | set(b["cards"])
    assert set(merged["exercises"]) == set(a["exercises"]) | set(b["exercises"])


def test_a_card_reviewed_in_both_tabs_gets_both_reviews_in_time_order(engine_bank) -> None:
    base = cards.review(progress.empty_progress(), Q, "strong_hire", T0)
    a = cards.review(base, Q, "didnt_know", T0 + 3 * DAY)
    b = cards.review(base, Q, "strong_hire", T0 + 4 * DAY)
    merged = sync.merge_progress(json.dumps(a), b, base)["progress"]
    one_tab = cards.review(a, Q, "strong_hire", T0 + 4 * DAY)
    assert merged["cards"][Q] == one_tab["cards"][Q]
    assert merged["reviews"] == one_tab["reviews"]


def test_settings_changed_in_one_tab_survive_a_write_from_the_other() -> None:
    base = progress.empty_progress()
    a = cards.set_settings(base, {"new_per_day": 12})
    b = cards.review(base, Q, "lean_hire", T0)  # b never saw the change
    merged = sync.merge_progress(json.dumps(a), b, base)["progress"]
    assert merged["settings"]["new_per_day"] == 12
    assert merged["reviews"] == [[Q, "lean_hire", T0]]
    c = cards.set_settings(base, {"schedule": "checkpoints"})
    both = sync.merge_progress(json.dumps(merged), c, base)["progress"]
    assert both["settings"] == {
        "new_per_day": 12,
        "schedule": "checkpoints",
        "level": "L4",
        "keep_answers": False,
        "interview_date": None,
        "role": None,
        "scope": "core",
    }


def test_the_merge_says_whether_to_write_and_whether_to_redraw() -> None:
    base = progress.empty_progress()
    a = progress.record(base, "x-1", True, T0)
    same = sync.merge_progress(json.dumps(a), a, base)
    assert (same["changed"], same["took"]) == (False, False)
    b = progress.record(base, "x-2", False, T0 + 1)
    both = sync.merge_progress(json.dumps(a), b, base)
    assert (both["changed"], both["took"]) == (True, True)
    behind = sync.merge_progress(json.dumps(a), base, base)  # a tab with nothing new
    assert (behind["changed"], behind["took"]) == (False, True)
    assert behind["progress"] == a


def test_what_another_tab_replaced_is_not_brought_back(engine_bank) -> None:
    """A "replace" import in tab A removes records; tab B, still holding the old copy as
    its base, adds only what it did itself."""
    base = build(engine_bank, [("review", 1, "lean_hire", T0), ("quiz", 3, True, T0)])
    replaced = progress.empty_progress()
    b = progress.record(base, "bias-variance-1", False, T0 + DAY)
    merged = sync.merge_progress(json.dumps(replaced), b, base, union=False)["progress"]
    assert merged["reviews"] == [] and merged["cards"] == {}
    assert merged["quiz"] == {"bias-variance-1": [[T0 + DAY, 0]]}
    # without the page's "replaced" mark, the missing records count as a stale copy
    again = sync.merge_progress(json.dumps(replaced), b, base)["progress"]
    assert again["quiz"] == b["quiz"] and again["reviews"] == b["reviews"]


def _in_time_order(ops: list) -> list:
    """As one reader would do them: a card's state is its reviews applied in time order."""
    when = {"quiz": 3, "review": 3, "mock": 5, "exercise": 4, "followup": 3, "draft": 3}
    return sorted(ops, key=lambda op: op[when[op[0]]] if op[0] in when else 0)


@given(
    base_ops=st.lists(operations, max_size=6).map(_in_time_order),
    a_ops=st.lists(operations, min_size=1, max_size=6).map(_in_time_order),
    b_ops=st.lists(operations, max_size=6).map(_in_time_order),
)
@settings(max_examples=80, deadline=None)
def test_a_stale_copy_written_over_mine_takes_nothing_of_mine(
    engine_bank, base_ops, a_ops, b_ops
) -> None:
    """Tab A wrote its records and made that its base; tab B, reading a stale copy (the
    old base: localStorage reaches other tabs late), added its own and wrote over A's.
    A's next merge puts A's records back, and B's stay."""
    old = build(engine_bank, base_ops)
    a = build(engine_bank, _later(a_ops, 70 * DAY), old)
    b = build(engine_bank, _later(b_ops, 140 * DAY), old)
    merged = sync.merge_progress(json.dumps(b), a, a)["progress"]
    assert progress.PROGRESS.problem(merged) is None
    for side in (a, b):
        for got, want in zip(_records(merged), _records(side), strict=True):
            missing = want - got
            assert not missing or all(len(merged["quiz"][i]) == 100 for i, *_ in missing)
    one_tab = reviewed(progress.empty_progress(), *merged["reviews"])  # all in one tab
    assert merged["cards"] == one_tab["cards"]
    for record in merged["exercises"].values():
        assert record["card"] == _passes_replayed(record["results"])


def _passes_replayed(results: list) -> dict | None:
    """An exercise's card as its scheduled passes make it, in time order."""
    card = None
    for t, outcome, _version, scheduled in sorted(results, key=lambda r: r[0]):
        if scheduled:
            card = cards.reviewed_card(card, exercise_progress.OUTCOME_RATINGS[outcome], t)
    return card


E, V, V2 = "top-k-heap", "0123456789abcdef", "fedcba9876543210"


def _event(state: dict, event: str, t: int, version: str = V) -> dict:
    return exercise_progress.exercise_event(state, E, version, event, t)["progress"]


def test_an_exercise_passed_in_two_tabs_keeps_both_passes_and_one_card() -> None:
    base = _event(progress.empty_progress(), "check_passed", T0)
    a = _event(_event(base, "hint", T0 + 3 * DAY), "check_passed", T0 + 3 * DAY + 1)
    b = _event(base, "check_passed", T0 + 4 * DAY)
    b = exercise_progress.grade_followup(b, E, 1, "lean_hire", T0 + 4 * DAY + 5)
    merged = sync.merge_progress(json.dumps(a), b, base)["progress"]
    record = merged["exercises"][E]
    assert [r[:2] for r in record["results"]] == [
        [T0, "solved"],
        [T0 + 3 * DAY + 1, "solved_with_help"],
        [T0 + 4 * DAY, "solved"],
    ]
    assert record["followups"] == [[1, "lean_hire", T0 + 4 * DAY + 5]]
    assert record["card"] == _passes_replayed(record["results"])
    assert record["card"] not in (a["exercises"][E]["card"], b["exercises"][E]["card"])


def test_a_stale_copy_over_my_exercise_work_takes_none_of_it() -> None:
    """Tab B wrote an old copy (without A's pass and draft) with a hint of its own."""
    old = _event(progress.empty_progress(), "check_failed", T0)
    a = exercise_progress.save_draft(_event(old, "check_passed", T0 + DAY), E, V, "x = 1", T0 + DAY)
    b = _event(old, "hint", T0 + 2 * DAY)
    merged = sync.merge_progress(json.dumps(b), a, a)["progress"]
    record = merged["exercises"][E]
    assert [r[0] for r in record["results"]] == [T0 + DAY]
    assert record["card"] == a["exercises"][E]["card"]
    assert record["draft"] == a["exercises"][E]["draft"]
    assert record["round"] == b["exercises"][E]["round"]  # B's hint came after A's pass


def test_exercise_work_another_tab_replaced_is_not_brought_back() -> None:
    base = exercise_progress.save_draft(
        _event(progress.empty_progress(), "check_passed", T0), E, V, "old", T0
    )
    replaced = progress.empty_progress()
    b = exercise_progress.save_draft(base, "stable-softmax", V2, "mine", T0 + DAY)
    merged = sync.merge_progress(json.dumps(replaced), b, base, union=False)["progress"]
    assert list(merged["exercises"]) == ["stable-softmax"]
    assert merged["exercises"]["stable-softmax"]["draft"]["code"] == "mine"
    b2 = _event(base, "check_passed", T0 + 2 * DAY, V2)
    again = sync.merge_progress(json.dumps(replaced), b2, base, union=False)["progress"]
    record = again["exercises"][E]
    assert [r[0] for r in record["results"]] == [T0 + 2 * DAY]  # only what B did since
    assert record["draft"] is None
    assert record["card"] == _passes_replayed(record["results"])


def test_mock_rounds_finished_in_two_tabs_are_both_kept(engine_bank) -> None:
    base = progress.empty_progress()
    one = finished_mock(engine_bank, "mle", "L4", 1, ["lean_hire"])
    two = finished_mock(engine_bank, "ds", "L5", 2, ["no_hire"])
    a = mock.record_mock(base, one, T0 + DAY)
    b = mock.record_mock(base, two, T0 + DAY + 1)
    merged = sync.merge_progress(json.dumps(a), b, base)["progress"]
    assert [m["id"] for m in merged["mocks"]] == ["mock-1", "mock-2"]
    assert progress.PROGRESS.problem(merged) is None


def test_nothing_or_garbage_stored_writes_mine_and_says_why() -> None:
    mine = progress.record(progress.empty_progress(), "x-1", True, T0)
    base = progress.empty_progress()
    out = sync.merge_progress(None, mine, base)
    assert out == {"progress": mine, "reason": None, "newer": None, "changed": True, "took": False}
    out = sync.merge_progress("{not json", mine, base)
    assert out["progress"] == mine and "not valid JSON" in out["reason"]


def test_a_newer_version_is_never_merged_over() -> None:
    mine = progress.empty_progress()
    future = PROGRESS_VERSION + 1
    stored = json.dumps({"version": future, "quiz": {}, "whatever": []})
    out = sync.merge_progress(stored, mine, mine)
    assert (out["progress"], out["newer"], out["changed"]) == (None, future, False)
    assert sync.newer_version(stored, PROGRESS_VERSION) == future
    assert sync.newer_version('{"version": 2}', 2) is None
    assert sync.newer_version("[3]", 2) is None
    assert sync.newer_version('{"version": true}', 0) is None


def test_the_ops_answer_newer_for_every_store(loaded_bank) -> None:
    def call(op: str, **args):
        out = json.loads(dispatch(op, json.dumps(args)))
        assert out["ok"], out
        return out["result"]

    newer = json.dumps({"version": 9})
    assert call("restore_progress", raw=newer)["newer"] == 9
    assert call("restore_round", raw=newer)["newer"] == 9
    assert call("restore_saved_session", raw=newer)["newer"] == 9
    assert call("restore_progress", raw=None)["newer"] is None
    assert call("merge_round", stored=newer, mine=None)["keep"] == "stored"


def _slot_round(bank, seed: int, graded: int, probes: int = 0, started: int = T0) -> dict:
    saved = saved_round(bank, "mle", "L4", seed, graded, probes)
    return {**saved, "started_ms": started, "question_started_ms": started + 1}


def test_the_running_round_slot_keeps_the_copy_that_got_further(engine_bank, loaded_bank):
    def keep(stored, mine, clearing=None) -> str:
        raw = None if stored is None else json.dumps(stored)
        args = {"stored": raw, "mine": mine, "clearing": clearing}
        return json.loads(dispatch("merge_round", json.dumps(args)))["result"]["keep"]

    two, three = _slot_round(engine_bank, 5, 2), _slot_round(engine_bank, 5, 3)
    assert keep(None, two) == "mine"
    assert keep(two, three) == "mine"
    assert keep(three, two) == "stored"  # the other tab got further: take its copy
    other = _slot_round(engine_bank, 6, 0, started=T0 + DAY)
    assert keep(other, two) == "stored"  # a round started later in another tab
    assert keep(two, other) == "mine"
    assert keep(two, None, clearing=two) == "clear"  # this tab finished that round
    assert keep(other, None, clearing=two) == "stored"  # never clears another round
    assert keep(None, None, clearing=two) == "clear"


def test_a_quiz_slot_keeps_the_session_with_more_answers(engine_bank, loaded_bank) -> None:
    from practice_engine import quiz

    s0 = quiz.new_session(engine_bank, {"count": 3}, 4)
    s1, _ = quiz.grade(engine_bank, s0, [0])

    def keep(stored, mine, clearing=None) -> str:
        args = {"stored": json.dumps(stored), "mine": mine, "clearing": clearing}
        return json.loads(dispatch("merge_session", json.dumps(args)))["result"]["keep"]

    assert keep(s1, s0) == "stored"
    assert keep(s0, s1) == "mine"
    assert keep(s1, None, clearing=s1) == "clear"
    other = quiz.new_session(engine_bank, {"count": 3}, 5)
    assert keep(other, None, clearing=s1) == "stored"
    assert keep(other, s1) == "mine"
