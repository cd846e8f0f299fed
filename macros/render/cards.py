"""Render bank entries as Markdown cards for MkDocs pages.

Cards are emitted as Markdown rather than HTML so that the site's own Markdown extensions
(pymdownx.details for the collapsed block, arithmatex for formulas, attr_list for anchors)
do the rendering, exactly as on any hand-written page. Everything a reader needs is in the
static HTML: reading never waits for Python in the browser.
"""

from __future__ import annotations

import html
import re

from practice_engine.vocab import (
    ANSWER_PART_LABELS,
    GRADE_LABELS,
    LEVEL_NAMES,
    ROLE_LABELS,
    RUBRIC_GRADES,
    TYPE_LABELS,
    short_target_seconds,
    short_time_target,
    target_seconds,
)

from ..bank import Bank, Entry, Problem, Question, Short
from ..bank.models import Rubric
from .figures import figure_md
from .lead import lead_part_md
from .links import entry_link, rel_md
from .tags import level_span

DETAILS_TITLE = "Full Answer + Rubric"
# The block's opening tag, closed and open (the one-page print version opens every block).
DETAILS_CLOSED = '<details class="answer" markdown>'
DETAILS_OPEN = '<details class="answer" open markdown>'


# "Answer first" (frontend/widgets/answer-first.js): the page's mode switch, before the
# first card, and each card's shell, before its answer. Hidden until the script fills them,
# so without JavaScript the page reads as before; the print page drops them (FIRST_SHELL).
FIRST_MODE = '<div class="mlw-first-mode mlw-panel" hidden></div>'
FIRST_SHELL = re.compile(r'<div class="mlw-first[^"]*"[^>]*>.*?</div>\n*', re.S)
# The part of a card that "Answer first" hides until the reader asks for it (the collapsed
# block is hidden with it).
ANSWER_OPEN = '<div class="qcard__answer" markdown>'


def first_shell(entry: Entry) -> str:
    """One card's "Answer first" shell: the entry, its countdown and the live region."""
    if isinstance(entry, Short):
        target, seconds = short_time_target(), short_target_seconds()
    else:
        target, seconds = entry.time_target, target_seconds(entry.type)
    return (
        f'<div class="mlw-first mlw-panel" data-first-id="{entry.id}" '
        f'data-first-seconds="{seconds}" data-first-target="{target}" hidden>'
        '<p class="mlw-first__status visually-hidden" role="status" aria-live="polite"></p>'
        "</div>\n\n"
    )


def anchor(entry_id: str) -> str:
    return f"q-{entry_id}"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def badges(entry: Entry, bank: Bank) -> str:
    """The card's facts as one line of text (must-know, track, levels, type, time, roles),
    spans the stylesheet separates with dots: it reads well aloud and takes one or two lines
    on a phone where seven chips took four."""
    spans = [f'<span class="qbadge qbadge--track">{_esc(bank.track(entry.track).title)}</span>']
    if isinstance(entry, Question) and entry.must_know:
        spans.insert(0, '<span class="qbadge qbadge--core">Must-know</span>')
    spans.append(
        f'<span class="qbadge qbadge--level">'
        f'<span class="qbadge__label">Levels</span> {level_span(entry.levels)}</span>'
    )
    if isinstance(entry, Question | Problem):
        spans.append(f'<span class="qbadge qbadge--type">{TYPE_LABELS[entry.type]}</span>')
        spans.append(
            f'<span class="qbadge qbadge--time">'
            f'<span class="qbadge__label">Time target:</span> {entry.time_target}</span>'
        )
    roles = ", ".join(ROLE_LABELS[r] for r in entry.roles)
    spans.append(f'<span class="qbadge qbadge--roles">{_esc(roles)}</span>')
    return f'<p class="qbadges">{" ".join(spans)}</p>'


def bullets(items: list[str]) -> str:
    return "\n".join("- " + item.replace("\n", "\n  ") for item in items)


def _sub(title: str, entry_id: str, slug: str, attrs: str = "") -> str:
    """A sub-heading inside a card, with a stable anchor of its own (`#q-<id>-<slug>`).
    The TOC stops at h2, so these do not flood it."""
    return f"### {title} {{ #{anchor(entry_id)}-{slug} .qcard__sub{attrs} }}"


def rubric_rows_md(rubric: Rubric) -> str:
    """The rubric as three labelled cards, strongest first: a label, then its bullets. The
    label keeps its `rubric-<grade>` class (colour, and what tests and widgets look for)."""
    cards = (
        f'<div class="qrubric__card qrubric__card--{_slug(grade)}" markdown>\n'
        f'<p class="qrubric__label rubric-{_slug(grade)}">'
        f"<strong>{GRADE_LABELS[grade]}</strong></p>"
        f"\n\n{bullets(getattr(rubric, grade))}\n\n</div>"
        for grade in RUBRIC_GRADES
    )
    return '<div class="qrubric" markdown>\n' + "\n".join(cards) + "\n</div>"


def _slug(grade: str) -> str:
    return grade.replace("_", "-")


def rubric_md(rubric: Rubric, entry_id: str) -> str:
    """The rubric under its heading, kept out of the site search: the search plugin
    indexes a page heading by heading, and an excluded heading takes all it heads with it
    (here up to the end of the card's collapsed block). Answers stay searchable; a rubric
    found by search shows the grading before the reader has answered, and the rubrics were
    the largest part of the index after the answers (#15)."""
    heading = _sub("Rubric", entry_id, "rubric", " data-search-exclude")
    return heading + "\n\n" + rubric_rows_md(rubric)


def answer_md(question: Question) -> str:
    """The four-part answer, each part after its bold label, opening with its lead sentence."""
    return "\n\n".join(
        lead_part_md(label, getattr(question.answer, key))
        for key, label in ANSWER_PART_LABELS.items()
    )


