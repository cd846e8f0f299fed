"""Progress format 6: a mock record says how the round ended and the time per question; a
partial round is recorded with what was graded; version 5 migrates; bad records are
refused naming where and what; sync and import keep the new fields; "Redo the weak ones"."""

from __future__ import annotations

import copy
import json

import pytest

from practice_engine import mock, progress, sync, transfer, vocab
from practice_engine.errors import EngineError
from tests.practice_engine.builders import T0, finished_mock

DAY = 24 * 60 * 60 * 1000


def _partial(bank, graded: int = 2, seconds: tuple = (95, 240)) -> dict:
    m = mock.new_mock(bank, "mle", "L4", 21)
    for n in range(graded):
        m = mock.grade_mock(m, ("strong_hire", "no_hire", "lean_hire")[n % 3], seconds[n % 2])
    return m


def _v5(state: dict) -> dict:
    """`state` as version 5 wrote it: no "ended" or "seconds" in its mock records (and,
    as before version 7, no scope in its settings)."""
    old = copy.deepcopy(state)
    old["version"] = 5
    del old["settings"]["scope"]
    for m in old["mocks"]:
        del m["ended"], m["seconds"]
    return old


def test_an_early_end_is_recorded_as_partial_with_its_times(engine_bank) -> None:
    m = _partial(engine_bank)
    state = mock.record_mock(progress.empty_progress(), m, T0, "ended")
    (kept,) = state["mocks"]
    assert kept["ended"] == "ended" and kept["grades"] == ["strong_hire", "no_hire"]
    assert kept["seconds"] == [95, 240]
    assert kept["questions"] == [q["id"] for q in m["questions"]]  # the unreached ones too
    assert len(state["reviews"]) == 2  # only what was graded schedules a card
    assert progress.PROGRESS.problem(state) is None


@pytest.mark.parametrize(
    ("graded", "ended", "words"),
    [
        (0, "time", "at least one question graded"),
        (2, "complete", "grade every question"),
        (2, "paused", "ended is 'paused'; it must be one of complete, ended, time"),
    ],
)
def test_a_round_that_cannot_be_recorded_so_is_refused(engine_bank, graded, ended, words) -> None:
    with pytest.raises(EngineError, match=words):
        mock.record_mock(progress.empty_progress(), _partial(engine_bank, graded), T0, ended)


def test_version_5_migrates_its_mocks_as_finished_of_unknown_time(engine_bank) -> None:
    m = finished_mock(engine_bank, "ds", "L5", 3, ["lean_hire"])
    state = mock.record_mock(progress.empty_progress(), m, T0)
    restored, reason = progress.restore_progress(json.dumps(_v5(state)))
    assert reason is None and restored["version"] == 7
    (kept,) = restored["mocks"]
    assert kept["ended"] == "complete" and kept["seconds"] == [None] * len(m["grades"])
    assert {k: v for k, v in kept.items() if k not in ("ended", "seconds")} == {
        k: v for k, v in state["mocks"][0].items() if k not in ("ended", "seconds")
    }


def test_a_version_5_mock_must_still_be_a_finished_one(engine_bank) -> None:
    state = mock.record_mock(progress.empty_progress(), _partial(engine_bank), T0, "time")
    _, reason = progress.restore_progress(json.dumps(_v5(state)))
    assert reason == (
        "progress.mocks[0] is not a valid mock round: 'grades' must be a list with one "
        "grade per question"
    )


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"ended": None}, "'ended' is None; it must be one of complete, ended, time"),
        ({"ended": "complete"}, "one grade per question in a complete round"),
        ({"grades": []}, "'grades' has 0 grades for"),
        ({"seconds": [95]}, "'seconds' must be a list with one entry per grade (2)"),
        ({"seconds": [95, -1]}, "'seconds'[1] is -1; it must be null or a whole number"),
        ({"seconds": [95, "4m"]}, "'seconds'[1] is '4m'"),
        ({"seconds": "95"}, "'seconds' must be a list"),
    ],
)
def test_bad_new_fields_are_refused_naming_where_and_what(engine_bank, change, words) -> None:
    state = mock.record_mock(progress.empty_progress(), _partial(engine_bank), T0, "ended")
    bad = copy.deepcopy(state)
    bad["mocks"][0].update(change)
    restored, reason = progress.restore_progress(json.dumps(bad))
    assert restored == progress.empty_progress()
    assert reason.startswith("progress.mocks[0] is not a valid mock round: "), reason
    assert words in reason, reason


def test_a_version_6_mock_without_the_new_fields_is_refused(engine_bank) -> None:
    state = mock.record_mock(progress.empty_progress(), _partial(engine_bank), T0, "ended")
    bad = _v5(state)
    bad["version"] = 6
    _, reason = progress.restore_progress(json.dumps(bad))
    assert reason == "progress.mocks[0] is not a valid mock round: missing 'ended'"


