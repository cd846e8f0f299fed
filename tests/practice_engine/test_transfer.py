"""Export and import: the file round trip, version-1 files, merging, the preview, and a
clear message for every kind of bad file (with nothing changed)."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_engine import cards, mock, progress, transfer, vocab
from practice_engine.errors import EngineError
from practice_engine.vocab import PROGRESS_VERSION
from tests.practice_engine.builders import DAY, T0, build, finished_mock, operations, reviewed


@given(ops=st.lists(operations, max_size=25), mode=st.sampled_from(transfer.MODES))
@settings(max_examples=120, deadline=None)
def test_export_clear_import_gives_back_the_same_state(engine_bank, ops, mode) -> None:
    original = build(engine_bank, ops)
    text = json.dumps(transfer.export_file(original, T0 + 90 * DAY))
    cleared = progress.empty_progress()
    read = transfer.read_import(text)
    assert read["ok"] and read["error"] is None
    assert transfer.apply_import(cleared, read["incoming"], mode) == original
    preview = transfer.preview_import(engine_bank, cleared, read["incoming"], mode)
    assert set(preview["will_remove"].values()) <= {0}
    assert preview["reviews_added"] == len(original["reviews"])
    assert preview["exercises_added"] == len(original["exercises"])
    assert preview["cards_added"] == len(original["cards"]) and preview["cards_updated"] == 0


@given(a=st.lists(operations, max_size=12), b=st.lists(operations, max_size=12))
@settings(max_examples=60, deadline=None)
def test_merge_keeps_everything_either_side_knows(engine_bank, a, b) -> None:
    mine, theirs = build(engine_bank, a), build(engine_bank, b)
    merged = transfer.apply_import(mine, theirs, "merge")
    assert progress.PROGRESS.problem(merged) is None
    for side in (mine, theirs):
        for item, history in side["quiz"].items():
            assert all(x in merged["quiz"][item] for x in history[-50:])
        assert all(r in merged["reviews"] for r in side["reviews"])
        assert {m["id"] for m in side["mocks"]} <= {m["id"] for m in merged["mocks"]}
        assert set(side["cards"]) <= set(merged["cards"])
    assert transfer.apply_import(merged, theirs, "merge") == merged  # idempotent
    if progress.has_study_data(mine):
        assert merged["settings"] == mine["settings"]
    preview = transfer.preview_import(engine_bank, mine, theirs, "merge")
    assert preview["reviews_added"] == len(merged["reviews"]) - len(mine["reviews"])


def test_merge_keeps_the_card_reviewed_later() -> None:
    q = "bias-variance"
    early = reviewed(progress.empty_progress(), (q, "didnt_know", T0))
    late = reviewed(progress.empty_progress(), (q, "strong_hire", T0 + DAY))
    assert transfer.apply_import(early, late, "merge")["cards"][q] == late["cards"][q]
    assert transfer.apply_import(late, early, "merge")["cards"][q] == late["cards"][q]
    both = transfer.apply_import(early, late, "merge")
    assert both["reviews"] == [[q, "didnt_know", T0], [q, "strong_hire", T0 + DAY]]


def test_merge_unites_quiz_histories_and_keeps_current_settings() -> None:
    a = progress.record(progress.empty_progress(), "x-1", True, 30)
    a = progress.record(a, "x-1", False, 10)
    a = cards.set_settings(a, {"new_per_day": 9})
    b = progress.record(progress.empty_progress(), "x-1", True, 30)
    b = progress.record(b, "x-1", True, 20)
    b = cards.set_settings(b, {"schedule": "checkpoints"})
    merged = transfer.apply_import(a, b, "merge")
    assert merged["quiz"] == {"x-1": [[10, 0], [20, 1], [30, 1]]}
    assert merged["settings"] == {
        "new_per_day": 9,
        "schedule": "fsrs",
        "level": "L4",
        "keep_answers": False,
        "interview_date": None,
        "role": None,
        "scope": "core",
    }
    # a fresh browser has no settings of its own yet: it takes the file's
    fresh = transfer.apply_import(progress.empty_progress(), b, "merge")
    assert fresh["settings"] == b["settings"]


def test_preview_counts_and_unknown_questions(engine_bank) -> None:
    current = reviewed(progress.empty_progress(), ("bias-variance", "lean_hire", T0))
    current = progress.record(current, "bias-variance-1", True, T0)
    m = finished_mock(engine_bank, "ds", "L4", 5, ["lean_hire"])
    incoming = mock.record_mock(progress.empty_progress(), m, T0 + DAY)
    incoming = reviewed(incoming, ("retired-question", "no_hire", T0 + 2 * DAY))
    incoming = progress.record(incoming, "retired-item-1", False, T0)
    merge = transfer.preview_import(engine_bank, current, incoming, "merge")
    assert merge["mode"] == "merge"
    assert merge["quiz_answers_added"] == 1 and merge["mocks_added"] == 1
    assert merge["reviews_added"] == len(m["questions"]) + 1
    assert set(merge["will_remove"].values()) == {0}
    assert merge["unknown_questions"] == ["retired-question"]
    assert merge["unknown_quiz_items"] == ["retired-item-1"]
    assert merge["settings_change"] is False
    replace = transfer.preview_import(engine_bank, current, incoming, "replace")
    lost_card = 0 if "bias-variance" in incoming["cards"] else 1
    assert replace["will_remove"] == {
        "quiz_answers": 1,
        "cards": lost_card,
        "reviews": 1,
        "mocks": 0,
        "exercises": 0,
        "exercise_results": 0,
        "answers": 0,
    }
    assert transfer.apply_import(current, incoming, "replace") == incoming
    with pytest.raises(EngineError, match="mode must be one of merge, replace"):
        transfer.apply_import(current, incoming, "append")


def test_a_version_1_file_is_migrated() -> None:
    v1 = {"version": 1, "quiz": {"bias-variance-1": [[T0, 1], [T0 + 5, 0]]}}
    for extra in ({}, {"exported_ms": T0}):
        text = json.dumps({"format": vocab.PROGRESS_FORMAT, "version": 1, "progress": v1, **extra})
        read = transfer.read_import(text)
        assert read["ok"], read["error"]
        assert read["incoming"] == {**progress.empty_progress(), "quiz": v1["quiz"]}


def _file(**changes) -> dict:
    base = reviewed(progress.empty_progress(), ("bias-variance", "lean_hire", T0))
    data = transfer.export_file(base, T0 + DAY)
    data["progress"] = copy.deepcopy(data["progress"])
    for path, value in changes.items():
        target = data
        *parents, last = path.split("/")
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if value is DELETE:
            del target[last]
        elif isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return data


DELETE = object()
MOCK = {
    "id": "mock-1",
    "role": "ds",
    "level": "L4",
    "finished_ms": T0,
    "questions": ["p-values"],
    "grades": ["lean_hire"],
    "signal": 3,
    "ended": "complete",
    "seconds": [75],
}
BAD_FILES = {
    "not JSON": ("{progress: 1", "the file is not JSON"),
    "not an object": ("[1, 2, 3]", "the file is JSON but not an object"),
    "missing format": (_file(format=DELETE), 'the file has no "format"'),
    "wrong format": (_file(format="anki-deck"), "the file's \"format\" is 'anki-deck'"),
    "newer version": (
        _file(version=PROGRESS_VERSION + 1),
        f"written by a newer version of the guide (format {PROGRESS_VERSION + 1}",
    ),
    "version not an integer": (_file(version="2"), "\"version\" must be a whole number, not '2'"),
    "version a float": (_file(version=2.0), '"version" must be a whole number'),
    "missing progress": (_file(progress=DELETE), 'the file has no "progress"'),
    "unknown top-level key": (_file(comment="hi"), "the file has unknown keys ['comment']"),
    "unknown progress key": (
        _file(**{"progress/streak": 3}),
        "progress has unknown keys ['streak']",
    ),
    "quiz malformed": (
        _file(**{"progress/quiz": {"bias-variance-1": [[T0, 2]]}}),
        "progress.quiz['bias-variance-1'][0] is a malformed answer",
    ),
    "quiz time not an integer": (
        _file(**{"progress/quiz": {"bias-variance-1": [[1.5, 1]]}}),
        "progress.quiz['bias-variance-1'][0] is a malformed answer",
    ),
    "card missing due": (
        _file(**{"progress/cards/bias-variance/due": DELETE}),
        "progress.cards['bias-variance'] is not a valid card: missing 'due'",
    ),
    "card field of wrong type": (
        _file(**{"progress/cards/bias-variance/stability": "high"}),
        "progress.cards['bias-variance'] is not a valid card: 'stability' must be null or a number",
    ),
    "card time without offset": (
        _file(**{"progress/cards/bias-variance/due": "2026-01-02T00:00:00"}),
        "is not a valid card: 'due' must be an ISO 8601 time with a UTC offset",
    ),
    "card state unknown": (
        _file(**{"progress/cards/bias-variance/state": 7}),
        "is not a valid card: 'state' must be 1 (learning), 2 (review) or 3 (relearning)",
    ),
    "review with unknown grade": (
        _file(**{"progress/reviews/0/1": "great"}),
        "progress.reviews[0] has unknown grade 'great'",
    ),
    "negative timestamp": (
        _file(**{"progress/reviews/0/2": -5}),
        "progress.reviews[0] has a bad time -5",
    ),
    "non-integer timestamp": (
        _file(**{"progress/reviews/0/2": T0 + 0.5}),
        "progress.reviews[0] has a bad time",
    ),
    "reviews out of order": (
        _file(**{"progress/reviews": [["a", "lean_hire", T0], ["b", "lean_hire", T0 - 1]]}),
        "progress.reviews[1] is earlier than the review before it",
    ),
    "mock malformed": (
        _file(**{"progress/mocks": [{k: v for k, v in MOCK.items() if k != "grades"}]}),
        "progress.mocks[0] is not a valid mock round: missing 'grades'",
    ),
    "mock with a bad signal": (
        _file(**{"progress/mocks": [{**MOCK, "signal": 6}]}),
        "progress.mocks[0] is not a valid mock round: 'signal' must be a whole number from 1 to 5",
    ),
    "settings out of range": (
        _file(**{"progress/settings/new_per_day": 500}),
        "progress.settings.new_per_day must be a whole number from 1 to 50, not 500",
    ),
    "unknown schedule": (
        _file(**{"progress/settings/schedule": "leitner"}),
        "progress.settings.schedule must be one of fsrs, checkpoints",
    ),
    "inner version disagrees": (
        _file(version=1),
        f"progress.version is {PROGRESS_VERSION}, but the file is version 1",
    ),
    "bad exported time": (_file(exported_ms=-1), '"exported_ms" must be a whole number'),
    "too large": ('{"x": "' + "a" * (5 * 1024 * 1024) + '"}', "the file is larger than 5 MB"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_rejected_with_its_reason_and_nothing_changes(engine_bank, kind) -> None:
    data, message = BAD_FILES[kind]
    text = data if isinstance(data, str) else json.dumps(data)
    current = reviewed(progress.empty_progress(), ("overfitting", "strong_hire", T0))
    before = copy.deepcopy(current)
    read = transfer.read_import(text)
    assert read["ok"] is False and read["incoming"] is None
    assert message in read["error"], read["error"]
    assert current == before


def test_nan_and_infinity_are_not_valid_numbers() -> None:
    text = json.dumps(_file(**{"progress/cards/bias-variance/stability": 1.0}))
    text = text.replace('"stability": 1.0', '"stability": NaN')
    read = transfer.read_import(text)
    assert not read["ok"] and "'stability' must be null or a number" in read["error"]


def test_a_deeply_nested_file_is_rejected_without_raising() -> None:
    read = transfer.read_import("[" * 200_000 + "]" * 200_000)
    assert read["ok"] is False and read["error"]


def test_export_refuses_bad_progress() -> None:
    with pytest.raises(EngineError, match="progress passed in is not valid"):
        transfer.export_file({"version": 2, "quiz": {}}, T0)
