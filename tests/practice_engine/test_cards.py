"""Flashcards through the real fsrs scheduler: grades, intervals, checkpoints and the queue."""

from __future__ import annotations

import pytest

from practice_engine import cards, progress
from practice_engine.clock import parse_when, to_ms
from practice_engine.errors import EngineError
from tests.practice_engine.builders import DAY, T0, at, reviewed

Q = "bias-variance"


def _due(state: dict, question_id: str = Q) -> int:
    return cards.due_ms(state, question_id, 0)


def _graduated(t: int = T0) -> tuple[dict, int]:
    """A card out of the learning steps: strong_hire twice, 11 minutes apart."""
    state = reviewed(
        progress.empty_progress(), (Q, "strong_hire", t), (Q, "strong_hire", t + 660_000)
    )
    assert state["cards"][Q]["state"] == 2  # Review
    return state, _due(state)


def test_a_first_grade_orders_the_next_interval() -> None:
    due = {}
    for grade in cards.RATINGS:
        state = cards.review(progress.empty_progress(), Q, grade, T0)
        due[grade] = _due(state) - T0
        assert state["reviews"] == [[Q, grade, T0]]
    assert due["strong_hire"] > due["lean_hire"] > due["no_hire"] == due["didnt_know"]


def test_strong_hire_lengthens_the_interval_more_than_lean_or_no_hire() -> None:
    state, due = _graduated()
    last = due - T0
    after = {
        g: _due(cards.review(state, Q, g, due)) - due
        for g in ("strong_hire", "lean_hire", "no_hire")
    }
    assert after["strong_hire"] > after["lean_hire"] > after["no_hire"]
    assert after["strong_hire"] > last  # a good recall at the due time grows the interval
    assert after["no_hire"] < DAY  # a lapse goes back to a relearning step


def test_no_hire_after_a_long_interval_shortens_it() -> None:
    state, due = _graduated()
    while due - to_ms(parse_when(state["cards"][Q]["last_review"])) < 30 * DAY:
        state = cards.review(state, Q, "strong_hire", due)
        due = _due(state)
    long = due - to_ms(parse_when(state["cards"][Q]["last_review"]))
    lapsed = cards.review(state, Q, "no_hire", due)
    assert lapsed["cards"][Q]["state"] == 3  # Relearning
    assert _due(lapsed) - due < DAY
    relearned = cards.review(lapsed, Q, "strong_hire", _due(lapsed))
    assert _due(relearned) - _due(lapsed) < long
    assert relearned["cards"][Q]["stability"] < state["cards"][Q]["stability"]


def test_didnt_know_is_again_exactly_like_no_hire() -> None:
    state, due = _graduated()
    a = cards.review(state, Q, "didnt_know", due)
    b = cards.review(state, Q, "no_hire", due)
    assert a["cards"] == b["cards"]
    assert a["cards"][Q]["state"] == 3 and a["cards"][Q]["step"] == 0
    assert a["reviews"][-1][1] == "didnt_know"


def test_scheduling_is_deterministic_and_a_retry_counts_once() -> None:
    a = reviewed(progress.empty_progress(), (Q, "lean_hire", T0), (Q, "strong_hire", T0 + DAY))
    b = reviewed(progress.empty_progress(), (Q, "lean_hire", T0), (Q, "strong_hire", T0 + DAY))
    assert a == b
    assert cards.review(a, Q, "strong_hire", T0 + DAY) is a
    assert progress.PROGRESS.problem(a) is None


def test_reviews_stay_in_time_order() -> None:
    state = reviewed(
        progress.empty_progress(), (Q, "lean_hire", T0 + DAY), ("overfitting", "no_hire", T0)
    )
    assert [r[2] for r in state["reviews"]] == [T0, T0 + DAY]


@pytest.mark.parametrize("offset", [0, 120, -300, 840])
def test_checkpoints_fall_on_days_3_7_14_and_21(offset: int) -> None:
    state = cards.set_settings(progress.empty_progress(), {"schedule": "checkpoints"})
    state = cards.review(state, Q, "didnt_know", at(0, 23.5, offset))
    due_days = []
    for day in range(0, 40):
        for hour in (0.25, 12, 23.75):
            now = at(day, hour, offset)
            info = cards.card_info(state, Q, now, offset)
            if info["due_ms"] is not None and info["due_ms"] <= now:
                assert info["due_ms"] == at(day, 0, offset)  # due from local midnight
                due_days.append(day)
                grade = "strong_hire" if day % 2 else "no_hire"  # grades do not matter
                state = cards.review(state, Q, grade, now)
    assert due_days == [3, 7, 14, 21]
    assert cards.card_info(state, Q, at(40), offset)["due_ms"] is None  # done


def test_a_late_checkpoint_review_covers_the_missed_ones() -> None:
    state = cards.set_settings(progress.empty_progress(), {"schedule": "checkpoints"})
    state = cards.review(state, Q, "lean_hire", at(0))
    state = cards.review(state, Q, "lean_hire", at(9))  # missed day 3 and day 7
    assert _due_checkpoint(state) == at(14, 0)


def _due_checkpoint(state: dict) -> int:
    return cards.due_ms(state, Q, 0)


def test_the_queue_in_checkpoint_mode(engine_bank) -> None:
    state = cards.set_settings(progress.empty_progress(), {"schedule": "checkpoints"})
    state = reviewed(state, (Q, "strong_hire", at(0)), ("overfitting", "strong_hire", at(1)))
    q = cards.queue(engine_bank, state, at(3, 10), 0)
    assert q["due"] == [Q]
    assert q["next_due_ms"] == at(4, 0)
    q = cards.queue(engine_bank, state, at(4, 10), 0)
    assert q["due"] == [Q, "overfitting"]  # most overdue first


