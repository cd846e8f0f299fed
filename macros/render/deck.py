"""The flashcards of the short answers and practice problems, hidden in the flashcards page
next to the concept questions' (drill.py): the engine's deck holds all three kinds.

Same shape as a concept question's card (a prompt, then the answer with its rubric) and the
same rule: "fc-" classes and ids only, never the question cards' "qcard"/"data-qid"/"q-<id>",
which the build's parity check counts. A problem's answer sections get bold titles, not
headings, so they add no anchors or permalinks.
"""

from __future__ import annotations

from html import escape

from practice_engine import vocab

from ..bank import Bank, Problem, Short
from .cards import rubric_rows_md
from .links import entry_link

RUBRIC = '<p class="fc-sub">Rubric</p>'


def _card(entry: Problem | Short, bank: Bank, prompt: str, answer: str, target: str,
          seconds: int) -> str:  # fmt: skip
    track = escape(bank.track(entry.track).title, quote=True)
    return (
        f'<div class="fc-card" id="fc-{entry.id}" data-fc-id="{entry.id}" '
        f'data-fc-kind="{entry.kind}" data-fc-target="{target}" data-fc-seconds="{seconds}" '
        f'data-fc-track="{track}" markdown>\n'
        f'<div class="fc-card__prompt" markdown>\n\n{prompt}\n\n</div>\n'
        f'<div class="fc-card__answer" markdown>\n\n{answer}\n\n'
        f"{RUBRIC}\n\n{rubric_rows_md(entry.rubric)}\n\n</div>\n"
        f"</div>\n"
    )


def short_flashcard(short: Short, bank: Bank, page: str) -> str:
    """A short answer: its prompt, then its concise answer, or a link to the full one."""
    if short.see is not None:
        answer = f"Answered in full as {entry_link(bank.get(short.see), bank, page)}."
    else:
        answer = short.answer or ""
    target, seconds = vocab.short_time_target(), vocab.short_target_seconds()
    return _card(short, bank, short.prompt, answer, target, seconds)


def problem_flashcard(problem: Problem, bank: Bank) -> str:
    """A practice problem: its title, question and scenario, then the worked answer."""
    scenario = f'<div class="fc-card__scenario" markdown>\n\n{problem.scenario}\n\n</div>'
    prompt = f"**{problem.title}**\n\n{problem.prompt}\n\n{scenario}"
    answer = "\n\n".join(f"**{s.title}.**\n\n{s.body}" for s in problem.answer_sections)
    seconds = vocab.target_seconds(problem.type)
    return _card(problem, bank, prompt, answer, problem.time_target, seconds)


def flashcards(bank: Bank, page: str) -> dict[str, str]:
    """The deck's short answers and problems by entry id (drill.py puts them in order)."""
    shorts = {s.id: short_flashcard(s, bank, page) for s in bank.shorts}
    return shorts | {p.id: problem_flashcard(p, bank) for p in bank.problems}
