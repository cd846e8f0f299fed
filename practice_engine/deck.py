"""Putting chosen cards in front of the reader now: a quiz's misses added to the flashcards.

A card that was never reviewed gets an FSRS card due at once (new cards otherwise wait for
the daily allowance, in the bank's order); a card already scheduled later is brought
forward to now, which FSRS treats as an early review when it is graded. In the
"checkpoints" schedule a reviewed card keeps its fixed days: they do not move for a quiz.
"""

from __future__ import annotations

from typing import Any

from fsrs import Card

from .bankdata import BankData
from .cards import due_ms, question_ids
from .clock import require_time, to_datetime
from .errors import EngineError
from .progress import require_progress
from .state import Progress
from .validate import shown


def _fresh_card(now_ms: int) -> dict[str, Any]:
    """A never-reviewed card due at `now_ms`, made with explicit id and due time (fsrs
    would otherwise read the clock)."""
    return dict(Card(card_id=now_ms, due=to_datetime(now_ms)).to_dict())


def _require_ids(bank: BankData, ids: Any) -> list[str]:
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise EngineError("ids must be a list of entry ids")
    unknown = [i for i in ids if bank.entry(i) is None]
    if unknown:
        raise EngineError(f"{shown(unknown[0])} is not in the bank")
    return list(dict.fromkeys(ids))


def add_to_deck(bank: BankData, progress: Progress, ids: Any, now_ms: int) -> dict[str, Any]:
    """The progress with each card due by `now_ms`, and what happened to each: "added"
    (a new card), "moved" (brought forward), "kept" (already due, or fixed by checkpoints),
    "skipped" (an entry of the bank that is not a flashcard)."""
    require_progress(progress)
    require_time(now_ms, "now_ms")
    cards = dict(progress["cards"])
    out: dict[str, list[str]] = {"added": [], "moved": [], "kept": [], "skipped": []}
    fsrs = progress["settings"]["schedule"] == "fsrs"
    deck = set(question_ids(bank))
    for qid in _require_ids(bank, ids):
        due = due_ms(progress, qid, 0)
        if qid not in deck:
            out["skipped"].append(qid)
        elif qid not in cards and due is None:
            cards[qid] = _fresh_card(now_ms)
            out["added"].append(qid)
        elif fsrs and qid in cards and (due is None or due > now_ms):
            cards[qid] = {**cards[qid], "due": to_datetime(now_ms).isoformat()}
            out["moved"].append(qid)
        else:
            out["kept"].append(qid)
    return {"progress": {**progress, "cards": cards}, **out}
