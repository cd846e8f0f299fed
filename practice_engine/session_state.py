"""Restoring a saved quiz session: anything that does not fit the current bank yields a
fresh start and the reason, never an exception."""

from __future__ import annotations

from typing import Any

from .bankdata import BankData
from .errors import EngineError
from .quiz import normalise_filters
from .records import Record, register
from .state import QuizSession
from .vocab import SESSION_VERSION


def session_problem(s: Any, bank: BankData) -> str | None:
    """None when `s` is a session this engine made and it fits `bank`, else why not."""
    if not isinstance(s, dict):
        return "saved session is not an object"
    if s.get("version") != SESSION_VERSION:
        return f"saved session has version {s.get('version')!r}, expected {SESSION_VERSION}"
    if set(s) != {"version", "seed", "filters", "items", "answers", "position"}:
        return "saved session has missing or unknown keys"
    try:
        normalise_filters(s["filters"])
    except EngineError as exc:
        return f"saved session filters: {exc}"
    if not isinstance(s["seed"], int) or isinstance(s["seed"], bool):
        return "saved session seed is not an integer"
    items, answers, position = s["items"], s["answers"], s["position"]
    if not isinstance(items, list) or not isinstance(answers, list):
        return "saved session items or answers are not lists"
    for slot in items:
        item_id = slot.get("item") if isinstance(slot, dict) else None
        item = bank.item(item_id) if isinstance(item_id, str) else None
        if item is None:
            return "saved session refers to an item that is not in the bank"
        order = slot.get("order")
        # Checked before sorting: a stored order of mixed types would make sorted() raise.
        if not isinstance(order, list) or not all(type(i) is int for i in order):
            return f"saved session has a bad option order for {item.id!r}"
        if sorted(order) != list(range(len(item.options))):
            return f"saved session has a bad option order for {item.id!r}"
    if not isinstance(position, int) or isinstance(position, bool):
        return "saved session position is not an integer"
    if not (len(answers) - 1 <= position <= len(answers) <= len(items)):
        return "saved session position does not match its answers"
    for slot, answer in zip(items, answers, strict=False):
        if not isinstance(answer, dict) or answer.get("item") != slot["item"]:
            return "saved session answers do not match its items"
        if not isinstance(answer.get("correct"), bool):
            return "saved session answer has no verdict"
    return None


SESSION: Record[QuizSession] = register(
    Record("session", session_problem, stored_as="the saved quiz")
)


def restore_session(bank: BankData, data: Any) -> tuple[QuizSession | None, str | None]:
    """(session, None) when `data` is a usable session for this bank, else (None, reason)."""
    return SESSION.restore(data, bank)


def restore_saved_session(bank: BankData, raw: Any) -> tuple[QuizSession | None, str | None]:
    """A session from the text the page stored: (session, None) to resume, (None, None)
    when nothing is stored, else (None, reason); never raises."""
    return SESSION.restore_stored(raw, bank)
