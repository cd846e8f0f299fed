"""The whole guide on one page, for printing or saving as PDF: the hand-written pages in
reading order, then every question, problem and short answer with its Full Answer + Rubric
block open. Relative links of the included pages are rewritten so they still point where
they did (the print page lives one folder deep, like the pages it includes)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from ..bank import Bank
from ..bank.models import AREAS
from . import listings
from .cards import DETAILS_CLOSED, DETAILS_OPEN, FIRST_SHELL

PRINT_PAGE = "print/index.md"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LINK = re.compile(r"(\]\()([^)\s]+)(\))")
_HEADING = re.compile(r"^(#{1,5}) ", re.M)


def _rewrite_link(target: str, source: str) -> str:
    """Point a link written on `source` at the same place from the print page."""
    if re.match(r"^[a-z]+:|^/", target):
        return target
    base = posixpath.dirname(source)
    if target.startswith("#"):
        path = source
        frag = target
    else:
        path, _, rest = target.partition("#")
        path = posixpath.normpath(posixpath.join(base, path))
        frag = f"#{rest}" if rest else ""
    return posixpath.relpath(path, posixpath.dirname(PRINT_PAGE)) + frag


def include_page(docs: Path, source: str, render: Callable[[str], str]) -> str:
    """A page's Markdown with macros rendered, links rewritten, headings one level down."""
    text = _FRONT_MATTER.sub("", (docs / source).read_text(encoding="utf-8"))
    text = render(text)
    text = _LINK.sub(lambda m: m.group(1) + _rewrite_link(m.group(2), source) + m.group(3), text)
    return _HEADING.sub(lambda m: "#" + m.group(1) + " ", text)


def all_entries(bank: Bank, page: str) -> str:
    """Every track's questions, the practice problems and the other lists, answers open."""
    parts = []
    for track in bank.tracks:
        parts.append(f"## {track.title} {{ #print-{track.id} }}\n")
        parts.append(listings.track_intro(bank, track.id))
        parts.append(_demote(listings.track_cards(bank, track.id, page)))
    parts.append("## Practice problems { #print-practice }\n")
    for area in AREAS:
        parts.append(_demote(listings.problem_area(bank, area, page)))
    parts.append("## Other question lists { #print-lists }\n")
    parts.append(_demote(listings.other_lists(bank, page)))
    # Paper has no buttons: the "Answer first" shells go, and every block is open.
    return FIRST_SHELL.sub("", "\n\n".join(parts)).replace(DETAILS_CLOSED, DETAILS_OPEN)


def _demote(markdown: str) -> str:
    return _HEADING.sub(lambda m: "#" + m.group(1) + " ", markdown)
