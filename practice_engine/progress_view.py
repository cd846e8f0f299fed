"""The progress page's figures: the study calendar, readiness per track against the
reader's target level, the seven-day forecast of due cards, coverage of the bank and the
mock trend. Each is computed from the stored progress only, in one pass over its records,
so a year of history stays well under the page's time budget in Pyodide.

Days are the reader's local days (clock.py), weeks start on Monday.
"""

from __future__ import annotations

from typing import Any

from .bankdata import BankData, Entry
from .cards import due_ms, question_ids, review_spans
from .clock import DAY_MS, day_label, day_start_ms, local_day
from .errors import EngineError
from .state import Progress
from .vocab import LEVEL_NAMES, LEVELS, ROLE_LABELS, SIGNAL_LABELS

CALENDAR_WEEKS = 16  # four months: at 360 px wide a column is still a tappable size
# Heat steps: a day with at least HEAT_STEPS[n] study actions is drawn at heat n + 1.
HEAT_STEPS = (1, 5, 10, 20)
FORECAST_DAYS = 7
MOCK_TREND_ROUNDS = 20  # the latest rounds shown; older ones stay in progress
# A question counts as ready when its latest self-grade is one of these and it is not due.
READY_GRADES = ("strong_hire", "lean_hire")

# One local day's activity: reviews (a mock round's grades included, as each is a
# review), quiz answers, quiz answers correct, exercise passes, mock rounds finished.
REVIEWS, ANSWERS, CORRECT, PASSES, MOCKS = range(5)


def activity(progress: Progress, offset_min: int) -> dict[int, list[int]]:
    """Per local day with anything done: the five counts above."""
    days: dict[int, list[int]] = {}

    def row(t: int) -> list[int]:
        return days.setdefault(local_day(t, offset_min), [0, 0, 0, 0, 0])

    per_day: dict[int, int] = {}  # a year holds thousands of reviews: count them plainly
    shift = offset_min * 60_000
    for _, _, t in progress["reviews"]:
        day = (t + shift) // DAY_MS  # local_day, inline
        per_day[day] = per_day.get(day, 0) + 1
    for day, count in per_day.items():
        days[day] = [count, 0, 0, 0, 0]
    for history in progress["quiz"].values():
        for t, c in history:
            r = row(t)
            r[ANSWERS] += 1
            r[CORRECT] += c
    for record in progress["exercises"].values():
        for result in record["results"]:
            row(result[0])[PASSES] += 1
    for m in progress["mocks"]:
        row(m["finished_ms"])[MOCKS] += 1
    return days


def heat(total: int) -> int:
    """0 for a day without study, else 1 to len(HEAT_STEPS) as the day grows busier."""
    return sum(1 for step in HEAT_STEPS if total >= step)


def weekday(day: int) -> int:
    """0 for Monday to 6 for Sunday; day 0 (1970-01-01) was a Thursday."""
    return (day + 3) % 7


def calendar(days: dict[int, list[int]], today: int) -> dict[str, Any]:
    """CALENDAR_WEEKS whole weeks, Monday first, ending with the current week; the days
    after today are None. A day's total is its study actions: reviews, quiz answers and
    exercise passes (a mock round is counted through its reviews)."""
    monday = today - weekday(today)
    start = monday - 7 * (CALENDAR_WEEKS - 1)
    cells: list[dict[str, Any] | None] = []
    for day in range(start, monday + 7):
        if day > today:
            cells.append(None)
            continue
        r = days.get(day, [0, 0, 0, 0, 0])
        total = r[REVIEWS] + r[ANSWERS] + r[PASSES]
        cells.append(
            {
                "day": day_label(day),
                "reviews": r[REVIEWS],
                "quiz_answers": r[ANSWERS],
                "exercise_passes": r[PASSES],
                "mocks": r[MOCKS],
                "total": total,
                "heat": heat(total),
            }
        )
    shown = [c for c in cells if c]
    return {
        "weeks": CALENDAR_WEEKS,
        "first": day_label(start),
        "today": day_label(today),
        "days": cells,
        "active_days": sum(1 for c in shown if c["total"]),
        "heat_steps": list(HEAT_STEPS),
    }


def _level_rank(entry: Entry) -> int | None:
    """The lowest level a question is asked at, as its place in LEVELS (None: none known)."""
    ranks = [LEVELS.index(lv) for lv in entry.levels if lv in LEVELS]
    return min(ranks) if ranks else None


