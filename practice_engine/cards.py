"""Flashcards on the concept questions, short answers and practice problems: self-grades,
FSRS scheduling and the review queue.

After answering a question aloud the reader grades themself like an interviewer would.
Grades map to FSRS ratings: strong_hire -> Good, lean_hire -> Hard, no_hire and
didnt_know -> Again (not knowing is a lapse, whatever the reason). Easy is never used: an
interview answer is never "too easy to practise". The scheduler runs without fuzzing, so
the same history always gives the same due dates, in CPython and in Pyodide alike.

Two schedules decide when a card is due. "fsrs": the FSRS card's due time. "checkpoints":
the study plan's fixed days: a card first reviewed on local day 0 is due on days 3, 7, 14
and 21 after it, whatever the grades, and done after day 21. Every review updates the FSRS
card in both modes, so switching modes loses nothing.
"""

from __future__ import annotations

from typing import Any, cast

from fsrs import Card, Rating, Scheduler

from .bankdata import BankData
from .clock import (
    DAY_MS,
    day_start_ms,
    local_day,
    parse_when,
    require_offset,
    require_time,
    to_datetime,
    to_ms,
)
from .errors import EngineError
from .progress import require_progress
from .state import Progress, Settings
from .study_order import study_order
from .validate import settings_problem, shown
from .vocab import CHECKPOINT_DAYS, GRADES

RATINGS: dict[str, Rating] = {
    "strong_hire": Rating.Good,
    "lean_hire": Rating.Hard,
    "no_hire": Rating.Again,
    "didnt_know": Rating.Again,
}
SCHEDULER = Scheduler(enable_fuzzing=False)


def require_grade(grade: Any) -> str:
    if not isinstance(grade, str) or grade not in GRADES:
        raise EngineError(f"unknown grade {shown(grade)}; grades are {', '.join(GRADES)}")
    return grade


def require_question_id(question_id: Any) -> str:
    if not isinstance(question_id, str) or not question_id:
        raise EngineError("question_id must be a non-empty string")
    return question_id


# The deck of the last bank asked about: every op asks for it, some twice, and sorting a
# 300-question bank each time cost milliseconds in Pyodide. A bank is read-only.
_DECK_CACHE: list[Any] = [None, []]


def question_ids(bank: BankData) -> list[str]:
    """The flashcard deck: every concept question, short answer and practice problem, in
    the order new cards come (study_order). Cards and reviews are keyed by entry id
    whatever the kind."""
    if _DECK_CACHE[0] is not bank:
        rows = ((e.id, e.kind, e.track, e.levels, e.core) for e in bank.entries)
        _DECK_CACHE[:] = [bank, study_order(rows, [t["id"] for t in bank.tracks])]
    return list(_DECK_CACHE[1])


def concept_ids(bank: BankData) -> list[str]:
    """The concept questions alone, in the bank's order: what a mock round asks and what
    answer feedback knows the key points of."""
    return [e.id for e in bank.entries if e.kind == "question"]


def reviewed_card(old: dict[str, Any] | None, rating: Rating, now_ms: int) -> dict[str, Any]:
    """The FSRS card after one review. A new card is made with explicit id and due time:
    fsrs would otherwise read the clock (and sleep a millisecond) to make them."""
    when = to_datetime(now_ms)
    card = Card.from_dict(old) if old else Card(card_id=now_ms, due=when)  # type: ignore[arg-type]
    card, _ = SCHEDULER.review_card(card, rating, review_datetime=when)
    return dict(card.to_dict())


def _reviewed_card(old: dict[str, Any] | None, grade: str, now_ms: int) -> dict[str, Any]:
    """A concept question's card after a self-grade."""
    return reviewed_card(old, RATINGS[grade], now_ms)


def review(progress: Progress, question_id: str, grade: str, now_ms: int) -> Progress:
    """A new progress with `question_id` self-graded at `now_ms`: its card rescheduled and the
    review kept in time order. The same review twice (same question, grade and time) is a
    retried call and changes nothing, so a double click cannot count twice."""
    require_progress(progress)
    require_question_id(question_id)
    require_grade(grade)
    require_time(now_ms, "now_ms")
    entry = [question_id, grade, now_ms]
    if entry in progress["reviews"]:
        return progress
    card = _reviewed_card(progress["cards"].get(question_id), grade, now_ms)
    reviews = sorted([*progress["reviews"], entry], key=lambda r: r[2])
    return {**progress, "cards": {**progress["cards"], question_id: card}, "reviews": reviews}


# The spans of the last reviews list asked about. Every op asks for the span of each of
# the deck's cards, and scanning a year of reviews (thousands) once per card made the
# dashboard take seconds; progress is never changed in place (every change makes a new
# reviews list), so the list's identity, checked with its length, says the spans still hold.
_SPAN_CACHE: list[Any] = [None, 0, {}]


