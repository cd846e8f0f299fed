"""The engine's answers on a generated year: 300 cards reviewed daily on a bank grown to 300
concept questions (benchmarks/engine_history.py, the engine bench's data). Times are the
bench's business (`make bench`, section "engine"); here the answers must be right."""

from __future__ import annotations

import json

import pytest

from benchmarks.engine_history import grown_export, year_end_ms, year_of_reviews
from macros.publish.export import bank_json
from practice_engine import cards, dashboard, index_status, progress
from practice_engine.bankdata import BankData, parse_bank
from practice_engine.clock import parse_when, to_ms
from practice_engine.progress_view import activity


@pytest.fixture(scope="module")
def big_bank(real_bank) -> BankData:
    return parse_bank(grown_export(bank_json(real_bank)))


@pytest.fixture(scope="module")
def year(big_bank: BankData) -> dict:
    return year_of_reviews(big_bank)


def _dues(state: dict) -> dict[str, int]:
    return {q: to_ms(parse_when(c["due"])) for q, c in state["cards"].items()}  # type: ignore[arg-type]


def test_the_grown_bank_has_300_questions_with_unique_ids(big_bank: BankData) -> None:
    questions = [e for e in big_bank.entries if e.kind == "question"]
    assert len(questions) == 300
    assert len({e.id for e in big_bank.entries}) == len(big_bank.entries)
    assert len({i.id for i in big_bank.items}) == len(big_bank.items)
    assert sum(e.core for e in questions) == sum(e.core for e in big_bank.entries) > 0


def test_the_generator_reviews_as_the_engine_does(big_bank: BankData) -> None:
    """Three weeks of the generator equal the same reviews made one by one by cards.review."""
    made = year_of_reviews(big_bank, card_count=40, days=21)
    replay = progress.empty_progress()
    for qid, grade, t in made["reviews"]:
        replay = cards.review(replay, qid, grade, t)
    assert replay["cards"] == made["cards"] and replay["reviews"] == made["reviews"]


def test_a_year_of_reviews_is_a_valid_progress(year: dict) -> None:
    assert len(year["cards"]) == 300
    assert len(year["reviews"]) > 10 * 300 // 2  # daily reviews for a year, not a week
    days = {r[2] // 86_400_000 for r in year["reviews"]}
    assert len(days) > 300


def test_queue_and_due_times_on_a_year(big_bank: BankData, year: dict) -> None:
    now = year_end_ms()
    dues = _dues(year)
    q = cards.queue(big_bank, year, now, 0)
    assert q["due"] == sorted((d for d in dues if dues[d] <= now), key=dues.__getitem__)
    assert q["due"]  # a year in, some cards are due on any evening
    deck = cards.question_ids(big_bank)
    assert q["new"] == [i for i in deck if i not in dues][:5]
    assert cards.due_times(big_bank, year, 0) == sorted(dues.values())


def test_dashboard_and_index_status_on_a_year(big_bank: BankData, year: dict) -> None:
    now = year_end_ms()
    due = cards.queue(big_bank, year, now, 0)["due"]
    d = dashboard.dashboard(big_bank, year, now, 0)
    assert d["due_now"] == len(due)
    assert d["coverage"]["questions"]["done"] == sum(
        1 for e in big_bank.entries if e.kind == "question" and e.id in year["cards"]
    )
    assert sum(day[0] for day in activity(year, 0).values()) == len(year["reviews"])
    assert d["streak_days"] == 365
    status = index_status.index_status(big_bank, year, [], now, 0)["questions"]
    assert sorted(q for q, s in status.items() if s == "due") == sorted(
        q for q in due if big_bank.entry(q).kind == "question"
    )
    assert {q for q, s in status.items() if s == "new"} == {
        e.id for e in big_bank.entries if e.kind == "question" and e.id not in year["cards"]
    }


def test_the_ops_answer_alike_on_a_fresh_copy(big_bank: BankData, year: dict) -> None:
    """The worker sends a new progress each call: answers must not depend on what an
    earlier call on another progress left cached."""
    now = year_end_ms()
    first = cards.queue(big_bank, year, now, 0)
    qid, grade, t = year["reviews"][-1]
    moved = {**year, "reviews": [*year["reviews"][:-1], [qid, grade, t + 1]]}  # same length
    assert cards.review_span(year, qid)[1] == t
    assert cards.review_span(moved, qid)[1] == t + 1
    assert cards.review_span(year, qid)[1] == t
    assert cards.queue(big_bank, json.loads(json.dumps(year)), now, 0) == first