def _followups_md(entry: Question | Problem) -> str:
    rows = [f"**{f.q}**\n\n{f.a}" for f in entry.followups]
    return _sub("Follow-up probes", entry.id, "followups") + "\n\n" + "\n\n".join(rows)


def _related_md(entry: Entry, bank: Bank, page: str) -> str:
    if not entry.related:
        return ""
    links = [entry_link(bank.get(r), bank, page) for r in entry.related]
    return "**Related:** " + " · ".join(links)


def _traps_md(entry: Question | Problem) -> str:
    return _sub("Traps and red flags", entry.id, "traps") + "\n\n" + bullets(entry.traps)


def _depth_md(question: Question) -> str:
    """What an answer sounds like at each level, as a ladder: an ordered list, lowest level
    first, each step its level, the scope it stands for and the answer at that depth. The
    `data-level` lets a page mark the reader's target level."""
    steps = "\n".join(
        f'<li class="qladder__step" data-level="{level}" markdown="block">\n'
        f'<p class="qladder__level"><strong>{level}</strong> {LEVEL_NAMES[level]}</p>\n\n'
        f"{text}\n\n</li>"
        for level, text in question.depth.by_level()
    )
    title = "What an answer sounds like, by level"
    ladder = f'<ol class="qladder" markdown>\n{steps}\n</ol>'
    return _sub(title, question.id, "depth") + "\n\n" + ladder


def _details(body_parts: list[str]) -> str:
    """The collapsed block, as raw HTML Markdown is parsed inside (md_in_html), rather than
    pymdownx.details: its body is indented, and HTML in an indented body (the ladder, the
    rubric cards) is read as a code block. Same element and class as before."""
    body = "\n\n".join(p for p in body_parts if p)
    return f"{DETAILS_CLOSED}\n<summary>{DETAILS_TITLE}</summary>\n\n{body}\n\n</details>"


def _reviewed(entry: Entry) -> str:
    return f'<p class="qcard__reviewed">Last reviewed {entry.reviewed.isoformat()}</p>'


def _open(entry: Entry, heading: str, level: int) -> str:
    hashes = "#" * level
    return (
        f'<div class="qcard" data-qid="{entry.id}" markdown>\n\n'
        f"{hashes} {heading} {{ #{anchor(entry.id)} }}\n\n"
    )


def question_card(question: Question, bank: Bank, page: str, level: int = 2) -> str:
    """A full question: badges, the four-part answer, then the collapsed depth and rubric."""
    answer = answer_md(question)
    figure = "\n\n".join(
        part
        for part in (
            diagram_md(question, page),
            figure_md(question.figure, page) if question.figure else "",
        )
        if part
    )
    details = _details(
        [
            _depth_md(question),
            _followups_md(question),
            _traps_md(question),
            rubric_md(question.rubric, question.id),
        ]
    )
    tail = "\n\n".join(p for p in (_related_md(question, bank, page), _reviewed(question)) if p)
    return (
        _open(question, question.prompt, level)
        + f"{badges(question, bank)}\n\n{first_shell(question)}{ANSWER_OPEN}\n\n{answer}\n\n"
        + (figure + "\n\n" if figure else "")
        + f"</div>\n\n{details}\n\n{tail}\n\n</div>\n"
    )


def problem_card(problem: Problem, bank: Bank, page: str, level: int = 2) -> str:
    """A practice problem: the scenario is visible; the worked answer is collapsed."""
    sections = [
        f"{_sub(s.title, problem.id, f'part-{n}')}\n\n{s.body}"
        for n, s in enumerate(problem.answer_sections, 1)
    ]
    details = _details(
        [
            *sections,
            _followups_md(problem),
            _traps_md(problem),
            rubric_md(problem.rubric, problem.id),
            _related_md(problem, bank, page),
        ]
    )
    return (
        _open(problem, problem.title, level)
        + f"{badges(problem, bank)}\n\n**{problem.prompt}**\n\n{problem.scenario}\n\n"
        + f"{first_shell(problem)}{details}\n\n{_reviewed(problem)}\n\n</div>\n"
    )


def short_card(short: Short, bank: Bank, page: str, level: int = 3) -> str:
    """A question from the other lists: a concise answer, or a link to the full one."""
    if short.see is not None:
        target = entry_link(bank.get(short.see), bank, page)
        return _open(short, short.prompt, level) + f"Answered in full as {target}.\n\n</div>\n"
    details = _details([rubric_md(short.rubric, short.id), _related_md(short, bank, page)])
    return (
        _open(short, short.prompt, level)
        + f"{badges(short, bank)}\n\n{first_shell(short)}"
        + f"{ANSWER_OPEN}\n\n{short.answer}\n\n</div>\n\n"
        + f"{details}\n\n{_reviewed(short)}\n\n</div>\n"
    )


def diagram_md(entry: Question | Problem, page: str) -> str:
    """A figure with a Markdown image, so MkDocs checks the file exists and fixes its URL."""
    if entry.diagram is None:
        return ""
    d = entry.diagram
    alt = d.alt.replace("[", "(").replace("]", ")")
    return (
        f'<figure class="qfigure" markdown="span">\n![{alt}]({rel_md(page, d.src)})\n'
        f"<figcaption>{_esc(d.caption)}</figcaption>\n</figure>"
    )


def card(entry: Entry, bank: Bank, page: str, level: int = 2) -> str:
    if isinstance(entry, Question):
        return question_card(entry, bank, page, level)
    if isinstance(entry, Problem):
        return problem_card(entry, bank, page, level)
    return short_card(entry, bank, page, level)
