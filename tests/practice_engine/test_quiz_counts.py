"""The quiz filters' counts: each option says how many quiz items it holds given the other
filters, counted by the same selection as the quiz itself."""

from __future__ import annotations

import json

import pytest

from practice_engine import api, quiz
from practice_engine.errors import EngineError
from practice_engine.vocab import LEVELS, ROLES


def _items(bank, **filters) -> int:
    return len(quiz.select_items(bank, quiz.normalise_filters(filters)))


def test_with_nothing_ticked_each_option_counts_its_own_items(engine_bank) -> None:
    counts = quiz.filter_counts(engine_bank, {})
    tracks = [t["id"] for t in engine_bank.tracks]
    assert list(counts["tracks"]) == tracks and list(counts["levels"]) == list(LEVELS)
    assert list(counts["roles"]) == list(ROLES)
    for t in tracks:
        want = sum(len(e.items) for e in engine_bank.entries if e.track == t)
        assert counts["tracks"][t] == want > 0
    assert sum(counts["tracks"].values()) == counts["total"] == len(engine_bank.items)
    assert all(0 < counts["levels"][lv] <= counts["total"] for lv in LEVELS)


def test_each_facet_counts_within_the_other_filters(engine_bank) -> None:
    filters = {"tracks": ["fundamentals"], "levels": ["L3"], "roles": [], "count": 10}
    counts = quiz.filter_counts(engine_bank, filters)
    # a track's count keeps the level, not the other tracks ticked
    assert counts["tracks"]["fundamentals"] == _items(
        engine_bank, tracks=["fundamentals"], levels=["L3"]
    )
    assert counts["tracks"]["deep-learning"] == _items(
        engine_bank, tracks=["deep-learning"], levels=["L3"]
    )
    # a level's count keeps the track
    assert counts["levels"]["L5"] == _items(engine_bank, tracks=["fundamentals"], levels=["L5"])
    # a role's count keeps both
    role = ROLES[0]
    assert counts["roles"][role] == _items(
        engine_bank, tracks=["fundamentals"], levels=["L3"], roles=[role]
    )
    assert counts["total"] == _items(engine_bank, tracks=["fundamentals"], levels=["L3"])
    assert (
        counts["tracks"]["deep-learning"]
        != quiz.filter_counts(engine_bank, {})["tracks"]["deep-learning"]
    )


def test_the_op_answers_and_refuses_bad_filters(loaded_bank) -> None:
    out = json.loads(api.dispatch("quiz_counts", json.dumps({"filters": {"levels": ["L4"]}})))
    assert out["ok"] and out["result"]["total"] > 0
    out = json.loads(api.dispatch("quiz_counts", json.dumps({"filters": {"levels": "L4"}})))
    assert not out["ok"]
    with pytest.raises(EngineError):
        quiz.filter_counts(None, [])  # type: ignore[arg-type]
