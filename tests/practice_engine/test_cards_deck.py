"""The flashcard deck: concept questions first, then short answers, then practice problems,
each graded and scheduled like any card, keyed by its entry id."""

from __future__ import annotations

import json

from practice_engine import api, cards, progress
from practice_engine.vocab import DECK_KINDS
from tests.practice_engine.builders import T0


def _kinds(bank, ids: list[str]) -> list[str]:
    return [bank.entry(i).kind for i in ids]


def test_the_deck_holds_every_question_short_answer_and_problem(engine_bank) -> None:
    ids = cards.question_ids(engine_bank)
    wanted = {e.id for e in engine_bank.entries if e.kind in ("question", "short", "problem")}
    assert set(ids) == wanted and len(ids) == len(wanted)
    assert {"short", "problem"} <= set(_kinds(engine_bank, ids))


def test_new_cards_start_with_the_concept_questions(engine_bank) -> None:
    ids = cards.question_ids(engine_bank)
    kinds = _kinds(engine_bank, ids)
    assert kinds == sorted(kinds, key=DECK_KINDS.index)  # questions, shorts, problems
    assert ids[: kinds.count("question")] == cards.concept_ids(engine_bank)
    new = cards.queue(engine_bank, progress.empty_progress(), T0, 0)["new"]
    assert _kinds(engine_bank, new) == ["question"] * len(new)


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
