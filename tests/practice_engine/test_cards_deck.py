"""The flashcard deck: concept questions, short answers and practice problems in the study
plan's order, each graded and scheduled like any card, keyed by its entry id."""

from __future__ import annotations

import json

from practice_engine import api, cards, progress
from practice_engine.vocab import DECK_KINDS, LEVELS
from tests.practice_engine.builders import T0


def _kinds(bank, ids: list[str]) -> list[str]:
    return [bank.entry(i).kind for i in ids]


def test_the_deck_holds_every_question_short_answer_and_problem(engine_bank) -> None:
    ids = cards.question_ids(engine_bank)
    wanted = {e.id for e in engine_bank.entries if e.kind in ("question", "short", "problem")}
    assert set(ids) == wanted and len(ids) == len(wanted)
    assert {"short", "problem"} <= set(_kinds(engine_bank, ids))


def _study_key(bank, entry_id: str) -> tuple[bool, int, int]:
    e = bank.entry(entry_id)
    track = [t["id"] for t in bank.tracks].index(e.track)
    return (not e.core, track, min(LEVELS.index(lv) for lv in e.levels))


def test_new_cards_follow_the_study_plan(engine_bank) -> None:
    """Core first, then track by track, each from its lowest level up, then the deck's order
    (concept questions before short answers and problems), whatever order the bank has."""
    ids = cards.question_ids(engine_bank)
    core = [e.id for e in engine_bank.entries if e.core]
    assert core and set(ids[: len(core)]) == set(core)  # the must-know questions first
    keys = [_study_key(engine_bank, i) for i in ids]
    assert keys == sorted(keys)
    for key in set(keys):  # within one (core, track, level): kind, then the bank's order
        same = [i for i in ids if _study_key(engine_bank, i) == key]
        ranks = [
            (DECK_KINDS.index(engine_bank.entry(i).kind), _position(engine_bank, i)) for i in same
        ]
        assert ranks == sorted(ranks)
    new = cards.queue(engine_bank, progress.empty_progress(), T0, 0)["new"]
    assert new and new == ids[: len(new)] and set(new) <= set(core)


def _position(bank, entry_id: str) -> int:
    return [e.id for e in bank.entries].index(entry_id)


def test_the_study_order_sorts_core_track_level_then_kind() -> None:
    rows = [
        ("p-late", "problem", "a", ["L3"], False),
        ("q-b", "question", "b", ["L3"], False),
        ("q-a5", "question", "a", ["L5", "L6+"], False),
        ("s-a3", "short", "a", ["L4", "L3"], False),
        ("q-a4", "question", "a", ["L4"], False),
        ("q-core-b", "question", "b", ["L6+"], True),
        ("q-other", "question", "zz", ["L3"], False),  # a track not listed sorts last
        ("e-skip", "exercise", "a", ["L3"], False),  # not a flashcard
    ]
    order = cards.study_order(rows, ["a", "b"])
    assert order == ["q-core-b", "s-a3", "p-late", "q-a4", "q-a5", "q-b", "q-other"]


def test_a_short_answer_and_a_problem_are_scheduled_like_any_card(engine_bank) -> None:
    ids = cards.question_ids(engine_bank)
    short = next(i for i in ids if engine_bank.entry(i).kind == "short")
    problem = next(i for i in ids if engine_bank.entry(i).kind == "problem")
    state = cards.review(progress.empty_progress(), short, "lean_hire", T0)
    state = cards.review(state, problem, "strong_hire", T0 + 1)
    assert [r[0] for r in state["reviews"]] == [short, problem]
    due = cards.queue(engine_bank, state, T0 + 30 * 86_400_000, 0)["due"]
    assert set(due) == {short, problem}


def test_the_review_op_grades_a_problem(engine_bank, real_bank) -> None:
    from macros.publish.export import bank_json

    api.dispatch("load_bank", json.dumps({"text": json.dumps(bank_json(real_bank))}))
    problem = next(e.id for e in engine_bank.entries if e.kind == "problem")
    args = {"progress": progress.empty_progress(), "question_id": problem,
            "grade": "no_hire", "now_ms": T0}  # fmt: skip
    out = json.loads(api.dispatch("review", json.dumps(args)))
    assert out["ok"], out
    assert out["result"]["reviews"] == [[problem, "no_hire", T0]]


def test_the_reader_s_new_card_limit_is_honoured(engine_bank) -> None:
    ids = cards.question_ids(engine_bank)
    for limit in (1, 12, 50):
        settings = {"new_per_day": limit, "scope": "all"}
        state = cards.set_settings(progress.empty_progress(), settings)
        q = cards.queue(engine_bank, state, T0, 0)
        assert q["new"] == ids[:limit] and q["new_left_today"] == limit