def readiness(bank: BankData, progress: Progress, now_ms: int, offset_min: int) -> dict[str, Any]:
    """Per track, the concept questions asked at or under the reader's target level
    (settings.level) and how many of them are ready: latest self-grade strong or lean hire,
    and not due again today (the schedule trusts the reader to recall it for at least the
    rest of the day; a card still in FSRS's minute-long learning steps is not ready yet)."""
    level = progress["settings"]["level"]
    tomorrow = day_start_ms(local_day(now_ms, offset_min) + 1, offset_min)
    target = LEVELS.index(level)
    last: dict[str, str] = {}
    for q, grade, _ in progress["reviews"]:  # time order: the last one seen is the latest
        last[q] = grade
    asked = [e for e in bank.entries if e.kind == "question" and (_level_rank(e) or 0) <= target]
    rows = []
    for track in bank.tracks:
        scope = [e for e in asked if e.track == track["id"]]
        ready = 0
        for e in scope:
            due = due_ms(progress, e.id, offset_min)
            if last.get(e.id) in READY_GRADES and (due is None or due >= tomorrow):
                ready += 1
        share = round(ready / len(scope), 3) if scope else 0.0
        rows.append(
            {
                "track": track["id"],
                "title": track["title"],
                "questions": len(scope),
                "ready": ready,
                "share": share,
            }
        )
    return {"level": level, "level_name": LEVEL_NAMES[level], "tracks": rows}


def forecast(bank: BankData, progress: Progress, now_ms: int, offset_min: int) -> list[dict]:
    """Flashcards due on each of the next FORECAST_DAYS local days, today first; today's
    count includes every card already overdue. Same cards and schedule as the due queue."""
    today = local_day(now_ms, offset_min)
    ends = [day_start_ms(today + n + 1, offset_min) for n in range(FORECAST_DAYS)]
    counts = [0] * FORECAST_DAYS
    for q in question_ids(bank):
        due = due_ms(progress, q, offset_min)
        if due is None or due >= ends[-1]:
            continue
        counts[next(n for n, end in enumerate(ends) if due < end)] += 1
    return [{"day": day_label(today + n), "due": counts[n]} for n in range(FORECAST_DAYS)]


def _require_ids(exercises: Any) -> list[str] | None:
    if exercises is None:
        return None
    if not isinstance(exercises, list) or not all(isinstance(e, str) for e in exercises):
        raise EngineError("exercises must be a list of exercise ids")
    return exercises


def coverage(bank: BankData, progress: Progress, exercises: Any = None) -> dict[str, Any]:
    """How much of the bank the reader has touched. A concept question or practice problem
    counts once it has a flashcard or a review, or (a problem) once one of its quiz items
    was answered; an exercise once it was passed. `exercises` is the site's list of
    exercise ids (the bank export does not hold them); without it that figure is None."""
    items = (bank.item(i) for i, history in progress["quiz"].items() if history)
    answered = {item.entry_id for item in items if item is not None}
    reviewed = set(progress["cards"]) | set(review_spans(progress))

    def count(kind: str, touched: set[str]) -> dict[str, int]:
        ids = [e.id for e in bank.entries if e.kind == kind]
        return {"done": sum(1 for i in ids if i in touched), "total": len(ids)}

    ids = _require_ids(exercises)
    passed = {x for x, r in progress["exercises"].items() if r["results"]}
    return {
        "questions": count("question", reviewed),
        "problems": count("problem", reviewed | answered),
        "exercises": None
        if ids is None
        else {"done": sum(1 for i in set(ids) if i in passed), "total": len(set(ids))},
    }


def mock_trend(progress: Progress, offset_min: int) -> dict[str, Any]:
    """The latest MOCK_TREND_ROUNDS mock rounds, oldest first, with the signal (1 to 5)
    each ended on, how many of its questions were graded and whether it was cut short."""
    rounds = sorted(progress["mocks"], key=lambda m: m["finished_ms"])
    shown = rounds[-MOCK_TREND_ROUNDS:]
    return {
        "total": len(rounds),
        "signal_labels": {str(k): v for k, v in SIGNAL_LABELS.items()},
        "rounds": [
            {
                "day": day_label(local_day(m["finished_ms"], offset_min)),
                "signal": m["signal"],
                "signal_label": SIGNAL_LABELS[m["signal"]],
                "role": m["role"],
                "role_label": ROLE_LABELS.get(m["role"], m["role"]),
                "level": m["level"],
                "questions": len(m["questions"]),
                "graded": len(m["grades"]),
                "partial": m["ended"] != "complete",
            }
            for m in shown
        ],
    }
