"""The order new flashcards come in: the study plan's. Apart from cards.py (and fsrs) so the
build, which writes the flashcards page's store in this order, needs nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .vocab import DECK_KINDS, LEVELS


def study_order(
    entries: Iterable[tuple[str, str, str, Sequence[str], bool]], track_ids: Sequence[str]
) -> list[str]:
    """Deck entries (id, kind, track, levels, core) in the study plan's order: the core
    (must-know) questions first, then track by track (`track_ids`' order, as tracks.yml),
    each track from its lowest level up (an entry's lowest level, LEVELS' order), then the
    deck's own order: kind by DECK_KINDS, then as given. Plain tuples, so the build writes
    the flashcards page's store in this same order from its own bank objects."""
    kinds = {kind: n for n, kind in enumerate(DECK_KINDS)}
    tracks = {t: n for n, t in enumerate(track_ids)}
    levels = {lv: n for n, lv in enumerate(LEVELS)}
    rows = [
        (
            not core,
            tracks.get(track, len(tracks)),
            min((levels.get(lv, len(levels)) for lv in entry_levels), default=len(levels)),
            kinds[kind],
            n,
            entry_id,
        )
        for n, (entry_id, kind, track, entry_levels, core) in enumerate(entries)
        if kind in kinds
    ]
    return [row[-1] for row in sorted(rows)]
