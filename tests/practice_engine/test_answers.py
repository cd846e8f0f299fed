"""Typed answers kept with progress: only when the reader ticks "keep my answers", through
export and import, across tabs, and refused by validation when they should not be there."""

from __future__ import annotations

import json

import pytest

from practice_engine import cards, progress, sync, transfer, vocab
from practice_engine.answers import keep_answer
from practice_engine.errors import EngineError
from tests.practice_engine.builders import DAY, T0

Q = "bias-variance"


def keeping() -> progress.Progress:
    return cards.set_settings(progress.empty_progress(), {"keep_answers": True})


def test_nothing_is_kept_unless_the_reader_asks() -> None:
    start = progress.empty_progress()
    assert keep_answer(start, Q, "Bias is error from wrong assumptions.", T0) is start
    assert start["answers"] == {}


def test_a_kept_answer_is_the_latest_one_and_blank_text_keeps_nothing() -> None:
    state = keep_answer(keeping(), Q, "first try", T0)
    state = keep_answer(state, Q, "second try", T0 + 1)
    assert state["answers"] == {Q: {"text": "second try", "t_ms": T0 + 1}}
    assert keep_answer(state, Q, "   \n", T0 + 2) is state
    assert progress.PROGRESS.problem(state) is None


def test_turning_keep_off_forgets_every_kept_answer() -> None:
    state = keep_answer(keeping(), Q, "an answer", T0)
    off = cards.set_settings(state, {"keep_answers": False})
    assert off["answers"] == {} and off["settings"]["keep_answers"] is False


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            lambda p: p["answers"].update({Q: {"text": "x", "t_ms": T0}}) or p,
            "keep_answers is false",
        ),
        (lambda p: p.update({"answers": []}) or p, "progress.answers is not an object"),
        (lambda p: p["settings"].update({"keep_answers": "yes"}) or p, "must be true or false"),
        (lambda p: p["settings"].update({"level": "L9"}) or p, "level must be one of L3, L4"),
    ],
)
def test_validation_names_what_is_wrong(change, words: str) -> None:
    bad = change(json.loads(json.dumps(progress.empty_progress())))
    assert words in progress.PROGRESS.problem(bad)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ({"text": "", "t_ms": T0}, "text must be a non-empty string"),
        ({"text": "x" * 20_001, "t_ms": T0}, "at most 20000"),
        ({"text": "x", "t_ms": -1}, "t_ms must be"),
        ({"text": "x"}, "is missing 't_ms'"),
    ],
)
def test_a_bad_kept_answer_is_refused(answer, words: str) -> None:
    bad = {**keeping(), "answers": {Q: answer}}
    assert words in progress.PROGRESS.problem(bad)


def test_kept_answers_round_trip_through_export_and_import() -> None:
    state = keep_answer(keeping(), Q, "Variance is sensitivity to the sample.", T0)
    text = json.dumps(transfer.export_file(state, T0 + 5))
    read = transfer.read_import(text)
    assert read["ok"] and read["incoming"] == state
    fresh = transfer.apply_import(progress.empty_progress(), read["incoming"], "merge")
    assert fresh["answers"] == state["answers"]


def test_an_import_keeps_answers_only_where_the_settings_keep_them(engine_bank) -> None:
    incoming = keep_answer(keeping(), Q, "kept in the file", T0)
    current = cards.review(progress.empty_progress(), "overfitting", "lean_hire", T0)
    merged = transfer.apply_import(current, incoming, "merge")
    assert merged["answers"] == {}  # this browser's settings keep none
    preview = transfer.preview_import(engine_bank, current, incoming, "merge")
    assert preview["answers_added"] == 0
    current_keeping = cards.set_settings(current, {"keep_answers": True})
    preview = transfer.preview_import(engine_bank, current_keeping, incoming, "merge")
    assert preview["answers_added"] == 1


def test_version_3_progress_is_migrated_with_no_answers() -> None:
    v3 = {
        "version": 3,
        "quiz": {},
        "cards": {},
        "reviews": [],
        "mocks": [],
        "settings": {"new_per_day": 7, "schedule": "checkpoints"},
        "exercises": {},
    }
    restored, reason = progress.restore_progress(json.dumps(v3))
    assert (
        reason is None
        and restored["version"] == vocab.PROGRESS_VERSION
        and restored["answers"] == {}
    )
    assert restored["settings"] == {
        "new_per_day": 7,
        "schedule": "checkpoints",
        "level": "L4",
        "keep_answers": False,
        "interview_date": None,
        "role": None,
        "scope": "core",
    }
    with_answers = {**v3, "answers": {}}
    assert "unknown keys ['answers']" in progress.restore_progress(json.dumps(with_answers))[1]


def test_two_tabs_keep_the_later_answer_and_a_tab_that_stopped_keeping_wins() -> None:
    base = keeping()
    a = keep_answer(base, Q, "tab a", T0 + DAY)
    b = keep_answer(base, Q, "tab b", T0)
    merged = sync.merge_progress(json.dumps(a), b, base)["progress"]
    assert merged["answers"][Q]["text"] == "tab a"
    off = cards.set_settings(a, {"keep_answers": False})
    stale = keep_answer(base, "overfitting", "written after the other tab stopped", T0 + 2 * DAY)
    merged = sync.merge_progress(json.dumps(off), stale, base)["progress"]
    assert merged["answers"] == {} and merged["settings"]["keep_answers"] is False


def test_the_op_refuses_text_that_is_not_an_answer() -> None:
    with pytest.raises(EngineError, match="the answer must be text"):
        keep_answer(keeping(), Q, 42, T0)
    with pytest.raises(EngineError, match="at most 20000"):
        keep_answer(keeping(), Q, "x" * 20_001, T0)