def test_two_tabs_and_an_import_keep_partial_rounds(engine_bank) -> None:
    partial = mock.record_mock(progress.empty_progress(), _partial(engine_bank), T0, "time")
    done = finished_mock(engine_bank, "ds", "L5", 3, ["lean_hire"])
    mine = mock.record_mock(progress.empty_progress(), done, T0 + DAY)
    merged = sync.merge_progress(json.dumps(_v5(mine)), partial, progress.empty_progress())
    assert [m["ended"] for m in merged["progress"]["mocks"]] == ["time", "complete"]
    assert merged["progress"]["mocks"][1]["seconds"] == [None] * len(done["grades"])
    read = transfer.read_import(json.dumps(transfer.export_file(partial, T0 + DAY)))
    assert read["ok"] and read["incoming"]["mocks"] == partial["mocks"]


def test_the_scorecard_shows_time_against_target_and_partial_rounds(engine_bank) -> None:
    card = mock.scorecard(_partial(engine_bank))
    assert card["partial"] is True and card["weak"] == 1
    first, second, third = card["rows"][:3]
    assert (first["seconds"], second["seconds"], third["seconds"]) == (95, 240, None)
    assert all(isinstance(r["target_seconds"], int) for r in card["rows"])


def test_redo_the_weak_ones_asks_only_them_in_order(engine_bank) -> None:
    m = finished_mock(engine_bank, "mle", "L5", 4, ["strong_hire", "no_hire", "didnt_know"])
    redo = mock.redo_mock(engine_bank, m, 77)
    weak = [q["id"] for q, g in zip(m["questions"], m["grades"], strict=True) if g != "strong_hire"]
    assert [q["id"] for q in redo["questions"]] == weak
    assert (redo["role"], redo["level"], redo["id"], redo["grades"]) == ("mle", "L5", "mock-77", [])
    assert mock.mock_problem(redo) is None


def test_a_round_without_weak_answers_has_nothing_to_redo(engine_bank) -> None:
    m = finished_mock(engine_bank, "mle", "L5", 4, ["strong_hire"])
    with pytest.raises(EngineError, match="no weak question"):
        mock.redo_mock(engine_bank, m, 77)
    with pytest.raises(EngineError, match="a seed of its own"):
        mock.redo_mock(engine_bank, _partial(engine_bank), 21)


def test_a_round_saved_before_the_seconds_goes_on_with_them_unknown(engine_bank) -> None:
    m = _partial(engine_bank)
    old_mock = {k: v for k, v in m.items() if k != "seconds"} | {"version": 1}
    old = {"version": 1, "mock": old_mock, "started_ms": T0, "question_started_ms": T0, "probes": 0}
    saved, reason = mock.restore_round(engine_bank, json.dumps(old))
    assert reason is None
    assert saved["version"] == vocab.SAVED_ROUND_VERSION and saved["mock"]["version"] == 2
    assert saved["mock"]["seconds"] == [None, None] and saved["mock"]["grades"] == m["grades"]
    assert saved["done_seconds"] is None  # and the answer still going, as version 2 below
    # a version-1 round that already has seconds was not written by any guide
    found, why = mock.restore_round(engine_bank, json.dumps({**old, "mock": {**m, "version": 1}}))
    assert found is None and why == "the saved round has missing 'done_seconds'"  # not upgraded


def test_a_round_saved_before_im_done_was_kept_goes_on_with_the_answer_still_going(
    engine_bank,
) -> None:
    """Version 2 saved no "I'm done" state: its question is still being answered."""
    m = _partial(engine_bank)
    old = {"version": 2, "mock": m, "started_ms": T0, "question_started_ms": T0, "probes": 0}
    saved, reason = mock.restore_round(engine_bank, json.dumps(old))
    assert reason is None
    assert saved == {**old, "version": vocab.SAVED_ROUND_VERSION, "done_seconds": None}
    # a version-2 round that has the new key was not written by any guide
    found, why = mock.restore_round(engine_bank, json.dumps({**old, "done_seconds": 5}))
    assert found is None and f"expected {vocab.SAVED_ROUND_VERSION}" in why


def test_the_seconds_of_a_finished_answer_are_kept_with_the_round(engine_bank) -> None:
    m = _partial(engine_bank)
    saved = {"version": vocab.SAVED_ROUND_VERSION, "mock": m, "started_ms": T0,
             "question_started_ms": T0, "probes": 0, "done_seconds": 95}  # fmt: skip
    restored, reason = mock.restore_round(engine_bank, json.dumps(saved))
    assert reason is None and restored["done_seconds"] == 95
