"""The study plan fitted to the interview date: how long it runs, which day and stage the
reader is in, and the interview profile as the page sets it (progress version 5)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practice_engine import dashboard, plan, progress, sync, transfer
from practice_engine.errors import EngineError
from practice_engine.vocab import PLAN_MAX_DAYS_AHEAD, PLAN_STAGES
from tests.practice_engine.builders import at

# Local day 0 of the builders is 2026-01-01.


def _date(day: int) -> str:
    return (date(2026, 1, 1) + timedelta(days=day)).isoformat()


@pytest.mark.parametrize(
    ("days_left", "weeks"), [(40, 4), (28, 4), (27, 3), (21, 3), (20, 2), (14, 2), (3, 2)]
)
def test_the_longest_plan_that_fits(days_left: int, weeks: int) -> None:
    assert plan.plan_weeks(days_left) == weeks


def test_states_from_far_ahead_to_past() -> None:
    now = at(0)
    assert plan.plan_status(None, now, 0) is None
    ahead = plan.plan_status(_date(40), now, 0)
    assert ahead is not None and ahead.pop("stages")
    assert ahead == {"state": "ahead", "days_left": 40, "weeks": 4, "length": 28, "starts_in": 12}
    first = plan.plan_status(_date(28), now, 0)
    assert first is not None and first.pop("stages")
    assert first == {
        "state": "running", "days_left": 28, "weeks": 4, "length": 28, "day": 1, "stage": 1
    }  # fmt: skip
    late = plan.plan_status(_date(10), now, 0)
    assert late is not None and (late["weeks"], late["day"], late["stage"]) == (2, 5, 2)
    assert plan.plan_status(_date(0), now, 0) == {"state": "today", "days_left": 0}
    assert plan.plan_status("2025-12-30", now, 0) == {"state": "past", "days_left": -2}


@given(st.integers(1, 60))
def test_stages_run_in_order_and_the_last_day_is_the_last_stage(days_left: int) -> None:
    status = plan.plan_status(_date(days_left), at(0), 0)
    assert status is not None
    if status["state"] == "ahead":
        assert status["starts_in"] == days_left - status["length"]
        return
    assert 1 <= status["day"] <= status["length"] and 1 <= status["stage"] <= PLAN_STAGES
    if days_left == 1:
        assert status["day"] == status["length"] and status["stage"] == PLAN_STAGES
    later = plan.plan_status(_date(days_left), at(1), 0)
    if later and later["state"] == "running" and later["weeks"] == status["weeks"]:
        assert later["day"] == status["day"] + 1 and later["stage"] >= status["stage"]


def test_a_two_week_plan_is_dated_in_four_stages_ending_before_the_interview() -> None:
    status = plan.plan_status("2026-01-15", at(0), 0)  # 14 days ahead
    assert status is not None and status["length"] == 14
    assert status["stages"] == [
        {"stage": 1, "from": "2026-01-01", "to": "2026-01-04"},
        {"stage": 2, "from": "2026-01-05", "to": "2026-01-07"},
        {"stage": 3, "from": "2026-01-08", "to": "2026-01-11"},
        {"stage": 4, "from": "2026-01-12", "to": "2026-01-14"},
    ]


@given(st.integers(2, 60), st.integers(0, 6))
def test_the_stage_dates_hold_today_in_todays_stage(days_left: int, later: int) -> None:
    status = plan.plan_status(_date(days_left), at(later), 0)
    if status is None or status["state"] != "running":
        return
    stages = status["stages"]
    assert [s["stage"] for s in stages] == list(range(1, PLAN_STAGES + 1))
    assert stages[-1]["to"] == _date(days_left - 1)  # the plan ends the day before
    today = _date(later)
    [holding] = [s for s in stages if s["from"] <= today <= s["to"]]
    assert holding["stage"] == status["stage"]


def test_the_day_is_the_readers_local_day() -> None:
    # 23:30 UTC on 2026-01-01 is already 2026-01-02 at UTC+1, and still 01-01 in New York.
    late = at(0, hour=23.5)
    assert plan.plan_status(_date(1), late, 60) == {"state": "today", "days_left": 0}
    assert plan.plan_status(_date(1), late, -300)["days_left"] == 1  # type: ignore[index]


def test_the_profile_is_set_kept_and_unset() -> None:
    state = plan.set_profile(
        progress.empty_progress(), {"interview_date": _date(20), "role": "mle"}, at(0), 0
    )
    assert state["settings"]["interview_date"] == _date(20)
    assert state["settings"]["role"] == "mle" and state["settings"]["level"] == "L4"
    state = plan.set_profile(state, {"level": "L5"}, at(0), 0)
    assert state["settings"]["interview_date"] == _date(20)  # left out, so kept
    state = plan.set_profile(state, {"interview_date": None, "role": None}, at(0), 0)
    assert state["settings"]["interview_date"] is None and state["settings"]["role"] is None
    assert progress.PROGRESS.problem(state) is None


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ({"interview_date": "2025-12-31"}, "2025-12-31 is in the past"),
        ({"interview_date": "2028-01-01"}, f"at most {PLAN_MAX_DAYS_AHEAD} days ahead"),
        ({"interview_date": "2026-02-30"}, "YYYY-MM-DD"),
        ({"interview_date": "20260201"}, "YYYY-MM-DD"),
        ({"role": "astronaut"}, "settings.role must be one of"),
        ({"level": "L9"}, "settings.level must be one of"),
        ({"streak": 3}, "some of interview_date, role, level"),
        ([], "some of interview_date, role, level"),
    ],
)
def test_a_bad_profile_is_refused_and_says_what(profile, message: str) -> None:
    with pytest.raises(EngineError, match=message):
        plan.set_profile(progress.empty_progress(), profile, at(0), 0)


def test_a_stored_date_in_the_past_stays_valid_and_shows_as_past() -> None:
    state = plan.set_profile(progress.empty_progress(), {"interview_date": _date(3)}, at(0), 0)
    restored, reason = progress.restore_progress(json.dumps(state))
    assert reason is None and restored == state
    assert plan.plan_status(restored["settings"]["interview_date"], at(9), 0)["state"] == "past"  # type: ignore[index]


def test_a_version_4_progress_gains_an_unset_profile() -> None:
    v4 = {**progress.empty_progress(), "version": 4}
    v4["settings"] = {k: v4["settings"][k] for k in ("new_per_day", "schedule", "level")}
    v4["settings"]["keep_answers"] = False
    restored, reason = progress.restore_progress(json.dumps(v4))
    assert reason is None and restored == progress.empty_progress()
    bad = {**v4, "settings": {**v4["settings"], "role": None}}
    assert "unknown keys ['role']" in str(progress.restore_progress(json.dumps(bad))[1])


def test_the_profile_travels_in_a_progress_file_and_merges_by_key() -> None:
    base = progress.empty_progress()
    mine = plan.set_profile(base, {"interview_date": _date(20)}, at(0), 0)
    other = plan.set_profile(base, {"role": "ds"}, at(0), 0)
    merged = sync.merge_progress(json.dumps(other), mine, base)["progress"]
    assert merged["settings"]["interview_date"] == _date(20)
    assert merged["settings"]["role"] == "ds"
    incoming = transfer.read_import(json.dumps(transfer.export_file(mine, at(0))))["incoming"]
    assert incoming["settings"]["interview_date"] == _date(20)


def test_the_dashboard_carries_the_plan(engine_bank) -> None:
    state = plan.set_profile(progress.empty_progress(), {"interview_date": _date(10)}, at(0), 0)
    assert dashboard.dashboard(engine_bank, state, at(0), 0)["plan"]["day"] == 5
    assert dashboard.dashboard(engine_bank, progress.empty_progress(), at(0), 0)["plan"] is None


def test_the_plan_op_gives_the_dashboards_plan_alone(engine_bank, loaded_bank) -> None:
    from practice_engine.api import dispatch

    state = plan.set_profile(progress.empty_progress(), {"interview_date": _date(10)}, at(0), 0)
    args = {"progress": state, "now_ms": at(0), "tz_offset_min": 0}
    out = json.loads(dispatch("plan", json.dumps(args)))
    assert out["ok"] and out["result"] == dashboard.dashboard(engine_bank, state, at(0), 0)["plan"]
    args["progress"] = progress.empty_progress()
    assert json.loads(dispatch("plan", json.dumps(args)))["result"] is None
