"""Track pages and their nav entries from `quiz_data/tracks.yml` alone.

A track is one entry in tracks.yml plus its question files: the build writes the page of
every track whose `page` has no file under docs/ (the same Markdown the hand-written
pages held: a title, the track's introduction, its cards and its quiz) and lists every
track under "Questions" in the nav, in tracks.yml order. The tags, the filters, the print
page and the indexes already read the bank, so they follow. A page file that exists wins,
so a track may still have a page of its own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..bank import Bank

# The nav section that holds the track pages, and the entry they follow in it.
NAV_SECTION = "Questions"
NAV_AFTER = "questions/index.md"
DESCRIPTION = (
    "The {title} questions of the ML knowledge round, each answered at every level from "
    "L3 to L6+, with follow-ups, traps and a hiring rubric."
)


class TrackPageError(ValueError):
    """A track the build cannot make a page of."""


def track_page(bank: Bank, track_id: str) -> str:
    """The Markdown of a track's page, as the hand-written ones were."""
    track = bank.track(track_id)
    # JSON strings are YAML strings, so a title with a colon cannot break the front matter.
    title, about = json.dumps(track.title), json.dumps(DESCRIPTION.format(title=track.title))
    return (
        f"---\ntitle: {title}\ndescription: {about}\n"
        f"---\n\n# {track.title}\n\n"
        f'{{{{ track_intro("{track.id}") }}}}\n\n'
        f'{{{{ track_cards("{track.id}") }}}}\n\n'
        f'{{{{ quiz(tracks=["{track.id}"], count=5) }}}}\n'
    )


def generated_pages(bank: Bank, docs_dir: Path) -> dict[str, str]:
    """The pages the build writes: docs-relative path -> Markdown, for every track whose
    page has no file. A track without a question or problem has nothing to show, so it
    stops the build rather than publish an empty page."""
    empty = [t.id for t in bank.tracks if not any(e.track == t.id for e in bank.entries)]
    if empty:
        raise TrackPageError(
            f"track(s) {', '.join(empty)} in quiz_data/tracks.yml have no question file; "
            "add one under quiz_data/questions/<track>/ or remove the track"
        )
    return {
        t.page: track_page(bank, t.id) for t in bank.tracks if not (docs_dir / t.page).is_file()
    }


def with_track_nav(nav: list[Any] | None, bank: Bank) -> list[Any] | None:
    """`nav` (mkdocs.yml's, as loaded) with every track page under "Questions", right
    after its "All questions" entry, in tracks.yml order; track entries already written
    there are replaced, so the order is the data's. A nav without the section, or no nav
    (MkDocs then lists every page), is left alone."""
    if not nav:
        return nav
    pages = {t.page for t in bank.tracks}
    tracks = [{t.title: t.page} for t in bank.tracks]
    out: list[Any] = []
    for item in nav:
        section = item.get(NAV_SECTION) if isinstance(item, dict) and len(item) == 1 else None
        if not isinstance(section, list):
            out.append(item)
            continue
        rest = [e for e in section if not (isinstance(e, dict) and _target(e) in pages)]
        at = next((n + 1 for n, e in enumerate(rest) if _target(e) == NAV_AFTER), 0)
        out.append({NAV_SECTION: [*rest[:at], *tracks, *rest[at:]]})
    return out


def _target(entry: Any) -> Any:
    """The page a nav entry points to ("Title: page.md", or a bare "page.md")."""
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry.values()))
    return entry
