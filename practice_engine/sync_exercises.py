"""Writes from many tabs, for the coding exercises' records (see sync.py for the rules).

An exercise record holds records and states. Its passes (`results`) and follow-up grades
are (time, ...) rows, so they merge as a union like quiz answers: everything stored plus
every row of this tab that is not stored (with `union` False, after another tab's
"replace" import: only the rows this tab added since its base). Its FSRS card is a state:
the merged card is the one that matches the merged scheduled passes, a side's own when
that side had them all, else those passes replayed in time order. The round (checks,
hints, solution seen since the last pass) and the draft are one slot each: the one
touched later wins, the stored one on a tie; after a replace, this tab's only if it
changed it since its base.
"""

from __future__ import annotations

from typing import Any

from .cards import reviewed_card
from .exercise_progress import OUTCOME_RATINGS, empty_record
from .state import ExerciseRecord
from .vocab import MAX_HISTORY

Rows = list[list[Any]]


def _rows(stored: Rows, mine: Rows, since: Rows, time_at: int) -> Rows:
    """`stored` plus the rows of `mine` in neither `stored` nor `since`, in time order."""
    have = {tuple(r) for r in stored} | {tuple(r) for r in since}
    joined = [*stored, *(r for r in mine if tuple(r) not in have)]
    return sorted(joined, key=lambda r: r[time_at])[-MAX_HISTORY:]


def _scheduled(results: Rows) -> Rows:
    """The passes that graded the card (the rest were practice before it was due)."""
    return [r for r in results if r[3]]


def _replayed(start: dict[str, Any] | None, passes: Rows) -> dict[str, Any] | None:
    card = start
    for t, outcome, _version, _scheduled_flag in sorted(passes, key=lambda r: r[0]):
        card = reviewed_card(card, OUTCOME_RATINGS[outcome], t)
    return card


def _union_card(
    stored: ExerciseRecord, mine: ExerciseRecord, results: Rows
) -> dict[str, Any] | None:
    s, m = stored["card"], mine["card"]
    wanted = _scheduled(results)
    if m is None or m == s or (s is not None and _scheduled(stored["results"]) == wanted):
        return s
    if s is None or _scheduled(mine["results"]) == wanted or not wanted:
        return m
    return _replayed(None, wanted)


def _since_card(
    stored: ExerciseRecord, mine: ExerciseRecord, base: ExerciseRecord, results: Rows
) -> dict[str, Any] | None:
    s, m, b = stored["card"], mine["card"], base["card"]
    if m in (b, s):
        return s
    if s == b:
        return m
    before = {tuple(r) for r in base["results"]}
    new = [r for r in _scheduled(results) if tuple(r) not in before]
    return _replayed(b if s is not None else None, new)


def _slot(stored: Any, mine: Any, base: Any, union: bool, when: Any) -> Any:
    """One-slot parts: the later one (stored on a tie), or after a replace this tab's only
    when it changed it since its base."""
    if not union:
        return mine if mine != base else stored
    if mine is None or (stored is not None and when(mine) <= when(stored)):
        return stored
    return mine


def merge_record(
    stored: ExerciseRecord, mine: ExerciseRecord, base: ExerciseRecord, union: bool
) -> ExerciseRecord:
    since = empty_record() if union else base
    results = _rows(stored["results"], mine["results"], since["results"], 0)
    card = _union_card(stored, mine, results) if union else _since_card(stored, mine, base, results)
    return {
        "round": _slot(
            stored["round"], mine["round"], base["round"], union, lambda r: r["last_ms"] or -1
        ),
        "results": results,
        "card": card,
        "followups": _rows(stored["followups"], mine["followups"], since["followups"], 2),
        "draft": _slot(
            stored["draft"], mine["draft"], base["draft"], union, lambda d: d["saved_ms"]
        ),
    }


def merge_exercises(
    stored: dict[str, ExerciseRecord],
    mine: dict[str, ExerciseRecord],
    base: dict[str, ExerciseRecord],
    union: bool,
) -> dict[str, ExerciseRecord]:
    """Every stored record merged with this tab's; a record this tab holds that is not
    stored is added, unless it is unchanged since the base of a merge after a replace."""
    merged = dict(stored)
    blank = empty_record()
    for exercise_id, record in mine.items():
        have = stored.get(exercise_id)
        joined = merge_record(have or blank, record, base.get(exercise_id) or blank, union)
        if have is not None or joined != blank:
            merged[exercise_id] = joined
    return merged
