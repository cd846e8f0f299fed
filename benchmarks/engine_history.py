"""A reader's year, made by the engine itself: a bank grown to 300 concept questions and a
progress with 300 flashcards reviewed daily for a year (and a few quiz answers a day).

The bank is the real export with copies of its questions under new ids (so levels, roles,
tracks, items and feedback stay realistic); the reviews go through `cards.review`, so every
card is a real FSRS card with the history that made it. Deterministic: the same arguments
give the same bank and progress. Used by the engine bench (engine_speed.py) and by a test
that checks the ops' answers on it (tests/practice_engine/test_year_history.py).
"""

from __future__ import annotations

import copy
import random
from typing import Any

from practice_engine import cards, progress
from practice_engine.bankdata import BankData
from practice_engine.clock import DAY_MS, parse_when, to_ms
from practice_engine.state import Progress

START_MS = 1_767_225_600_000  # 2026-01-01T00:00Z, a Thursday
STUDY_HOUR_MS = 19 * 3_600_000  # the reader studies at 19:00 UTC each day
# How a reader who is learning grades: mostly Strong hire, some lapses.
GRADE_WEIGHTS = {"strong_hire": 70, "lean_hire": 15, "no_hire": 10, "didnt_know": 5}
QUIZ_PER_DAY = 4


def grown_export(export: dict[str, Any], questions: int = 300) -> dict[str, Any]:
    """The bank export with its concept questions copied (ids "<id>-copy<n>", items too,
    never core) until it holds `questions` of them; shorts and problems stay as they are."""
    out = copy.deepcopy(export)
    originals = [e for e in out["entries"] if e["kind"] == "question"]
    extra, n = [], 0
    while len(originals) + len(extra) < questions:
        source = originals[n % len(originals)]
        suffix = f"-copy{n // len(originals) + 1}"
        entry = {**copy.deepcopy(source), "id": source["id"] + suffix, "core": False}
        entry["url"] = source["url"] + suffix
        entry["items"] = [{**it, "id": it["id"] + suffix} for it in entry["items"]]
        extra.append(entry)
        n += 1
    last = max(i for i, e in enumerate(out["entries"]) if e["kind"] == "question")
    out["entries"][last + 1 : last + 1] = extra
    return out


def _due(card: dict[str, Any]) -> int:
    return to_ms(parse_when(card["due"]))  # type: ignore[arg-type]


def year_of_reviews(
    bank: BankData, card_count: int = 300, days: int = 365, seed: int = 15
) -> Progress:
    """A progress after `days` daily sessions: each day every card already due is reviewed
    (most overdue first), then up to new_per_day new cards in the engine's order until
    `card_count` cards exist, then a few quiz answers. Grades are drawn with GRADE_WEIGHTS.

    Each review is what `cards.review` does (the same FSRS step, the review appended in
    time order) without re-checking the whole progress every time, which made a year take
    minutes; the result is checked once, and a test replays the first weeks through
    `cards.review` and gets the same progress."""
    rng = random.Random(seed)
    grades, weights = list(GRADE_WEIGHTS), list(GRADE_WEIGHTS.values())
    deck = cards.question_ids(bank)[:card_count]
    items = [i.id for i in bank.items]
    # a year in, the reader studies the whole bank, not the core set alone
    state = cards.set_settings(progress.empty_progress(), {"scope": "all"})
    per_day = state["settings"]["new_per_day"]
    dues: dict[str, int] = {}
    for day in range(days):
        t = START_MS + day * DAY_MS + STUDY_HOUR_MS
        due_now = sorted((d, q) for q, d in dues.items() if d <= t)
        fresh = [q for q in deck if q not in dues][:per_day]
        for n, qid in enumerate([q for _, q in due_now] + fresh):
            grade = rng.choices(grades, weights)[0]
            card = cards.reviewed_card(
                state["cards"].get(qid), cards.RATINGS[grade], t + n * 60_000
            )
            state["cards"][qid] = card
            state["reviews"].append([qid, grade, t + n * 60_000])
            dues[qid] = _due(card)
        for k in range(QUIZ_PER_DAY):
            item = items[rng.randrange(len(items))]
            state = progress.record(state, item, rng.random() < 0.75, t - (k + 1) * 60_000)
    return progress.require_progress(state)


def year_end_ms(days: int = 365) -> int:
    """The moment the ops are asked about: the evening after the year's last session."""
    return START_MS + (days - 1) * DAY_MS + STUDY_HOUR_MS + 3 * 3_600_000
