"""The dashboard on constructed progress: mastery, streak, history and the weakest track."""

from __future__ import annotations

from practice_engine import cards, dashboard, progress
from tests.practice_engine.builders import DAY, at, reviewed


def _items(bank, track: str) -> list[str]:
    return [i.id for i in bank.items if i.track == track]


def _concepts(bank, track: str) -> list[str]:
    return [e.id for e in bank.entries if e.kind == "question" and e.track == track]


def test_an_empty_progress(engine_bank) -> None:
    d = dashboard.dashboard(engine_bank, progress.empty_progress(), at(0), 0)
    assert [r["track"] for r in d["tracks"]] == [t["id"] for t in engine_bank.tracks]
    assert all(
        r["questions"] == len(_concepts(engine_bank, r["track"]))
        and r["reviewed"] == 0
        and r["mastery"] == 0
        for r in d["tracks"]
    )
    assert d["due_now"] == 0 and d["new_left_today"] == 5
    assert d["streak_days"] == 0 and d["weakest"] is None
    assert len(d["history"]) == 28
    assert d["history"][-1]["day"] == "2026-01-01" and d["history"][0]["day"] == "2025-12-05"


def test_streak_counts_days_with_a_review_or_a_quiz_answer(engine_bank) -> None:
    item = _items(engine_bank, "fundamentals")[0]
    state = progress.record(progress.empty_progress(), item, True, at(10, 8))
    state = reviewed(
        state, ("bias-variance", "lean_hire", at(9, 22)), ("overfitting", "no_hire", at(8, 7))
    )
    state = progress.record(state, item, False, at(6, 12))  # day 7 is missing
    streak = lambda now: dashboard.dashboard(engine_bank, state, now, 0)["streak_days"]  # noqa: E731
    assert streak(at(10, 20)) == 3  # today, yesterday, the day before
    assert streak(at(11, 9)) == 3  # nothing yet today: the streak still ends yesterday
    assert streak(at(12, 9)) == 0  # a whole day missed
    assert streak(at(9, 23)) == 2
    assert streak(at(6, 23)) == 1


def test_days_are_the_readers_local_days(engine_bank) -> None:
    # 23:30 UTC on 1 January is already 2 January at UTC+2
    state = cards.review(progress.empty_progress(), "bias-variance", "lean_hire", at(0, 23.5))
    utc = dashboard.dashboard(engine_bank, state, at(1, 12), 0)["history"]
    east = dashboard.dashboard(engine_bank, state, at(1, 12), 120)["history"]
    assert (utc[-2]["day"], utc[-2]["reviews"], utc[-1]["reviews"]) == ("2026-01-01", 1, 0)
    assert (east[-1]["day"], east[-1]["reviews"]) == ("2026-01-02", 1)


def test_history_counts_each_kind_of_activity(engine_bank) -> None:
    items = _items(engine_bank, "llm")
    state = progress.empty_progress()
    for n, item in enumerate(items[:4]):
        state = progress.record(state, item, n % 2 == 0, at(-3, 9 + n))
    state = progress.record(state, items[0], True, at(-40))  # older than four weeks
    state = reviewed(state, ("rag", "strong_hire", at(-1)), ("rag", "strong_hire", at(-1, 10)))
    d = dashboard.dashboard(engine_bank, state, at(0), 0)
    by_day = {row["day"]: row for row in d["history"]}
    assert by_day["2025-12-29"] == {
        "day": "2025-12-29",
        "reviews": 0,
        "quiz_answers": 4,
        "quiz_correct": 2,
    }
    assert by_day["2025-12-31"]["reviews"] == 2
    assert sum(r["quiz_answers"] for r in d["history"]) == 4
    llm = next(r for r in d["tracks"] if r["track"] == "llm")
    assert (llm["quiz_answers"], llm["quiz_correct"], llm["reviewed"]) == (5, 3, 1)
    assert 0 < llm["mastery"] <= 0.2


def test_the_weakest_track_and_what_to_study(engine_bank) -> None:
    state = progress.empty_progress()
    others = [t["id"] for t in engine_bank.tracks if t["id"] not in ("applied-ml", "statistics")]
    for track in others:
        for q in _concepts(engine_bank, track):
            state = reviewed(state, (q, "strong_hire", at(0)), (q, "strong_hire", at(0, 10)))
    # applied-ml and statistics both have mastery 0: the lower quiz accuracy is weaker
    for n, item in enumerate(_items(engine_bank, "applied-ml")[:4]):
        state = progress.record(state, item, n < 3, at(1, 9 + n))
    for n, item in enumerate(_items(engine_bank, "statistics")[:4]):
        state = progress.record(state, item, n < 1, at(1, 9 + n))
    d = dashboard.dashboard(engine_bank, state, at(2), 0)
    weakest = d["weakest"]
    assert weakest["track"] == "statistics" and weakest["title"] == "Statistics and experimentation"
    assert [s["id"] for s in weakest["study"]] == _concepts(engine_bank, "statistics")[:3]
    assert all(s["url"].endswith("#q-" + s["id"]) for s in weakest["study"])
    assert all(r["mastery"] > 0.9 for r in d["tracks"] if r["reviewed"])


def test_study_shows_never_reviewed_then_least_remembered(engine_bank) -> None:
    qs = _concepts(engine_bank, "statistics")
    never = qs[-1]  # the one statistics question left unreviewed
    state = progress.empty_progress()
    for q in qs[:-1]:
        state = reviewed(state, (q, "strong_hire", at(0)), (q, "strong_hire", at(0, 10)))
    state = cards.review(state, qs[2], "didnt_know", at(3))  # forgotten: lowest recall
    for track in (t["id"] for t in engine_bank.tracks if t["id"] != "statistics"):
        for q in _concepts(engine_bank, track):
            state = reviewed(state, (q, "strong_hire", at(0)), (q, "strong_hire", at(0, 10)))
    now = at(0) + 20 * DAY
    weakest = dashboard.dashboard(engine_bank, state, now, 0)["weakest"]
    assert weakest["track"] == "statistics"
    study = [s["id"] for s in weakest["study"]]
    assert study[0] == never  # never reviewed first
    recall = {q: cards.card_info(state, q, now)["retrievability"] for q in qs[:-1]}
    assert study[1:] == sorted(qs[:-1], key=lambda q: (recall[q], qs.index(q)))[:2]
    assert study[1] == qs[2]  # the forgotten one is the least remembered


def test_ties_on_mastery_and_accuracy_go_to_the_bank_order(small_bank) -> None:
    item = small_bank.items[0]
    state = progress.record(progress.empty_progress(), item.id, True, at(0))
    d = dashboard.dashboard(small_bank, state, at(0), 0)
    # track "one" has a right answer, track "two" none (accuracy 0): two is weaker
    assert item.track == "one" and d["weakest"]["track"] == "two"
    assert d["weakest"]["study"] == [
        {"id": "beta", "title": small_bank.entry("beta").title, "url": small_bank.entry("beta").url}
    ]
