"""Tags for track, level and role, derived from the bank so they never drift from it.

Pages get them in their metadata (Material's tags plugin shows and indexes them); the tag
index page lists every question under each tag, since a page-level tag alone cannot say
which question on a track page is asked at which level."""

from __future__ import annotations

import re

from practice_engine.vocab import LEVELS, ROLE_LABELS

from ..bank import Bank, Entry


def entry_tags(entry: Entry, bank: Bank) -> list[str]:
    """Track title, then levels, then roles, in the guide's fixed order."""
    return (
        [bank.track(entry.track).title]
        + [lv for lv in LEVELS if lv in entry.levels]
        + [label for role, label in ROLE_LABELS.items() if role in entry.roles]
    )


def tag_groups(bank: Bank) -> dict[str, list[str]]:
    """Every tag the guide can give, by group, in the guide's fixed order."""
    return {
        "Tracks": [t.title for t in bank.tracks],
        "Levels": list(LEVELS),
        "Roles": list(ROLE_LABELS.values()),
    }


def page_tags(entries: list[Entry], bank: Bank) -> list[str]:
    """The union of the entries' tags, keeping the guide's order."""
    seen: dict[str, None] = {}
    order = [tag for tags in tag_groups(bank).values() for tag in tags]
    for entry in entries:
        for tag in entry_tags(entry, bank):
            seen[tag] = None
    return sorted(seen, key=order.index)


def tag_slug(tag: str) -> str:
    return "tag-" + re.sub(r"[^a-z0-9]+", "-", tag.lower().replace("+", "plus")).strip("-")
