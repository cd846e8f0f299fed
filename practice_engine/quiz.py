"""Quiz sessions: select items from the bank, shuffle them reproducibly, grade answers and
keep the score. Sessions are plain dicts so the page can hold them and hand them back."""

from __future__ import annotations

import random
from typing import Any, cast

from .bankdata import BankData, Item
from .errors import EngineError
from .state import Answer, Filters, QuizSession, Slot
from .vocab import BROWSE_SCOPE, QUIZ_MAX_COUNT, ROLES, SCOPES, SESSION_VERSION


def normalise_filters(raw: dict[str, Any] | None) -> Filters:
    raw = raw or {}
    out: dict[str, Any] = {}
    for key in ("tracks", "levels", "roles"):
        values = raw.get(key) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise EngineError(f"filter {key!r} must be a list of strings")
        out[key] = sorted(set(values))
    count = raw.get("count", 10)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= QUIZ_MAX_COUNT:
        raise EngineError(f"count must be a whole number from 1 to {QUIZ_MAX_COUNT}")
    out["count"] = count
    # A session saved before the scope existed drew from the whole bank.
    scope = raw.get("scope", BROWSE_SCOPE)
    if scope not in SCOPES:
        raise EngineError(f"scope must be one of {', '.join(SCOPES)}")
    out["scope"] = scope
    return cast(Filters, out)


def select_items(bank: BankData, filters: Filters) -> list[Item]:
    """Items whose entry matches every non-empty filter, in a stable order."""
    chosen: list[Item] = []
    for entry in bank.entries:
        if filters.get("scope") == "core" and not entry.core:
            continue
        if filters["tracks"] and entry.track not in filters["tracks"]:
            continue
        if filters["levels"] and not set(entry.levels) & set(filters["levels"]):
            continue
        if filters["roles"] and not set(entry.roles) & set(filters["roles"]):
            continue
        chosen.extend(entry.items)
    return sorted(chosen, key=lambda i: i.id)


def filter_counts(bank: BankData, filters: Any) -> dict[str, Any]:
    """How many quiz items each option of the quiz's filters holds given the others: per
    facet (tracks, levels, roles) and value, the items select_items keeps with that value
    alone in its facet and the reader's choices in the rest (so any other filter step of
    select_items narrows the counts too); "total", what the filters as they stand hold."""
    if filters is not None and not isinstance(filters, dict):
        raise EngineError("filters must be an object")
    f = normalise_filters({**(filters or {}), "count": 1})
    values = {
        "tracks": [t["id"] for t in bank.tracks],
        "levels": list(bank.levels),
        "roles": list(ROLES),
    }
    counts: dict[str, Any] = {
        facet: {v: len(select_items(bank, cast(Filters, {**f, facet: [v]}))) for v in vs}
        for facet, vs in values.items()
    }
    counts["total"] = len(select_items(bank, f))
    return counts


def new_session(bank: BankData, filters: dict[str, Any] | None, seed: int) -> QuizSession:
    """A session of up to `count` items; the same seed and bank give the same session."""
    f = normalise_filters(filters)
    _require_seed(seed)
    pool = select_items(bank, f)
    if not pool:
        raise EngineError(
            "no quiz item matches these filters; widen the tracks, levels or roles, "
            "or choose all questions"
        )
    rng = random.Random(seed)
    rng.shuffle(pool)
    return _fresh(f, seed, _slots(pool[: f["count"]], rng))


def _require_seed(seed: Any) -> None:
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise EngineError("seed must be an integer")


def _slots(items: list[Item], rng: random.Random) -> list[Slot]:
    """The items in the given order, each with its options shuffled."""
    slots: list[Slot] = []
    for item in items:
        order = list(range(len(item.options)))
        rng.shuffle(order)
        slots.append({"item": item.id, "order": order})
    return slots


def _fresh(filters: Filters, seed: int, items: list[Slot]) -> QuizSession:
    return {
        "version": SESSION_VERSION,
        "seed": seed,
        "filters": filters,
        "items": items,
        "answers": [],
        "position": 0,
    }


def _missed_items(bank: BankData, session: QuizSession) -> list[Item]:
    """The items answered wrongly, in the order they were asked, each once."""
    seen: dict[str, Item] = {}
    for answer in session["answers"]:
        item = bank.item(answer["item"])
        if item is not None and not answer["correct"]:
            seen.setdefault(item.id, item)
    return list(seen.values())


