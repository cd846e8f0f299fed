"""Quiz sessions: filters, reproducible shuffling, grading against the bank's marks, score."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_engine import quiz, session_state
from practice_engine.api import dispatch
from practice_engine.errors import EngineError


def _answer_key(session: dict, item) -> list[int]:
    """The display positions of the correct options of the current item."""
    order = session["items"][session["position"]]["order"]
    return [d for d, i in enumerate(order) if item.options[i].correct]


def test_same_seed_same_session(engine_bank) -> None:
    a = quiz.new_session(engine_bank, {"count": 10}, seed=42)
    b = quiz.new_session(engine_bank, {"count": 10}, seed=42)
    c = quiz.new_session(engine_bank, {"count": 10}, seed=43)
    assert a == b
    assert a != c


@given(seed=st.integers(min_value=0, max_value=2**31), count=st.integers(1, 20))
@settings(max_examples=50, deadline=None)
def test_session_respects_count_and_filters(engine_bank, seed: int, count: int) -> None:
    track = engine_bank.tracks[seed % len(engine_bank.tracks)]["id"]
    s = quiz.new_session(engine_bank, {"tracks": [track], "count": count}, seed)
    assert 1 <= len(s["items"]) <= count
    assert len({slot["item"] for slot in s["items"]}) == len(s["items"])
    for slot in s["items"]:
        item = engine_bank.item(slot["item"])
        assert item.track == track
        assert sorted(slot["order"]) == list(range(len(item.options)))


def test_level_and_role_filters(engine_bank) -> None:
    s = quiz.new_session(engine_bank, {"levels": ["L3"], "roles": ["ds"], "count": 50}, 1)
    for slot in s["items"]:
        entry = engine_bank.entry(engine_bank.item(slot["item"]).entry_id)
        assert "L3" in entry.levels and "ds" in entry.roles


def test_no_match_is_a_clear_error(small_bank) -> None:
    with pytest.raises(EngineError, match="no quiz item matches"):
        quiz.new_session(small_bank, {"tracks": ["nowhere"]}, 1)


@pytest.mark.parametrize(
    "filters", [{"count": 0}, {"count": 51}, {"count": "5"}, {"tracks": "one"}, {"levels": [3]}]
)
def test_bad_filters_are_refused(small_bank, filters: dict) -> None:
    with pytest.raises(EngineError):
        quiz.new_session(small_bank, filters, 1)


def test_grading_agrees_with_the_bank_for_every_item(engine_bank) -> None:
    """Answering each item with its marked options is correct; any other pick is not."""
    for item in engine_bank.items:
        session = {
            "version": 1,
            "seed": 0,
            "filters": quiz.normalise_filters({}),
            "items": [{"item": item.id, "order": list(range(len(item.options)))[::-1]}],
            "answers": [],
            "position": 0,
        }
        key = _answer_key(session, item)
        _, fb = quiz.grade(engine_bank, session, key)
        assert fb["correct"], item.id
        assert [o["correct"] for o in fb["options"]] == [
            item.options[i].correct for i in session["items"][0]["order"]
        ]
        assert all(o["why"] for o in fb["options"])
        wrong = [d for d in range(len(item.options)) if d not in key][:1]
        if wrong:
            picked = wrong if not item.multiple else [*key, *wrong]
            _, fb = quiz.grade(engine_bank, session, picked)
            assert not fb["correct"], item.id


def test_a_whole_quiz_keeps_score_by_track(engine_bank) -> None:
    s = quiz.new_session(engine_bank, {"count": 8}, seed=5)
    expected = 0
    while not quiz.finished(s):
        item = engine_bank.item(s["items"][s["position"]]["item"])
        key = _answer_key(s, item)
        right = s["position"] % 2 == 0
        pick = key if right else [d for d in range(len(item.options)) if d not in key][:1]
        s, fb = quiz.grade(engine_bank, s, pick)
        expected += int(fb["correct"])
        s = quiz.advance(s)
    result = quiz.score(engine_bank, s)
    assert result["answered"] == result["total"] == 8
    assert result["correct"] == expected == 4
    assert sum(r["answered"] for r in result["by_track"]) == 8
    assert sum(r["correct"] for r in result["by_track"]) == 4


def _play(bank, s: dict, right) -> dict:
    """Answer every item, right or wrong as `right(position)` says; the finished session."""
    while not quiz.finished(s):
        item = bank.item(s["items"][s["position"]]["item"])
        key = _answer_key(s, item)
        wrong = [d for d in range(len(item.options)) if d not in key][:1]
        s, _ = quiz.grade(bank, s, key if right(s["position"]) else wrong)
        s = quiz.advance(s)
    return s


def test_score_lists_the_misses_with_links_to_their_answers(engine_bank) -> None:
    s = _play(engine_bank, quiz.new_session(engine_bank, {"count": 6}, seed=9), lambda p: p % 3)
    missed = quiz.score(engine_bank, s)["missed"]
    asked = [slot["item"] for slot in s["items"]]
    assert [m["item"] for m in missed] == [asked[0], asked[3]]  # in the order asked
    for m in missed:
        item = engine_bank.item(m["item"])
        assert m["stem"] == item.stem
        assert m["url"].endswith(f"#q-{item.entry_id}")
        assert m["title"] == engine_bank.entry(item.entry_id).title
    fresh = quiz.new_session(engine_bank, {"count": 3}, seed=9)
    perfect = _play(engine_bank, fresh, lambda p: True)
    assert quiz.score(engine_bank, perfect)["missed"] == []


def test_retry_asks_just_the_misses_again(engine_bank) -> None:
    first = quiz.new_session(engine_bank, {"tracks": ["statistics"], "count": 5}, seed=4)
    s = _play(engine_bank, first, lambda p: p % 2)
    missed = {a["item"] for a in s["answers"] if not a["correct"]}
    retry = quiz.retry_session(engine_bank, s, seed=8)
    assert {slot["item"] for slot in retry["items"]} == missed
    assert retry["answers"] == [] and retry["position"] == 0
    assert retry["filters"] == {**first["filters"], "count": len(missed)}
    assert retry == quiz.retry_session(engine_bank, s, seed=8)  # reproducible
    assert session_state.session_problem(retry, engine_bank) is None  # it can be saved
    done = _play(engine_bank, retry, lambda p: True)
    with pytest.raises(EngineError, match="no missed question"):
        quiz.retry_session(engine_bank, done, seed=1)


def test_retry_through_the_api_refuses_a_session_that_does_not_fit(loaded_bank) -> None:
    out = json.loads(dispatch("retry_session", json.dumps({"session": {"x": 1}, "seed": 1})))
    assert out["ok"] is False and "saved session" in out["error"]


def test_grading_refuses_bad_answers(small_bank) -> None:
    s = quiz.new_session(small_bank, {"tracks": ["one"], "count": 5}, seed=3)
    with pytest.raises(EngineError, match="pick at least one"):
        quiz.grade(small_bank, s, [])
    with pytest.raises(EngineError, match="numbered"):
        quiz.grade(small_bank, s, [7])
    with pytest.raises(EngineError, match="answer this item"):
        quiz.advance(s)
    single = next(
        n for n, slot in enumerate(s["items"]) if not small_bank.item(slot["item"]).multiple
    )
    with pytest.raises(EngineError, match="this question has one answer"):
        quiz.grade(small_bank, {**s, "position": single}, [0, 1])
    answered, _ = quiz.grade(small_bank, s, [0])
    with pytest.raises(EngineError, match="already answered"):
        quiz.grade(small_bank, answered, [0])


def test_view_shows_text_in_display_order(small_bank) -> None:
    s = quiz.new_session(small_bank, {"count": 4}, seed=11)
    v = quiz.view(small_bank, s)
    item = small_bank.item(v["item"])
    assert v["options"] == [item.options[i].text for i in s["items"][0]["order"]]
    assert v["url"].endswith(f"#q-{item.entry_id}")
    json.dumps(v)  # plain JSON, nothing else
