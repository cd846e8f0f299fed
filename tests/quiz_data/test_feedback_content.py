"""Key points and trap claims: every must-know question has them, and every question that
has them has 4 to 8 key points, at least one claim for every trap, and passes two guards a
writer trips quickly. The guide's own
answer (its four parts, depth notes and follow-up answers) must assert none of its traps,
since it names them only to deny them; and it must hit most of its own key points, or a
matcher is broken."""

from __future__ import annotations

import re

import pytest

from macros.bank import Question, load_bank
from macros.export import bank_json
from practice_engine.bankdata import parse_bank
from practice_engine.feedback import feedback
from tests.conftest import ROOT

from .test_content import MUST_KNOW

_MATH = re.compile(r"\$[^$]*\$")


def _with_key_points() -> list[str]:
    """Ids of every question that carries answer feedback, read when tests are collected."""
    bank = load_bank(ROOT / "quiz_data")
    return [q.id for q in bank.questions if q.key_points or q.trap_claims]


WITH_KEY_POINTS = _with_key_points()


def test_every_must_know_question_has_feedback() -> None:
    assert set(MUST_KNOW) <= set(WITH_KEY_POINTS)


def _guide_text(q: Question) -> str:
    parts = [q.answer.what, q.answer.why, q.answer.when, q.answer.tradeoffs]
    parts += [text for _, text in q.depth.by_level()] + [f.a for f in q.followups]
    return _MATH.sub("X", "\n".join(parts))  # formulas are not read aloud as typed


@pytest.fixture(scope="module")
def exported(real_bank):
    return parse_bank(bank_json(real_bank))


@pytest.mark.parametrize("qid", WITH_KEY_POINTS)
def test_key_points_and_trap_coverage(real_bank, qid: str) -> None:
    q = real_bank.get(qid)
    assert 4 <= len(q.key_points) <= 8, f"{qid}: {len(q.key_points)} key points"
    covered = {c.trap for c in q.trap_claims}
    assert covered == set(range(len(q.traps))), f"{qid}: traps without a claim"


@pytest.mark.parametrize("qid", WITH_KEY_POINTS)
def test_the_guides_own_answer_asserts_no_trap_and_hits_its_points(
    real_bank, exported, qid: str
) -> None:
    q = real_bank.get(qid)
    text = _guide_text(q)
    entry = exported.entry(qid)
    result = feedback(entry.feedback, qid, "L6+", text, exported.lexicon)
    fired = {
        t["id"]: [text[slice(*result["sentences"][i])] for i in t["sentences"]]
        for t in result["traps"]
        if t["asserted"]
    }
    assert not fired, f"{qid}: the guide's own answer asserts {fired}"
    assert result["hit"] >= 0.75 * result["expected"], (
        f"{qid}: the guide's own answer hits only {result['hit']} of {result['expected']}"
    )
