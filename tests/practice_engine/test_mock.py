"""Mock rounds: selection by role and level, depth order, grading and the scorecard."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.publish.export import bank_json
from practice_engine import mock, progress
from practice_engine.bankdata import parse_bank
from practice_engine.errors import EngineError
from practice_engine.vocab import GRADES, LEVELS, ROLES
from tests.practice_engine.builders import T0, finished_mock
from tests.quiz_data.test_content import MUST_KNOW


@given(
    seed=st.integers(-(2**40), 2**40),
    role=st.sampled_from(ROLES),
    level=st.sampled_from(LEVELS),
)
@settings(max_examples=200, deadline=None)
def test_a_mock_fits_the_role_and_never_gets_shallower(engine_bank, seed, role, level) -> None:
    m = mock.new_mock(engine_bank, role, level, seed, "all")
    entries = [engine_bank.entry(q["id"]) for q in m["questions"]]
    assert 6 <= len(entries) <= 8
    assert len({e.id for e in entries}) == len(entries)
    assert all(e.kind == "question" and role in e.roles for e in entries)
    depths = [mock.depth(engine_bank, e) for e in entries]
    assert depths == sorted(depths)
    fitting = [
        e
        for e in engine_bank.entries
        if e.kind == "question" and role in e.roles and level in e.levels
    ]
    if len(fitting) >= 6:
        assert all(level in e.levels for e in entries)
    assert m == mock.new_mock(engine_bank, role, level, seed, "all")
    assert m["id"] == f"mock-{seed}" and m["clock_seconds"] == 2700
    assert m["grades"] == [] and m["position"] == 0
    assert mock.mock_problem(json.loads(json.dumps(m))) is None


def test_too_few_questions_relax_to_lower_levels_then_to_the_role(real_bank) -> None:
    # The 30 must-know questions alone: for an AI / LLM engineer at L3 only the five
    # fundamentals fit, so deeper ones fill the round
    data = bank_json(real_bank)
    data["entries"] = [e for e in data["entries"] if e["id"] in MUST_KNOW]
    core = parse_bank(data)
    m = mock.new_mock(core, "ai", "L3", 1)
    assert len(m["questions"]) >= 6
    assert any("L3" not in core.entry(q["id"]).levels for q in m["questions"])
    # research engineer at L6+: plenty fit, nothing is relaxed
    m = mock.new_mock(core, "re", "L6+", 1)
    assert all("L6+" in core.entry(q["id"]).levels for q in m["questions"])


def test_candidates_relax_in_order(engine_bank) -> None:
    pool = mock.candidates(engine_bank, "ds", "L3", "all")
    assert {e.id for e in pool} >= {"bias-variance", "p-values"}
    assert all("L3" in e.levels for e in pool)


def test_a_role_with_few_questions_gets_a_short_round(small_bank) -> None:
    m = mock.new_mock(small_bank, "mle", "L3", 7)
    assert [q["id"] for q in m["questions"]] == ["alpha", "beta"]  # explain before compare
    with pytest.raises(EngineError, match="no concept question for the role"):
        mock.new_mock(small_bank, "ai", "L3", 7)


@pytest.mark.parametrize(
    ("role", "level", "seed", "message"),
    [
        ("pm", "L3", 1, "unknown role"),
        ("mle", "L7", 1, "unknown level"),
        ("mle", "L3", "1", "seed must be an integer"),
        ("mle", "L3", True, "seed must be an integer"),
    ],
)
def test_bad_mock_requests(engine_bank, role, level, seed, message) -> None:
    with pytest.raises(EngineError, match=message):
        mock.new_mock(engine_bank, role, level, seed)


def test_question_fields(engine_bank) -> None:
    m = mock.new_mock(engine_bank, "mle", "L5", 3)
    for q in m["questions"]:
        entry = engine_bank.entry(q["id"])
        assert q["title"] == entry.title and q["url"] == entry.url
        assert q["time_target"] == entry.time_target
        assert (
            q["target_seconds"]
            == {"2-3 min": 180, "3-5 min": 300, "5-7 min": 420}[entry.time_target]
        )
        assert q["followups"] == list(entry.followups)


@pytest.mark.parametrize(
    ("grades", "signal"),
    [
        (["strong_hire"] * 6, 5),
        (["strong_hire"] * 5 + ["lean_hire"], 4),  # mean 3.83
        (["strong_hire", "lean_hire"], 4),  # 3.5 rounds half up
        (["strong_hire", "strong_hire", "strong_hire", "lean_hire", "lean_hire", "no_hire"], 3),
        (["lean_hire", "no_hire"], 3),  # 2.5 rounds half up
        (["lean_hire"] * 7, 3),
        (["no_hire", "didnt_know"], 2),  # 1.5 rounds half up
        (["no_hire", "didnt_know", "didnt_know"], 1),  # 1.33
        (["didnt_know"] * 8, 1),
        (["strong_hire", "didnt_know"], 3),  # 2.5
    ],
)
def test_the_signal_on_the_five_step_spectrum(grades, signal) -> None:
    assert mock.signal(grades) == signal


def test_grading_a_round_and_its_scorecard(engine_bank) -> None:
    m = mock.new_mock(engine_bank, "ds", "L4", 11)
    n = len(m["questions"])
    m = mock.grade_mock(m, "lean_hire")
    assert m["position"] == 1 and m["grades"] == ["lean_hire"]
    partial = mock.scorecard(m)
    assert [r["grade"] for r in partial["rows"]] == ["lean_hire"] + [None] * (n - 1)
    for _ in range(n - 1):
        m = mock.grade_mock(m, "strong_hire")
    with pytest.raises(EngineError, match="every question of this mock round is graded"):
        mock.grade_mock(m, "strong_hire")
    card = mock.scorecard(m)
    assert card["signal"] == 4 and card["signal_label"] == "Can discuss trade-offs and alternatives"
    assert [r["id"] for r in card["rows"]] == [q["id"] for q in m["questions"]]
    assert card["summary"].startswith(f"{n} of {n} questions graded (")
    assert "A strong hire reaches 3 to 4 consistently" in card["summary"]


def test_scorecard_needs_a_grade(engine_bank) -> None:
    with pytest.raises(EngineError, match="grade at least one question"):
        mock.scorecard(mock.new_mock(engine_bank, "ds", "L4", 11))


def test_recording_feeds_the_schedule(engine_bank) -> None:
    m = finished_mock(engine_bank, "mle", "L5", 4, ["strong_hire", "no_hire", "didnt_know"])
    state = mock.record_mock(progress.empty_progress(), m, T0)
    ids = [q["id"] for q in m["questions"]]
    assert state["mocks"] == [
        {
            "id": "mock-4",
            "role": "mle",
            "level": "L5",
            "finished_ms": T0,
            "questions": ids,
            "grades": m["grades"],
            "signal": mock.signal(m["grades"]),
            "ended": "complete",
            "seconds": m["seconds"],
        }
    ]
    assert state["reviews"] == [[q, g, T0] for q, g in zip(ids, m["grades"], strict=True)]
    assert set(state["cards"]) == set(ids)
    assert progress.PROGRESS.problem(state) is None
    with pytest.raises(EngineError, match="already recorded"):
        mock.record_mock(state, m, T0 + 1)


def test_an_unfinished_or_tampered_round_is_not_recorded(engine_bank) -> None:
    m = mock.grade_mock(mock.new_mock(engine_bank, "mle", "L5", 4), "lean_hire")
    with pytest.raises(EngineError, match="grade every question"):
        mock.record_mock(progress.empty_progress(), m, T0)
    with pytest.raises(EngineError, match="position does not match"):
        mock.grade_mock({**m, "position": 0}, "lean_hire")
    with pytest.raises(EngineError, match="unknown grade"):
        mock.grade_mock(m, "excellent")


@pytest.mark.parametrize(
    "change",
    [
        {"version": 1},
        {"role": "pm"},
        {"id": "mock-999"},
        {"questions": []},
        {"grades": ["great"], "position": 1},
        {"position": 3},
        {"extra": 1},
    ],
)
def test_restoring_a_saved_round(engine_bank, change) -> None:
    m = mock.new_mock(engine_bank, "as", "L6+", 2)
    assert mock.restore_mock(m) == (m, None)
    found, reason = mock.restore_mock({**m, **change})
    assert found is None and reason


@given(grades=st.lists(st.sampled_from(GRADES), min_size=1, max_size=8))
def test_the_signal_is_always_a_step(grades) -> None:
    value = mock.signal(grades)
    assert 1 <= value <= 5
    assert (value == 5) == all(g == "strong_hire" for g in grades)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_every_role_draws_beyond_the_must_know_questions(engine_bank, role: str) -> None:
    """With scope "all" the mock pool is the whole bank: each role's round at every level can
    draw questions the must-know thirty do not hold."""
    for level in LEVELS:
        pool = {e.id for e in mock.candidates(engine_bank, role, level, "all")}
        assert pool - set(MUST_KNOW), (role, level)
