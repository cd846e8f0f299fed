"""Whole-page listings built from the bank: a track, the must-know questions, a problem area,
the other question lists, and the side-by-side view of one question at every level."""

from __future__ import annotations

import html

from practice_engine.vocab import LEVELS

from ..bank import Bank, Question, Short
from .cards import FIRST_MODE, card
from .links import entry_href, entry_link, entry_title
from .tags import entry_tags, tag_groups, tag_slug

LIST_TITLES = {
    "entry": "Entry level",
    "mid": "Mid level",
    "deep-learning": "Deep learning",
    "eval-production": "Evaluation and production",
    "most-tested": "The most-tested topics",
    "metric-choice": "Choosing a metric",
}


def track_intro(bank: Bank, track_id: str) -> str:
    track = bank.track(track_id)
    levels = ", ".join(track.levels)
    return (
        f'<p class="track-audience"><strong>Who is asked these, and at which level.</strong> '
        f"{html.escape(track.audience)} <em>Levels: {levels}.</em></p>"
    )


def track_cards(bank: Bank, track_id: str, page: str) -> str:
    """Every full question of a track, in the brief's order."""
    entries = [e for e in bank.in_track(track_id) if isinstance(e, Question)]
    return "\n".join([FIRST_MODE, *(card(e, bank, page) for e in entries)])


def must_know_index(bank: Bank, page: str) -> str:
    """The must-know questions by track: where a reader with little time starts."""
    rows = ["| Track | Must-know questions |", "|---|---|"]
    for track in bank.tracks:
        qs = [q for q in bank.questions if q.track == track.id and q.must_know]
        if qs:
            links = ", ".join(f"[{entry_title(q)}]({entry_href(q, bank, page)})" for q in qs)
            rows.append(f"| {track.title} | {links} |")
    return "\n".join(rows)


# How a problem page is used, once for every area. Out of the search index: the same words
# on seven pages would come up seven times for any query they match.
PROBLEM_HOW_TO = (
    "Read the scenario, press **Answer first** and answer it aloud against the clock, then "
    "read the worked answer and its rubric and grade yourself: the grade puts the problem "
    "on your flashcard schedule.\n{ data-search-exclude }\n"
)


def problem_area(bank: Bank, area: str, page: str) -> str:
    """How to use the page, then every practice problem of an area, in the bank's order."""
    problems = [p for p in bank.problems if p.area == area]
    return "\n".join([PROBLEM_HOW_TO, FIRST_MODE, *(card(p, bank, page) for p in problems)])


def other_lists(bank: Bank, page: str) -> str:
    """The brief's other question lists, grouped; repeats of the 30 link to the full card."""
    out = [FIRST_MODE]
    for group, title in LIST_TITLES.items():
        shorts = sorted((s for s in bank.shorts if s.group == group), key=lambda s: s.order)
        if not shorts:
            continue
        out.append(f"## {title} {{ #list-{group} }}\n")
        out += [card(s, bank, page, level=3) for s in shorts]
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def tag_index(bank: Bank, page: str) -> str:
    """Every full question and practice problem under each of its tags."""
    entries = [e for e in bank.entries if not isinstance(e, Short)]
    out = []
    for group, tags in tag_groups(bank).items():
        out.append(f"## {group}\n")
        for tag in tags:
            tagged = [e for e in entries if tag in entry_tags(e, bank)]
            if not tagged:
                continue
            out.append(f"### {tag} {{ #{tag_slug(tag)} }}\n")
            out += [f"- {entry_link(e, bank, page)}" for e in tagged]
            out.append("")
    return "\n".join(out)


def depth_side_by_side(bank: Bank, question_id: str, page: str) -> str:
    """One question answered at L3, L4, L5 and L6+ side by side, from its bank entry."""
    q = bank.get(question_id)
    if not isinstance(q, Question):
        raise ValueError(f"{question_id!r} is not a full question")
    cells = dict(q.depth.by_level())
    header = "| Level | What the answer sounds like |\n|---|---|"
    rows = [f"| **{lv}** | {_cell(cells[lv])} |" for lv in LEVELS]
    return f"**{entry_link(q, bank, page)}**\n\n{header}\n" + "\n".join(rows)