def retry_session(bank: BankData, session: QuizSession, seed: int) -> QuizSession:
    """A new session of just the items `session` got wrong, reshuffled with `seed`. Its
    filters are the old ones with the count of misses, so a resumed retry still says what
    it was drawn from."""
    _require_seed(seed)
    missed = _missed_items(bank, session)
    if not missed:
        raise EngineError("no missed question to retry")
    rng = random.Random(seed)
    rng.shuffle(missed)
    filters = cast(Filters, {**session["filters"], "count": len(missed)})
    return _fresh(filters, seed, _slots(missed, rng))


def _current(bank: BankData, session: QuizSession) -> tuple[Item, list[int]]:
    if session["position"] >= len(session["items"]):
        raise EngineError("the quiz is over; start a new one")
    slot = session["items"][session["position"]]
    item = bank.item(slot["item"])
    if item is None:
        raise EngineError(f"item {slot['item']!r} is no longer in the bank")
    return item, slot["order"]


def view(bank: BankData, session: QuizSession) -> dict[str, Any]:
    """What the page shows for the current item: text only, options in display order."""
    item, order = _current(bank, session)
    entry = bank.entry(item.entry_id)
    return {
        "index": session["position"],
        "total": len(session["items"]),
        "item": item.id,
        "track": item.track,
        "track_title": bank.track_title(item.track),
        "stem": item.stem,
        "multiple": item.multiple,
        "options": [item.options[i].text for i in order],
        "answered": len(session["answers"]) > session["position"],
        "title": entry.title if entry else "",
        "url": entry.url if entry else "",
    }


def grade(
    bank: BankData, session: QuizSession, chosen: list[int]
) -> tuple[QuizSession, dict[str, Any]]:
    """Grade the current item; `chosen` are indices in display order. Returns the new
    session and the feedback: every option with its explanation, and the link to the card."""
    item, order = _current(bank, session)
    if len(session["answers"]) > session["position"]:
        raise EngineError("this item is already answered; go on to the next")
    if not isinstance(chosen, list) or not all(
        isinstance(c, int) and not isinstance(c, bool) for c in chosen
    ):
        raise EngineError("the answer must be a list of option numbers")
    picked = sorted(set(chosen))
    if not picked:
        raise EngineError("pick at least one option")
    if any(not 0 <= c < len(order) for c in picked):
        raise EngineError(f"options are numbered 1 to {len(order)}")
    if not item.multiple and len(picked) > 1:
        raise EngineError("this question has one answer; pick only one option")
    original = {order[c] for c in picked}
    correct = original == set(item.correct_indices)
    answer: Answer = {"item": item.id, "chosen": sorted(original), "correct": correct}
    new: QuizSession = {**session, "answers": [*session["answers"], answer]}
    entry = bank.entry(item.entry_id)
    feedback = {
        "correct": correct,
        "options": [
            {
                "text": item.options[i].text,
                "why": item.options[i].why,
                "correct": item.options[i].correct,
                "chosen": d in picked,
            }
            for d, i in enumerate(order)
        ],
        "title": entry.title if entry else "",
        "url": entry.url if entry else "",
    }
    return new, feedback


def advance(session: QuizSession) -> QuizSession:
    if len(session["answers"]) <= session["position"]:
        raise EngineError("answer this item before going on")
    return {**session, "position": session["position"] + 1}


def finished(session: QuizSession) -> bool:
    return session["position"] >= len(session["items"])


def score(bank: BankData, session: QuizSession) -> dict[str, Any]:
    """Correct answers overall and per track, in the bank's track order, and the items
    missed, each with its question and the link to its full answer."""
    by_track: dict[str, dict[str, Any]] = {}
    for answer in session["answers"]:
        item = bank.item(answer["item"])
        track = item.track if item else "unknown"
        row = by_track.setdefault(
            track, {"track": track, "title": bank.track_title(track), "answered": 0, "correct": 0}
        )
        row["answered"] += 1
        row["correct"] += int(answer["correct"])
    order = {t["id"]: n for n, t in enumerate(bank.tracks)}
    return {
        "answered": len(session["answers"]),
        "correct": sum(int(a["correct"]) for a in session["answers"]),
        "total": len(session["items"]),
        "by_track": sorted(by_track.values(), key=lambda r: order.get(r["track"], 99)),
        "missed": [_missed_view(bank, item) for item in _missed_items(bank, session)],
    }


def _missed_view(bank: BankData, item: Item) -> dict[str, Any]:
    entry = bank.entry(item.entry_id)
    return {
        "item": item.id,
        "entry": item.entry_id,
        "stem": item.stem,
        "track_title": bank.track_title(item.track),
        "title": entry.title if entry else "",
        "url": entry.url if entry else "",
    }
