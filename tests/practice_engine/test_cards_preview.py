"""What each grade button says before it is pressed: the preview of the next due time, and
the summary a finished session ends with."""

from __future__ import annotations

import copy
import json

from fsrs import Rating

from practice_engine import api, cards, dashboard, progress
from practice_engine.vocab import GRADES
from tests.practice_engine.builders import DAY, T0, at, reviewed

Q = "bias-variance"


def _graduated() -> tuple[dict, int]:
    """A card in the Review state (strong_hire twice, 11 minutes apart) and its due time."""
    state = reviewed(
        progress.empty_progress(), (Q, "strong_hire", T0), (Q, "strong_hire", T0 + 660_000)
    )
    assert state["cards"][Q]["state"] == 2
    return state, cards.due_ms(state, Q, 0)


def test_preview_leaves_the_progress_as_it_was() -> None:
    state, due = _graduated()
    before = copy.deepcopy(state)
    cards.preview(state, Q, due, 0)
    assert state == before


def test_preview_is_what_each_grade_would_schedule() -> None:
    state, due = _graduated()
    shown = cards.preview(state, Q, due, 0)
    assert list(shown) == list(GRADES)
    for grade in GRADES:
        assert shown[grade] == cards.due_ms(cards.review(state, Q, grade, due), Q, 0)


def test_a_reviewed_card_comes_back_later_the_better_the_grade() -> None:
    state, due = _graduated()
    gap = {g: d - due for g, d in cards.preview(state, Q, due, 0).items()}
    assert gap["didnt_know"] == gap["no_hire"] < gap["lean_hire"] < gap["strong_hire"]
    assert gap["no_hire"] < DAY < gap["lean_hire"]  # a lapse relearns within minutes
    # and on FSRS's own four ratings (Easy has no self-grade): Again < Hard < Good < Easy
    card = state["cards"][Q]
    when = [cards.reviewed_card(card, r, due)["due"] for r in Rating]
    assert when == sorted(when) and len(set(when)) == 4


def test_a_new_card_preview_follows_the_learning_steps() -> None:
    shown = cards.preview(progress.empty_progress(), Q, T0, 0)
    assert shown["didnt_know"] - T0 == 60_000  # Again: the one-minute step
    assert shown["strong_hire"] - T0 == 600_000  # Good: the ten-minute step
    assert T0 + 60_000 < shown["lean_hire"] < T0 + 600_000


def test_checkpoint_preview_is_the_next_checkpoint_whatever_the_grade() -> None:
    state = cards.set_settings(progress.empty_progress(), {"schedule": "checkpoints"})
    state = cards.review(state, Q, "lean_hire", at(0))
    assert set(cards.preview(state, Q, at(3), 0).values()) == {at(7, 0)}
    for day in (7, 14):
        state = cards.review(state, Q, "lean_hire", at(day))
    assert set(cards.preview(state, Q, at(21), 0).values()) == {None}  # the last one


def test_preview_through_the_api() -> None:
    state, due = _graduated()
    args = {"progress": state, "question_id": Q, "now_ms": due, "tz_offset_min": 0}
    answer = json.loads(api.dispatch("preview", json.dumps(args)))
    assert answer == {"ok": True, "result": cards.preview(state, Q, due, 0)}


def test_day_summary_counts_tomorrow_and_the_streak(engine_bank) -> None:
    empty = dashboard.day_summary(engine_bank, progress.empty_progress(), at(0), 0)
    assert empty == {"streak_days": 0, "due_today": 0, "due_tomorrow": 0, "new_tomorrow": 5}
    state = cards.set_settings(progress.empty_progress(), {"schedule": "checkpoints"})
    state = reviewed(state, (Q, "lean_hire", at(0)), ("overfitting", "no_hire", at(1)))
    # checkpoints: bias-variance due on day 3, overfitting on day 4
    s = dashboard.day_summary(engine_bank, state, at(2, 20), 0)
    assert s["due_tomorrow"] == 1 and s["due_today"] == 0
    assert s["streak_days"] == 2  # days 0 and 1; today (day 2) has nothing yet
    assert dashboard.day_summary(engine_bank, state, at(3), 0)["due_today"] == 1
    assert s["new_tomorrow"] == 5


def test_day_summary_counts_cards_due_later_today(engine_bank) -> None:
    state = reviewed(progress.empty_progress(), (Q, "no_hire", T0))  # back in a minute
    s = dashboard.day_summary(engine_bank, state, T0 + 1000, 0)
    assert s["due_today"] == 1 and s["due_tomorrow"] == 0 and s["streak_days"] == 1