def _spans(reviews: list[Any]) -> dict[str, tuple[int, int]]:
    """question id -> (first, last) review time, from one pass over `reviews`."""
    if _SPAN_CACHE[0] is reviews and _SPAN_CACHE[1] == len(reviews):
        return cast(dict[str, tuple[int, int]], _SPAN_CACHE[2])
    spans: dict[str, tuple[int, int]] = {}
    for q, _, t in reviews:
        first, last = spans.get(q, (t, t))
        spans[q] = (min(first, t), max(last, t))
    _SPAN_CACHE[:] = [reviews, len(reviews), spans]
    return spans


def review_spans(progress: Progress) -> dict[str, tuple[int, int]]:
    """Every reviewed question's (first, last) review time (the dict is shared: read only)."""
    return _spans(progress["reviews"])


def review_span(progress: Progress, question_id: str) -> tuple[int, int] | None:
    """(first, last) review time of a question, None if never reviewed. A card without
    reviews (possible only in a hand-made file) counts as reviewed at its last_review."""
    span = _spans(progress["reviews"]).get(question_id)
    if span:
        return span
    card = progress["cards"].get(question_id)
    when = parse_when(card["last_review"]) if card and card["last_review"] else None
    return (to_ms(when), to_ms(when)) if when else None


def checkpoint_due(first_ms: int, last_ms: int, offset_min: int) -> int | None:
    """Start of the first checkpoint day not yet covered by a review; None when done.
    A late review covers every checkpoint it comes after (missing day 3 and reviewing on
    day 5 leaves day 7 next); the checkpoints never move with the grades."""
    day0, last_day = local_day(first_ms, offset_min), local_day(last_ms, offset_min)
    for offset in CHECKPOINT_DAYS:
        if day0 + offset > last_day:
            return day_start_ms(day0 + offset, offset_min)
    return None


_DUE_MS: dict[str, int | None] = {}


def _due_text_ms(text: str) -> int | None:
    """A card's stored due time in ms. Each op reads every card's due time, often several
    times (the dashboard: queue, readiness, forecast), and parsing the ISO text was a
    good part of its cost in Pyodide; the text alone decides the answer, so it is kept."""
    if text not in _DUE_MS:
        if len(_DUE_MS) > 20_000:  # a long session's stale due times
            _DUE_MS.clear()
        when = parse_when(text)
        _DUE_MS[text] = to_ms(when) if when else None
    return _DUE_MS[text]


def due_ms(progress: Progress, question_id: str, offset_min: int) -> int | None:
    """When a card is due in the current schedule; None if it has none or is done. In
    checkpoints mode a card with no review yet (one added to the deck, see deck.py) is due
    at its own due time, like in fsrs mode, until its first review starts the days."""
    card = progress["cards"].get(question_id)
    span = review_span(progress, question_id)
    if progress["settings"]["schedule"] == "fsrs" or (card and not span):
        return _due_text_ms(card["due"]) if card else None
    return checkpoint_due(*span, offset_min) if span else None


def _new_today(progress: Progress, now_ms: int, offset_min: int) -> int:
    """Questions first reviewed today (local day): what today's new-card allowance used."""
    today = local_day(now_ms, offset_min)
    first: dict[str, int] = {}
    for q, _, t in progress["reviews"]:
        first.setdefault(q, t)  # reviews are in time order, so the first seen is the first
    return sum(1 for t in first.values() if local_day(t, offset_min) == today)


def _is_reviewed(progress: Progress, question_id: str) -> bool:
    return question_id in progress["cards"] or review_span(progress, question_id) is not None


def queue(bank: BankData, progress: Progress, now_ms: int, tz_offset_min: int) -> dict[str, Any]:
    """What to study now. "due": cards due at `now_ms`, most overdue first; "new": never
    reviewed cards in the deck's order (question_ids), of the core set only when the
    settings' scope is "core" ("core_done" then says it has none left), as many as today's allowance
    (new_per_day minus the cards first reviewed today, a mock round's included) still
    permits. Only the bank's deck appears; cards kept for entries no longer in the bank do
    not."""
    require_progress(progress)
    require_time(now_ms, "now_ms")
    require_offset(tz_offset_min)
    return checked_queue(bank, progress, now_ms, tz_offset_min)


