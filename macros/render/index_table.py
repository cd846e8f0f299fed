"""The question, problem and exercise indexes as trackers: one HTML table per index, each
row carrying what the filters match on (track, levels, roles, type, status) as data
attributes, with a filter form the page's script reveals (frontend/widgets/index.js).

Without JavaScript the form stays hidden and the whole table shows. The status column
starts at each kind's first status ("New"): a reader's progress exists only in a browser
that ran the scripts, which then fill it in from the engine's `index_status` op.
Links are written as the URLs MkDocs gives the pages (`use_directory_urls`), relative to
the index, since MkDocs does not rewrite links inside raw HTML.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from practice_engine.vocab import (
    EXERCISE_STATUS_LABELS,
    LEVELS,
    MASTERED_STABILITY_DAYS,
    PROBLEM_STATUS_LABELS,
    QUESTION_STATUS_LABELS,
    ROLE_LABELS,
    SCOPE_LABELS,
    TYPE_LABELS,
)

from ..bank import Bank, Problem, Question
from ..bank.cache import exercises_for
from .exercise_page import EXERCISES_DIR, PAGES_DIR
from .links import entry_title, page_of, page_url

QUIZ_PAGE = "drill/quiz.md"

Options = Sequence[tuple[str, str]]


def _a(value: str) -> str:
    return escape(value, quote=True)


def page_href(from_page: str, to_page: str, anchor: str = "") -> str:
    """The URL of the page built from `to_page`, relative to the one built from `from_page`
    (both docs-relative Markdown paths)."""
    here, there = page_url(from_page), page_url(to_page)
    rel = posixpath.relpath(there or ".", here or ".")
    return ("./" if rel == "." else rel + "/") + (f"#{anchor}" if anchor else "")


def _select(kind: str, name: str, label: str, options: Options) -> str:
    choices = "".join(f'<option value="{_a(v)}">{escape(t)}</option>' for v, t in options)
    select_id = f"index-{kind}-{name}"
    return (
        f'<p class="mlw-index__filter"><label for="{select_id}">{escape(label)}</label> '
        f'<select id="{select_id}" name="{name}"><option value="">All</option>{choices}'
        "</select></p>"
    )


def _form(kind: str, noun: str, filters: list[tuple[str, str, Options]], quiz: str) -> str:
    selects = "".join(_select(kind, name, label, options) for name, label, options in filters)
    return (
        f'<form class="mlw-index__filters" aria-label="Filter the {noun}" hidden>'
        f'<div class="mlw-index__selects">{selects}</div>'
        f'<p class="mlw-index__bar"><span class="mlw-index__count" role="status" '
        f'aria-live="polite"></span> <a class="md-button md-button--primary mlw-index__practise" '
        f'href="{_a(quiz)}">Practise these</a></p>'
        '<p class="mlw-index__note" aria-live="polite"></p>'
        "</form>"
    )


def _row(data: dict[str, str], cells: Iterable[tuple[str, str]]) -> str:
    attrs = "".join(f' data-{k}="{_a(v)}"' for k, v in data.items())
    tds = "".join(f'<td data-label="{_a(label)}">{html}</td>' for label, html in cells)
    return f"<tr{attrs}>{tds}</tr>"


def _table(kind: str, head: list[str], rows: list[str], caption: str) -> str:
    ths = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    return (
        f'<table class="mlw-index__table"><caption class="visually-hidden">{escape(caption)}'
        f"</caption><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _widget(kind: str, form: str, note: str, table: str, total: int) -> str:
    return (
        f'<div class="mlw-index" id="index-{kind}" data-kind="{kind}" data-total="{total}">'
        f'{form}<p class="mlw-index__about">{note}</p>{table}</div>'
    )


def _status_cell(labels: dict[str, str]) -> str:
    return f'<span class="mlw-index__status">{escape(next(iter(labels.values())))}</span>'


def _link(href: str, text: str) -> str:
    return f'<a href="{_a(href)}">{escape(text)}</a>'


def _entry_row(
    entry: Question | Problem, bank: Bank, page: str, labels: dict[str, str], noun: str
) -> str:
    href = page_href(page, page_of(entry, bank), f"q-{entry.id}")
    data = {
        "id": entry.id,
        "track": entry.track,
        "levels": " ".join(entry.levels),
        "roles": " ".join(entry.roles),
        "type": entry.type,
        "status": next(iter(labels)),
        # The "Questions" filter's core set; its "All" (empty) shows every row.
        "scope": "core" if getattr(entry, "must_know", False) else "",
    }
    cells = [
        (noun, _link(href, entry_title(entry))),
        ("Track", escape(bank.track(entry.track).title)),
        ("Levels", escape(" ".join(entry.levels))),
        ("Type", escape(TYPE_LABELS[entry.type])),
        ("Minutes", escape(entry.time_target.removesuffix(" min"))),
        ("Your status", _status_cell(labels)),
    ]
    return _row(data, cells)


def _entry_filters(bank: Bank, labels: dict[str, str]) -> list[tuple[str, str, Options]]:
    return [
        ("track", "Track", [(t.id, t.title) for t in bank.tracks]),
        ("level", "Level", [(lv, lv) for lv in LEVELS]),
        ("role", "Role", list(ROLE_LABELS.items())),
        ("type", "Type", list(TYPE_LABELS.items())),
        ("status", "Your status", list(labels.items())),
    ]


HEAD = ["Track", "Levels", "Type", "Minutes", "Your status"]  # after the entry's own noun

QUESTIONS_NOTE = (
    "Your status comes from your flashcards in this browser: <strong>new</strong> until "
    "you first grade yourself, <strong>due</strong> when a review is due, "
    "<strong>mastered</strong> once a card's stability reaches {days} days (FSRS expects "
    "you to recall it for three weeks without a review) and it is not due, "
    "<strong>learning</strong> in between."
)
PROBLEMS_NOTE = (
    "Practice problems are flashcards too: once you grade yourself on one (Answer first, "
    "or in the flashcards) its status follows its card, as for the questions. A problem "
    "you have only met in the quiz shows as <strong>quizzed</strong>, with how many "
    "of the latest answers to its quiz questions were right."
)
EXERCISES_NOTE = (
    "Your status comes from the checks you ran in this browser: <strong>attempted</strong> "
    "until a check passes, then how you solved it (on your own, with hints, or after "
    "seeing the solution)."
)


def question_tracker(bank: Bank, page: str) -> str:
    """Every full question, filterable, with its difficulty (levels), minutes and status,
    and whether it is in the core set (only questions are must-know)."""
    labels = QUESTION_STATUS_LABELS
    rows = [_entry_row(q, bank, page, labels, "Question") for q in bank.questions]
    filters = [
        *_entry_filters(bank, labels),
        ("scope", "Questions", [("core", SCOPE_LABELS["core"])]),
    ]
    form = _form("questions", "questions", filters, page_href(page, QUIZ_PAGE))
    table = _table("questions", ["Question", *HEAD], rows, "Every question")
    note = QUESTIONS_NOTE.format(days=MASTERED_STABILITY_DAYS)
    return _widget("questions", form, note, table, len(rows))


def problem_tracker(bank: Bank, page: str) -> str:
    """Every practice problem, filterable, with its levels, minutes and quiz status."""
    labels = PROBLEM_STATUS_LABELS
    rows = [_entry_row(p, bank, page, labels, "Problem") for p in bank.problems]
    form = _form("problems", "problems", _entry_filters(bank, labels), page_href(page, QUIZ_PAGE))
    table = _table("problems", ["Problem", *HEAD], rows, "Every practice problem")
    return _widget("problems", form, PROBLEMS_NOTE, table, len(rows))


def exercise_tracker(root: Path, page: str) -> str:
    """Every coding exercise with the function the reader writes and their status. The
    exercises have no levels or time targets, so status is their one filter."""
    labels = EXERCISE_STATUS_LABELS
    rows = []
    hrefs = []
    for exercise in exercises_for(Path(root) / EXERCISES_DIR):
        href = page_href(page, f"{PAGES_DIR}/{exercise.id}.md")
        hrefs.append(href)
        cells = [
            ("Exercise", _link(href, exercise.title)),
            ("You write", f"<code>{escape(exercise.function)}</code>"),
            ("Your status", _status_cell(labels)),
        ]
        rows.append(_row({"id": exercise.id, "status": "new"}, cells))
    filters: list[tuple[str, str, Options]] = [("status", "Your status", list(labels.items()))]
    # the script points "Practise these" at the first shown exercise not yet solved
    form = _form("exercises", "exercises", filters, hrefs[0] if hrefs else "./")
    table = _table("exercises", ["Exercise", "You write", "Your status"], rows, "Every exercise")
    return _widget("exercises", form, EXERCISES_NOTE, table, len(rows))
