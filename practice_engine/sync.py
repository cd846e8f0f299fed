"""Writes from many tabs: what a tab stores is merged with what is already stored, record
by record, so the last writer never erases another tab's work.

A tab changes progress starting from a copy it read earlier (its `base`). Meanwhile
another tab may have stored more. Quiz answers and self-grades are (item, time, verdict)
records and finished mock rounds have ids, so records merge as a union: everything stored
plus every record of this tab that is not stored. Nothing is ever removed by a merge.

The union does not trust `base`, because what is stored may lack records this tab has
already written: localStorage reaches other tabs asynchronously (Chromium keeps a copy per
renderer), so a tab can read a stale copy even under the lock and write it back without
this tab's latest records. Only an explicit "replace" import removes records; the page
writes it without merging and marks it, and the first merge a tab makes after another
tab's replace passes `union=False`: then only what this tab did since its base is added,
so the replaced records do not come back.

Cards are not records but states (FSRS replays its reviews). The merged card is the one
that matches the merged reviews: a side's own card when that side had them all, else the
reviews replayed in time order (on the base card after a replace), which is what one tab
doing all those reviews would have got. Settings are
per key: this tab's value if it changed it since its base, else the stored one. The
coding exercises' records merge by the same rules (sync_exercises.py). Kept answers take
the later one per question, and none survive a merge whose settings keep no answers.

The saved mock round and quiz sessions have one slot each; two tabs on the same round or
quiz keep the copy that got further, and a tab never clears a slot that another tab has
filled with a different round.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from .answers import merge_answers
from .cards import _reviewed_card
from .clock import is_int
from .errors import EngineError
from .progress import empty_progress, require_progress, restore_progress
from .state import Progress, QuizSession, SavedRound, Settings
from .stored_text import parse_stored
from .sync_exercises import merge_exercises
from .vocab import MAX_HISTORY, PROGRESS_VERSION

T = TypeVar("T")
# How an op reads a one-slot store: (value, None), (None, None) when empty, (None, reason).
Restore = Callable[[Any], tuple[T | None, str | None]]


def newer_version(raw: Any, known: int) -> int | None:
    """The version of stored text when it is a whole number above `known`, else None: data
    a newer copy of the guide wrote, which this one must leave alone (never back up and
    empty, never overwrite)."""
    stored = parse_stored(raw, "stored data")
    data = stored.data if stored.present and not stored.reason else None
    version = data.get("version") if isinstance(data, dict) else None
    return version if is_int(version) and version > known else None


def _merge_quiz(
    stored: dict[str, list[Any]], mine: dict[str, list[Any]], base: dict[str, list[Any]]
) -> dict[str, list[Any]]:
    merged = {item: list(history) for item, history in stored.items()}
    for item, history in mine.items():
        before = {tuple(a) for a in base.get(item, [])}
        have = {tuple(a) for a in merged.get(item, [])}
        new = [a for a in history if tuple(a) not in before and tuple(a) not in have]
        if new:
            joined = sorted([*merged.get(item, []), *new], key=lambda a: a[0])
            merged[item] = joined[-MAX_HISTORY:]
    return merged


def _new_reviews(stored: list[Any], mine: list[Any], base: list[Any]) -> list[Any]:
    before = {tuple(r) for r in base} | {tuple(r) for r in stored}
    return [r for r in mine if tuple(r) not in before]


def _reviews_of(reviews: list[Any], q: str) -> list[Any]:
    return [r for r in reviews if r[0] == q]


def _replayed(
    q: str, reviews: list[Any], start: dict[str, Any] | None, done: set[tuple[Any, ...]]
) -> dict[str, Any] | None:
    """`start` with every review of `q` not in `done` applied in time order."""
    card = start
    for question_id, grade, t in reviews:
        if question_id == q and (question_id, grade, t) not in done:
            card = _reviewed_card(card, grade, t)
    return card


def _union_card(
    q: str, stored: Progress, mine: Progress, reviews: list[Any]
) -> dict[str, Any] | None:
    """The card that matches the merged reviews of `q`: a side's card when that side had
    all of them, else every review replayed from a new card (FSRS runs without fuzzing, so
    this is the card one tab doing all those reviews would hold)."""
    s, m = stored["cards"].get(q), mine["cards"].get(q)
    wanted = _reviews_of(reviews, q)
    if m is None or m == s or (s is not None and _reviews_of(stored["reviews"], q) == wanted):
        return s
    if s is None or _reviews_of(mine["reviews"], q) == wanted or not wanted:
        return m
    return _replayed(q, reviews, None, set())


def _merge_card(
    q: str, stored: Progress, mine: Progress, base: Progress, reviews: list[Any]
) -> dict[str, Any] | None:
    s, m, b = stored["cards"].get(q), mine["cards"].get(q), base["cards"].get(q)
    if m in (b, s):
        return s  # this tab did not change it (or changed it the same way)
    if s == b:
        return m
    # Both sides reviewed it since the base: replay the new reviews on the base card (on
    # nothing, when another tab's "replace" import removed the card).
    start = b if s is not None else None
    return _replayed(q, reviews, start, {tuple(r) for r in base["reviews"]})


def merge_into_stored(
    stored: Progress, mine: Progress, base: Progress, union: bool = True
) -> Progress:
    """`stored` plus every record of `mine` it lacks (`union`), or plus only what `mine`
    added since `base` (see the module docstring). Settings always go by `base`."""
    for name, value in (("stored", stored), ("mine", mine), ("base", base)):
        try:
            require_progress(value)
        except EngineError as exc:
            raise EngineError(f"{name}: {exc}") from None
    since = empty_progress() if union else base
    new = _new_reviews(stored["reviews"], mine["reviews"], since["reviews"])
    reviews = sorted([*stored["reviews"], *new], key=lambda r: r[2])
    known = {m["id"] for m in stored["mocks"]} | {m["id"] for m in since["mocks"]}
    mocks = [*stored["mocks"], *(m for m in mine["mocks"] if m["id"] not in known)]
    ids = set(stored["cards"]) | set(mine["cards"])
    cards = {
        q: _union_card(q, stored, mine, reviews)
        if union
        else _merge_card(q, stored, mine, base, reviews)
        for q in sorted(ids)
    }
    mine_settings, base_settings = dict(mine["settings"]), dict(base["settings"])
    settings = {
        k: mine_settings[k] if mine_settings[k] != base_settings[k] else v
        for k, v in stored["settings"].items()
    }
    answers = merge_answers(
        stored["answers"], mine["answers"], since["answers"], bool(settings["keep_answers"])
    )
    return {
        "version": PROGRESS_VERSION,
        "quiz": _merge_quiz(stored["quiz"], mine["quiz"], since["quiz"]),
        "cards": {q: c for q, c in cards.items() if c is not None},
        "reviews": reviews,
        "mocks": sorted(mocks, key=lambda m: (m["finished_ms"], m["id"])),
        "settings": cast(Settings, settings),
        "exercises": merge_exercises(
            stored["exercises"], mine["exercises"], base["exercises"], union
        ),
        "answers": answers,
    }


def merge_progress(
    stored_raw: Any, mine: Progress, base: Progress, union: bool = True
) -> dict[str, Any]:
    """What a tab should hold and write, as {"progress", "reason", "newer", "changed",
    "took"}: `progress` is the stored progress plus the records of `mine` (with `union`
    False, after another tab replaced the progress: only those added since `base`);
    `changed` says it differs from what is stored (so it must be written), `took` that it
    differs from `mine` (so another tab's work came in and the page should show it).

    Nothing usable stored: `progress` is `mine`, and `reason` says why the stored text is
    unusable, for the page to back it up before writing. A newer copy of the guide wrote
    it: `progress` is None and `newer` its version; the page must not write then."""
    newer = newer_version(stored_raw, PROGRESS_VERSION)
    if newer is not None:
        return {"progress": None, "reason": None, "newer": newer, "changed": False, "took": False}
    stored, reason = restore_progress(stored_raw)
    if reason or stored_raw in (None, ""):
        require_progress(mine)
        return {"progress": mine, "reason": reason, "newer": None, "changed": True, "took": False}
    merged = merge_into_stored(stored, mine, base, union)
    return {
        "progress": merged,
        "reason": None,
        "newer": None,
        "changed": merged != stored,
        "took": merged != mine,
    }


def _slot(stored_raw: Any, known: int, restore: Restore[T]) -> tuple[str, Any]:
    """("newer", version) | ("none", None) for nothing usable stored | ("ok", saved)."""
    newer = newer_version(stored_raw, known)
    if newer is not None:
        return "newer", newer
    saved, _reason = restore(stored_raw)
    return ("ok", saved) if saved is not None else ("none", None)


@dataclass(frozen=True)
class Slot(Generic[T]):
    """How a one-slot store tells two copies of its value apart: `same(a, b)` they are one
    round or quiz, `ahead(a, b)` a got further, `later(a, b)` a was started after b."""

    same: Callable[[T, T], bool]
    ahead: Callable[[T, T], bool]
    later: Callable[[T, T], bool]


def keep_slot(state: str, stored: Any, mine: Any, clearing: Any, slot: Slot[Any]) -> str:
    """Which copy a one-slot store keeps: "mine" (write it), "stored" (leave the slot; the
    page takes the stored copy), or "clear" (remove it).

    `mine` is None when the page clears the slot after finishing or discarding `clearing`;
    it never clears a slot another tab has since filled with a different round or quiz.
    Two copies of the same round or quiz: the one that got further. Different ones: the
    stored one if it was started after mine."""
    if state == "newer":
        return "stored"
    if state == "none":
        return "clear" if mine is None else "mine"
    if mine is None:
        return "clear" if clearing is not None and slot.same(stored, clearing) else "stored"
    if slot.same(stored, mine):
        return "stored" if slot.ahead(stored, mine) else "mine"
    return "stored" if slot.later(stored, mine) else "mine"


def _round_step(saved: SavedRound) -> tuple[int, int]:
    return (len(saved["mock"]["grades"]), saved["probes"])


# The running mock round's slot.
ROUND_SLOT: Slot[SavedRound] = Slot(
    same=lambda a, b: a["mock"]["id"] == b["mock"]["id"],
    ahead=lambda a, b: _round_step(a) > _round_step(b),
    later=lambda a, b: a["started_ms"] > b["started_ms"],
)
# A quiz widget's slot.
SESSION_SLOT: Slot[QuizSession] = Slot(
    same=lambda a, b: (a["seed"], a["items"]) == (b["seed"], b["items"]),
    ahead=lambda a, b: (len(a["answers"]), a["position"]) > (len(b["answers"]), b["position"]),
    later=lambda a, b: False,  # a quiz carries no start time: the tab that acts wins
)


def merge_slot(
    slot: Slot[T], restore: Restore[T], stored_raw: Any, mine: Any, clearing: Any, known: int
) -> dict[str, Any]:
    """What a one-slot store keeps, as {"keep", "stored"}: ROUND_SLOT with the engine's
    restore_round, or SESSION_SLOT with its restore_saved_session."""
    state, stored = _slot(stored_raw, known, restore)
    keep = keep_slot(state, stored, mine, clearing, slot)
    return {"keep": keep, "stored": stored if state == "ok" else None}
