"""The sentence each answer part opens with, in bold: split where a sentence ends, never
inside a formula, a code span, a parenthesis or after an abbreviation."""

from __future__ import annotations

import pytest

from macros.bank import Bank
from macros.render.lead import lead_part_md, split_lead
from practice_engine.vocab import ANSWER_PARTS

# The longest opener the bank may hold: a candidate says it in one breath or two.
MAX_LEAD_WORDS = 100


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("One. Two.", "One."),
        ("Is it? Yes.", "Is it?"),
        ("The loss is $a. b$ here. Then more.", "The loss is $a. b$ here."),
        ("Use `x.y. z` now. Then.", "Use `x.y. z` now."),
        ("Tools, e.g. boosting, help. More.", "Tools, e.g. boosting, help."),
        ("As shown (Hinton et al., 2015). Next.", "As shown (Hinton et al., 2015)."),
        ("A rate of 0.5. Next.", "A rate of 0.5."),
        ("Ask J. Smith first. Then.", "Ask J. Smith first."),
        ("It trades range for precision. fp16 has five bits.", "It trades range for precision."),
        ("Keep (a. b) together. Yes.", "Keep (a. b) together."),
        ("Only one sentence.", "Only one sentence."),
        ("No stop at all", "No stop at all"),
    ],
)
def test_split_lead(text: str, lead: str) -> None:
    first, rest = split_lead(text)
    assert first == lead
    assert f"{first} {rest}".strip() == text


def test_part_markdown_bolds_only_the_lead() -> None:
    md = lead_part_md("Why", "First point. Second point.")
    assert md == '**Why.** <strong class="qlead">First point.</strong> Second point.'


def test_every_part_of_the_bank_opens_with_a_sayable_sentence(real_bank: Bank) -> None:
    """Each lead closes every formula and code span it opens, and is short enough to say
    first; a longer one means the answer should be rewritten, or the splitter is wrong."""
    for question in real_bank.questions:
        for part in ANSWER_PARTS:
            lead, _ = split_lead(getattr(question.answer, part).strip())
            where = f"{question.id}.answer.{part}"
            assert lead.count("$") % 2 == 0, f"{where}: lead cuts a formula: {lead!r}"
            assert lead.count("`") % 2 == 0, f"{where}: lead cuts a code span: {lead!r}"
            assert len(lead.split()) <= MAX_LEAD_WORDS, f"{where}: lead too long: {lead!r}"