def checked_queue(
    bank: BankData, progress: Progress, now_ms: int, tz_offset_min: int
) -> dict[str, Any]:
    """`queue` on arguments the caller has already checked: checking a year of progress
    costs as much as the rest of the dashboard, which should not pay for it twice."""
    ids = question_ids(bank)
    dues = {q: due_ms(progress, q, tz_offset_min) for q in ids}
    scheduled = {q: d for q, d in dues.items() if d is not None}
    tomorrow = day_start_ms(local_day(now_ms, tz_offset_min) + 1, tz_offset_min)
    allowance = progress["settings"]["new_per_day"] - _new_today(progress, now_ms, tz_offset_min)
    unseen = [q for q in ids if not _is_reviewed(progress, q)]
    scope = progress["settings"]["scope"]
    scoped = in_scope(bank, unseen, scope)
    new = scoped[: max(0, allowance)]
    later = [d for d in scheduled.values() if d > now_ms]
    return {
        "due": sorted((q for q, d in scheduled.items() if d <= now_ms), key=scheduled.__getitem__),
        "new": new,
        "due_later_today": sum(1 for d in later if d < tomorrow),
        "new_left_today": len(new),
        "next_due_ms": min(later) if later else None,
        "scope": scope,
        # Every core card has been met while others are still new: the page says so and
        # offers "All" rather than leave the reader with no new card.
        "core_done": scope == "core" and not scoped and len(unseen) > 0,
    }


def in_scope(bank: BankData, ids: list[str], scope: str) -> list[str]:
    """`ids` kept in order, only the core set's when `scope` is "core". Due cards are never
    filtered: a card once learnt keeps its reviews whatever the scope."""
    if scope != "core":
        return ids
    core = {e.id for e in bank.entries if e.core}
    return [q for q in ids if q in core]


def due_times(bank: BankData, progress: Progress, tz_offset_min: int) -> list[int]:
    """Every scheduled card's due time, earliest first. Due times are absolute, so a page
    can keep this list and count what has fallen due since, without Python (the header's
    due badge): it changes only when the progress does."""
    require_progress(progress)
    require_offset(tz_offset_min)
    dues = (due_ms(progress, q, tz_offset_min) for q in question_ids(bank))
    return sorted(d for d in dues if d is not None)


def retrievability(card: dict[str, Any] | None, now_ms: int) -> float:
    """FSRS's probability of recall at `now_ms`; 0 for a card never reviewed."""
    if not card:
        return 0.0
    value = SCHEDULER.get_card_retrievability(Card.from_dict(card), to_datetime(now_ms))  # type: ignore[arg-type]
    return float(value)


def card_info(
    progress: Progress, question_id: str, now_ms: int, tz_offset_min: int = 0
) -> dict[str, Any]:
    """One card as the page shows it. interval_days is the gap from the last review to the
    due time (fractional while FSRS is still in its minute-long learning steps); due_ms and
    interval_days are None for a card never reviewed, or done in checkpoints mode.
    tz_offset_min only matters in checkpoints mode, whose due times start local days."""
    require_progress(progress)
    require_question_id(question_id)
    require_time(now_ms, "now_ms")
    require_offset(tz_offset_min)
    card = progress["cards"].get(question_id)
    grades = [g for q, g, _ in progress["reviews"] if q == question_id]
    due = due_ms(progress, question_id, tz_offset_min)
    span = review_span(progress, question_id)
    last = span[1] if span else None
    if card and card["last_review"] and progress["settings"]["schedule"] == "fsrs":
        last = to_ms(parse_when(card["last_review"]))  # type: ignore[arg-type]
    interval = round((due - last) / DAY_MS, 2) if due is not None and last is not None else None
    return {
        "due_ms": due,
        "interval_days": interval,
        "reviews": len(grades),
        "last_grade": grades[-1] if grades else None,
        "retrievability": round(retrievability(card, now_ms), 3),
    }


def preview(
    progress: Progress, question_id: str, now_ms: int, tz_offset_min: int = 0
) -> dict[str, int | None]:
    """When the card would come back after each grade given at `now_ms`, in the current
    schedule: grade -> due_ms (None: no more reviews, in checkpoints mode). Each grade is
    reviewed on a copy, so the progress passed in is left as it was."""
    require_progress(progress)
    require_question_id(question_id)
    require_time(now_ms, "now_ms")
    require_offset(tz_offset_min)
    return {
        g: due_ms(review(progress, question_id, g, now_ms), question_id, tz_offset_min)
        for g in GRADES
    }


def set_settings(progress: Progress, settings: dict[str, Any]) -> Progress:
    """A new progress with some settings changed; keys left out keep their value. Turning
    keep_answers off forgets every kept answer at once: the reader asked for none."""
    require_progress(progress)
    if not isinstance(settings, dict):
        raise EngineError('settings must be an object such as {"new_per_day": 5}')
    merged = {**progress["settings"], **settings}
    problem = settings_problem(merged, "settings")
    if problem:
        raise EngineError(problem)
    answers = progress["answers"] if merged["keep_answers"] else {}
    return {**progress, "settings": cast(Settings, merged), "answers": answers}
