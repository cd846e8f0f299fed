"""The mock round's hidden store: for every concept question, its rubric (three labelled
cards, as on the question's page) and what an answer says at each level (the depth
ladder's text). The "I'm done" step shows the rubric and the round's level from here before
the self-grade, so this text is build-made, sanitised HTML, never bank text parsed in the
page, and nothing has to travel through Python.

Like the flashcards' store (drill.py): a <section>, hidden, kept out of search, with its
own "mk-" prefix, never the question cards' "qcard"/"data-qid"/"q-<id>" (the parity check
counts those).
"""

from __future__ import annotations

from practice_engine.vocab import LEVEL_NAMES

from ..bank import Bank, Question
from .cards import rubric_rows_md


def _level_md(question: Question) -> str:
    return "\n".join(
        f'<div class="mk-card__level" data-mk-level="{level}" '
        f'data-mk-level-name="{LEVEL_NAMES[level]}" markdown>\n\n{text}\n\n</div>'
        for level, text in question.depth.by_level()
    )


def mock_card(question: Question) -> str:
    """One question's rubric and level texts, each in a block the page can copy."""
    return (
        f'<div class="mk-card" data-mk-id="{question.id}" markdown>\n'
        f'<div class="mk-card__rubric" markdown>\n\n{rubric_rows_md(question.rubric)}\n\n</div>\n'
        f"{_level_md(question)}\n"
        "</div>\n"
    )


def mock_store(bank: Bank) -> str:
    """A top-level block of its own, after the widget's section (see drill.flashcards)."""
    cards = "\n".join(mock_card(q) for q in bank.questions)
    opening = '<section class="mk-store" hidden data-search-exclude markdown>'
    return f"{opening}\n\n{cards}\n</section>\n"
