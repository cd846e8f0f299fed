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


def level_span(levels: list[str]) -> str:
    """Levels as the guide writes a run of them: "L4–L6+" when they follow one another in
    the guide's order, else listed ("L3, L5")."""
    ordered = [lv for lv in LEVELS if lv in levels]
    first, last = LEVELS.index(ordered[0]), LEVELS.index(ordered[-1])
    if len(ordered) > 1 and last - first + 1 == len(ordered):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(ordered)


def tag_summary(entries: list[Entry], bank: Bank) -> str:
    """The page's tags in one short line, for the top of the page: its tracks, the run of
    levels and how many roles ("Fundamentals · L3–L6+ · 5 roles"); the tags themselves
    sit behind it, one click away."""
    tags = page_tags(entries, bank)
    groups = tag_groups(bank)
    tracks = [t for t in tags if t in groups["Tracks"]]
    levels = [t for t in tags if t in groups["Levels"]]
    roles = [t for t in tags if t in groups["Roles"]]
    parts = [*tracks, level_span(levels) if levels else ""]
    parts.append(f"{len(roles)} role{'s' if len(roles) != 1 else ''}" if roles else "")
    return " · ".join(p for p in parts if p)


def tag_slug(tag: str) -> str:
    return "tag-" + re.sub(r"[^a-z0-9]+", "-", tag.lower().replace("+", "plus")).strip("-")
