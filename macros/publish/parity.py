"""The build's promise that bank, pages and JSON agree on which questions exist, and that
every flashcard of the deck is on exactly one page (the flashcards page or a chunk page).

Each card carries `data-qid`; the export lists its entries. The three id sets must be
equal: a card that renders no anchor, an entry missing from every page, or a JSON record
with no card are all build failures. The plugin feeds this the HTML of every page as it
renders it and the export as it made it, so nothing is read back from the disk.
"""

from __future__ import annotations

import re
from typing import Any

_QID = re.compile(r'<div class="qcard" data-qid="([a-z0-9-]+)"')
# A flashcard as md_in_html writes it (attributes in name order): on the flashcards page or
# one of its chunk pages (render/deck_chunks.py).
_FC_ID = re.compile(r'<div class="fc-card" data-fc-id="([a-z0-9-]+)"')
PRINT_PAGE = "print/index.html"  # holds every card again, on purpose


def card_ids(html: str) -> list[str]:
    """The id of every question card in a page's HTML, in page order."""
    return _QID.findall(html)


def flashcard_ids(html: str) -> list[str]:
    """The id of every flashcard in a page's HTML, in page order."""
    return _FC_ID.findall(html)


def deck_mismatches(deck: list[str], pages: dict[str, list[str]]) -> list[str]:
    """Human-readable differences between the engine's deck and the flashcards the pages
    hold (`pages`: page -> its flashcard ids); empty when each card is on exactly one."""
    found = pages_by_id(pages)
    problems = [f"flashcard {i}: on no page" for i in deck if i not in found]
    problems += [
        f"flashcard {i}: on {found[i][0]}, not in the deck" for i in found if i not in deck
    ]
    for i, where in sorted(found.items()):
        if len(where) > 1:
            problems.append(f"flashcard {i}: on several pages ({', '.join(where)})")
    return problems


def pages_by_id(pages: dict[str, list[str]]) -> dict[str, list[str]]:
    """{page: card ids} turned into {card id: pages it is on}, the print page left out."""
    found: dict[str, list[str]] = {}
    for page, ids in sorted(pages.items()):
        if page == PRINT_PAGE:
            continue
        for qid in ids:
            found.setdefault(qid, []).append(page)
    return found


def exported_ids(bank_json: dict[str, Any]) -> set[str]:
    return {e["id"] for e in bank_json["entries"]}


def mismatches(bank_ids: set[str], pages: dict[str, list[str]], exported: set[str]) -> list[str]:
    """Human-readable differences; empty when the three sets agree. `pages` maps each card
    id to the pages it is on (see pages_by_id)."""
    problems = []
    on_pages = set(pages)
    for qid in sorted(bank_ids - on_pages):
        problems.append(f"{qid}: in the bank but on no page")
    for qid in sorted(on_pages - bank_ids):
        problems.append(f"{qid}: on {pages[qid][0]} but not in the bank")
    for qid in sorted(bank_ids ^ exported):
        side = "the bank" if qid in bank_ids else "the JSON export"
        problems.append(f"{qid}: only in {side}")
    for qid, where in sorted(pages.items()):
        if len(where) > 1:
            problems.append(f"{qid}: card rendered on several pages ({', '.join(where)})")
    return problems