def test_the_daily_new_card_limit(engine_bank) -> None:
    ids = cards.question_ids(engine_bank)
    state = cards.set_settings(progress.empty_progress(), {"scope": "all"})  # the whole deck
    q = cards.queue(engine_bank, state, at(0), 0)
    assert q["new"] == ids[:5] and q["new_left_today"] == 5
    state = reviewed(state, *[(i, "lean_hire", at(0, 9 + n)) for n, i in enumerate(ids[:3])])
    q = cards.queue(engine_bank, state, at(0, 15), 0)
    assert q["new"] == ids[3:5] and q["new_left_today"] == 2
    state = reviewed(state, *[(i, "lean_hire", at(0, 16)) for i in ids[3:5]])
    q = cards.queue(engine_bank, state, at(0, 17), 0)
    assert q["new"] == [] and q["new_left_today"] == 0
    # a second review of a card already introduced today uses no allowance
    state = cards.review(state, ids[0], "strong_hire", at(0, 18))
    assert cards.queue(engine_bank, state, at(0, 19), 0)["new"] == []
    assert cards.queue(engine_bank, state, at(1), 0)["new"] == ids[5:10]
    state = cards.set_settings(state, {"new_per_day": 8})
    assert cards.queue(engine_bank, state, at(0, 20), 0)["new"] == ids[5:8]


def test_the_queue_in_fsrs_mode(engine_bank) -> None:
    state = reviewed(
        progress.empty_progress(), (Q, "strong_hire", T0), ("overfitting", "no_hire", T0)
    )
    q = cards.queue(engine_bank, state, T0, 0)
    assert q["due"] == [] and q["due_later_today"] == 2
    assert q["next_due_ms"] == T0 + 60_000  # Again: the one-minute learning step
    q = cards.queue(engine_bank, state, T0 + 20 * 60_000, 0)
    assert q["due"] == ["overfitting", Q]  # due 1 min after T0, then 10 min after
    assert q["due_later_today"] == 0 and q["next_due_ms"] is None


def test_card_info() -> None:
    fresh = cards.card_info(progress.empty_progress(), Q, T0)
    assert fresh == {
        "due_ms": None,
        "interval_days": None,
        "reviews": 0,
        "last_grade": None,
        "retrievability": 0,
    }
    state, due = _graduated()
    info = cards.card_info(state, Q, due)
    assert info["reviews"] == 2 and info["last_grade"] == "strong_hire"
    assert info["due_ms"] == due
    assert info["interval_days"] == round((due - T0 - 660_000) / DAY, 2)
    assert 0.85 < info["retrievability"] < 0.95  # due when predicted recall nears 90%
    assert cards.card_info(state, Q, due + 100 * DAY)["retrievability"] < info["retrievability"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"new_per_day": 0}, "new_per_day must be a whole number from 1 to 50"),
        ({"new_per_day": 51}, "from 1 to 50"),
        ({"new_per_day": "5"}, "from 1 to 50"),
        ({"new_per_day": True}, "from 1 to 50"),
        ({"schedule": "anki"}, "schedule must be one of fsrs, checkpoints"),
        ({"colour": "blue"}, "unknown keys ['colour']"),
        ([], "settings must be an object"),
    ],
)
def test_bad_settings_are_refused(settings, message: str) -> None:
    with pytest.raises(EngineError, match=message.replace("[", r"\[").replace("]", r"\]")):
        cards.set_settings(progress.empty_progress(), settings)


def test_settings_change_only_what_is_given() -> None:
    state = cards.set_settings(progress.empty_progress(), {"schedule": "checkpoints"})
    assert state["settings"] == {
        "new_per_day": 5,
        "schedule": "checkpoints",
        "level": "L4",
        "keep_answers": False,
        "interview_date": None,
        "role": None,
        "scope": "core",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((Q, "great", T0), "unknown grade 'great'"),
        ((Q, "lean_hire", -1), "now_ms must be"),
        ((Q, "lean_hire", 1.5), "now_ms must be"),
        (("", "lean_hire", T0), "question_id"),
    ],
)
def test_bad_reviews_are_refused(args, message: str) -> None:
    with pytest.raises(EngineError, match=message):
        cards.review(progress.empty_progress(), *args)


def test_operations_refuse_bad_progress(engine_bank) -> None:
    with pytest.raises(EngineError, match="progress passed in is not valid"):
        cards.queue(engine_bank, {"version": 2}, T0, 0)
    with pytest.raises(EngineError, match="tz_offset_min"):
        cards.queue(engine_bank, progress.empty_progress(), T0, 24 * 60)


def test_due_times_agree_with_the_queue_at_every_moment(engine_bank) -> None:
    """The header counts the kept due times that have passed; that count is the queue's."""
    state = reviewed(
        progress.empty_progress(),
        (Q, "strong_hire", at(0)),
        ("overfitting", "no_hire", at(0, 1)),
        ("not-in-the-bank", "strong_hire", at(0)),
    )
    times = cards.due_times(engine_bank, state, 0)
    assert times == sorted(times) and len(times) == 2  # the stray card is not counted
    for now in (at(0, 1), at(0, 2), at(1), at(3), at(30)):
        due = cards.queue(engine_bank, state, now, 0)["due"]
        assert sum(1 for t in times if t <= now) == len(due)
    checkpoints = cards.set_settings(state, {"schedule": "checkpoints"})
    assert cards.due_times(engine_bank, checkpoints, 0) == [at(3, 0), at(3, 0)]
