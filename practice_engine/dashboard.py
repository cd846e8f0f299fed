"""The progress dashboard: mastery per track, what is due, the streak, four weeks of
activity and the weakest track with what to study next, with the figures of
progress_view.py (calendar, readiness, forecast, coverage, mock trend).

Mastery of a track is the mean FSRS retrievability (predicted recall now) over its concept
questions, a question never reviewed counting 0, so a track is only mastered when all of
it is remembered. Days are the reader's local days (see clock.py).
"""

from __future__ import annotations

from typing import Any

from .bankdata import BankData, Entry
from .cards import checked_queue, due_ms, in_scope, question_ids, retrievability, review_span
from .clock import day_label, day_start_ms, local_day, require_offset, require_time
from .plan import plan_status
from .progress import require_progress
from .progress_view import activity, calendar, coverage, forecast, mock_trend, readiness
from .state import Progress

HISTORY_DAYS = 28
STUDY_COUNT = 3


def _concepts(bank: BankData, track: str) -> list[Entry]:
    return [e for e in bank.entries if e.kind == "question" and e.track == track]


def _quiz_totals(bank: BankData, progress: Progress) -> dict[str, tuple[int, int]]:
    """Per track, (answers, correct) over the quiz items of its entries, in one pass over
    the history (a year holds thousands of answers); items no longer in the bank belong to
    no track."""
    totals: dict[str, tuple[int, int]] = {}
    for item_id, history in progress["quiz"].items():
        item = bank.item(item_id)
        if item is not None:
            answers, correct = totals.get(item.track, (0, 0))
            totals[item.track] = (answers + len(history), correct + sum(c for _, c in history))
    return totals


def _track_row(
    bank: BankData, progress: Progress, track: dict, now_ms: int, quiz: tuple[int, int]
) -> dict:
    questions = _concepts(bank, track["id"])
    recall = [retrievability(progress["cards"].get(e.id), now_ms) for e in questions]
    answers, correct = quiz
    return {
        "track": track["id"],
        "title": track["title"],
        "questions": len(questions),
        "reviewed": sum(1 for e in questions if e.id in progress["cards"]),
        "mastery": round(sum(recall) / len(recall), 3) if recall else 0.0,
        "quiz_answers": answers,
        "quiz_correct": correct,
    }


def streak(active: set[int], today: int) -> int:
    """Consecutive active days ending today, or yesterday when today has nothing yet (the
    streak is not lost before the day is over)."""
    day = today if today in active else today - 1
    count = 0
    while day in active:
        count, day = count + 1, day - 1
    return count


def _history(days: dict[int, list[int]], today: int) -> list[dict[str, Any]]:
    rows = []
    for day in range(today - HISTORY_DAYS + 1, today + 1):
        reviews, answers, correct, _, _ = days.get(day, [0, 0, 0, 0, 0])
        rows.append(
            {
                "day": day_label(day),
                "reviews": reviews,
                "quiz_answers": answers,
                "quiz_correct": correct,
            }
        )
    return rows


def _weakest(bank: BankData, progress: Progress, rows: list[dict], now_ms: int) -> Any:
    """The track with the lowest mastery; ties go to the lower quiz accuracy (a track with
    no quiz answers counts 0: nothing practised is no evidence of strength), then to the
    bank's order. Tracks without concept questions have nothing to study and are skipped.
    None until something was studied."""
    if not any(r["reviewed"] or r["quiz_answers"] for r in rows):
        return None
    candidates = [r for r in rows if r["questions"]]
    if not candidates:
        return None

    def accuracy(r: dict) -> float:
        return r["quiz_correct"] / r["quiz_answers"] if r["quiz_answers"] else 0.0

    weakest = min(candidates, key=lambda r: (r["mastery"], accuracy(r)))
    questions = _concepts(bank, weakest["track"])
    order = {e.id: n for n, e in enumerate(questions)}

    def need(e: Entry) -> tuple[bool, float, int]:
        card = progress["cards"].get(e.id)
        return (card is not None, retrievability(card, now_ms), order[e.id])

    study = sorted(questions, key=need)[:STUDY_COUNT]
    return {
        "track": weakest["track"],
        "title": weakest["title"],
        "study": [{"id": e.id, "title": e.title, "url": e.url} for e in study],
        # Whether a quiz on it can keep to the core set (today's session does when it can).
        "core": any(e.core for e in questions),
    }


def dashboard(
    bank: BankData, progress: Progress, now_ms: int, tz_offset_min: int, exercises: Any = None
) -> dict[str, Any]:
    """Everything the dashboard page shows, computed from the progress at `now_ms`;
    `exercises`, the site's exercise ids, lets coverage count the exercises too."""
    require_progress(progress)
    require_time(now_ms, "now_ms")
    require_offset(tz_offset_min)
    quiz = _quiz_totals(bank, progress)
    rows = [_track_row(bank, progress, t, now_ms, quiz.get(t["id"], (0, 0))) for t in bank.tracks]
    today = local_day(now_ms, tz_offset_min)
    days = activity(progress, tz_offset_min)
    q = checked_queue(bank, progress, now_ms, tz_offset_min)  # checked above
    return {
        "tracks": rows,
        "due_now": len(q["due"]),
        "new_left_today": q["new_left_today"],
        "streak_days": streak(set(days), today),
        "history": _history(days, today),
        "weakest": _weakest(bank, progress, rows, now_ms),
        "plan": plan_status(progress["settings"]["interview_date"], now_ms, tz_offset_min),
        "calendar": calendar(days, today),
        "readiness": readiness(bank, progress, now_ms, tz_offset_min),
        "forecast": forecast(bank, progress, now_ms, tz_offset_min),
        "coverage": coverage(bank, progress, exercises),
        "mocks": mock_trend(progress, tz_offset_min),
    }


def day_summary(
    bank: BankData, progress: Progress, now_ms: int, tz_offset_min: int
) -> dict[str, Any]:
    """What a finished flashcard session tells the reader: the streak (today counted once
    anything was studied), the cards still due today, the cards due tomorrow (local day),
    and the new cards tomorrow's allowance will start."""
    require_progress(progress)
    require_time(now_ms, "now_ms")
    require_offset(tz_offset_min)
    today = local_day(now_ms, tz_offset_min)
    tomorrow, after = (day_start_ms(today + n, tz_offset_min) for n in (1, 2))
    ids = question_ids(bank)
    dues = [d for d in (due_ms(progress, q, tz_offset_min) for q in ids) if d is not None]
    fresh = [q for q in ids if q not in progress["cards"] and not review_span(progress, q)]
    unseen = len(in_scope(bank, fresh, progress["settings"]["scope"]))  # new cards come from it
    return {
        "streak_days": streak(set(activity(progress, tz_offset_min)), today),
        "due_today": sum(1 for d in dues if d < tomorrow),
        "due_tomorrow": sum(1 for d in dues if tomorrow <= d < after),
        "new_tomorrow": min(progress["settings"]["new_per_day"], unseen),
    }
