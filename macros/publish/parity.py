"""The build's promise that bank, pages and JSON agree on which questions exist.

Each card carries `data-qid`; the export lists its entries. The three id sets must be
equal: a card that renders no anchor, an entry missing from every page, or a JSON record
with no card are all build failures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_QID = re.compile(r'<div class="qcard" data-qid="([a-z0-9-]+)"')


def page_ids(site_dir: Path) -> dict[str, list[str]]:
    """Every card id in the built HTML, with the pages it appears on."""
    found: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        if page.name == "print_page.html" or "print" in page.parts:
            continue
        for qid in _QID.findall(page.read_text(encoding="utf-8")):
            found.setdefault(qid, []).append(page.relative_to(site_dir).as_posix())
    return found


def json_ids(bank_json: Path) -> set[str]:
    return {e["id"] for e in json.loads(bank_json.read_text(encoding="utf-8"))["entries"]}


def mismatches(bank_ids: set[str], pages: dict[str, list[str]], exported: set[str]) -> list[str]:
    """Human-readable differences; empty when the three sets agree."""
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
