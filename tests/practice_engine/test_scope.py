"""The core set (the must-know questions) and all: what each widget draws from, and the
defaults (core for the flashcards' new cards and the mock round, all for the quiz)."""

from __future__ import annotations

import json

import pytest

from practice_engine import api, cards, dashboard, mock, progress, quiz, session_state, vocab
from practice_engine.errors import EngineError
from tests.practice_engine.builders import T0, at, reviewed


def _core(bank) -> set[str]:
    return {e.id for e in bank.entries if e.core}


def test_the_names_have_one_home_read_through_the_constants_op() -> None:
    out = json.loads(api.dispatch("constants", "{}"))["result"]
    assert out["scopes"] == [
        {"id": "core", "label": "Core (must-know)"},
        {"id": "all", "label": "All"},
    ]
    assert out["default_scope"] == "core" and out["browse_scope"] == "all"


def test_new_flashcards_start_on_the_core_set(engine_bank) -> None:
    state = progress.empty_progress()
    assert state["settings"]["scope"] == "core"
    q = cards.queue(engine_bank, state, at(0), 0)
    assert q["new"] and set(q["new"]) <= _core(engine_bank)
    assert q["scope"] == "core" and q["core_done"] is False
    everything = cards.set_settings(state, {"scope": "all", "new_per_day": 50})
    new = cards.queue(engine_bank, everything, at(0), 0)["new"]
    assert not set(new) <= _core(engine_bank)


def test_a_reader_who_met_every_core_card_is_told_and_can_take_all(engine_bank) -> None:
    core = [q for q in cards.question_ids(engine_bank) if q in _core(engine_bank)]
    state = reviewed(progress.empty_progress(), *[(q, "lean_hire", T0) for q in core])
    q = cards.queue(engine_bank, state, at(1), 0)
    assert q["new"] == [] and q["core_done"] is True
    assert dashboard.day_summary(engine_bank, state, at(1), 0)["new_tomorrow"] == 0
    state = cards.set_settings(state, {"scope": "all"})
    q = cards.queue(engine_bank, state, at(1), 0)
    assert q["new"] and not set(q["new"]) & set(core) and q["core_done"] is False


def test_a_scope_the_engine_does_not_know_is_refused(engine_bank) -> None:
    with pytest.raises(EngineError, match="scope must be one of core, all"):
        cards.set_settings(progress.empty_progress(), {"scope": "extended"})
    with pytest.raises(EngineError, match="scope must be one of core, all"):
        quiz.new_session(engine_bank, {"scope": "some"}, 1)
    with pytest.raises(EngineError, match="scope must be one of core, all"):
        mock.new_mock(engine_bank, "mle", "L4", 1, "some")


def test_a_version_6_progress_gets_the_core_scope(engine_bank) -> None:
    old = progress.empty_progress()
    old["version"] = 6
    del old["settings"]["scope"]
    restored, reason = progress.restore_progress(json.dumps(old))
    assert reason is None and restored["version"] == vocab.PROGRESS_VERSION == 7
    assert restored["settings"]["scope"] == "core"
    old["settings"]["scope"] = "all"  # a version-6 progress never had one
    assert "unknown keys ['scope']" in progress.restore_progress(json.dumps(old))[1]


def test_the_quiz_draws_from_all_unless_asked_for_the_core_set(engine_bank) -> None:
    core = _core(engine_bank)
    every = quiz.new_session(engine_bank, {"count": 50}, 3)
    assert every["filters"]["scope"] == "all"
    owners = {engine_bank.item(s["item"]).entry_id for s in every["items"]}
    assert owners - core
    only = quiz.new_session(engine_bank, {"count": 50, "scope": "core"}, 3)
    assert only["filters"]["scope"] == "core"
    assert {engine_bank.item(s["item"]).entry_id for s in only["items"]} <= core


def test_a_quiz_saved_before_the_scope_existed_still_restores(engine_bank) -> None:
    session = quiz.new_session(engine_bank, {"count": 5}, 3)
    del session["filters"]["scope"]
    restored, reason = session_state.restore_session(engine_bank, session)
    assert reason is None and restored is not None


@pytest.mark.parametrize("role", vocab.ROLES)
def test_a_mock_round_defaults_to_the_core_set(engine_bank, role) -> None:
    core = _core(engine_bank)
    for seed in range(20):
        m = mock.new_mock(engine_bank, role, "L5", seed)
        assert {q["id"] for q in m["questions"]} <= core
    wide = {
        q["id"]
        for s in range(40)
        for q in mock.new_mock(engine_bank, role, "L5", s, "all")["questions"]
    }
    assert wide - core


def test_a_mock_round_on_the_core_set_falls_back_to_all_when_too_few(small_bank) -> None:
    """The fixture bank has one must-know question (alpha) of two for the role: the round
    draws from both rather than ask one."""
    m = mock.new_mock(small_bank, "mle", "L4", 1)
    assert {q["id"] for q in m["questions"]} == {"alpha", "beta"}


def test_the_weakest_track_says_whether_it_has_core_questions(engine_bank) -> None:
    """Today's session quizzes the weakest track on the core set only when it has one."""
    state = reviewed(progress.empty_progress(), ("bias-variance", "no_hire", T0))
    weakest = dashboard.dashboard(engine_bank, state, at(1), 0)["weakest"]
    tracks = {e.track for e in engine_bank.entries if e.core}
    assert weakest is not None and weakest["core"] is (weakest["track"] in tracks)
