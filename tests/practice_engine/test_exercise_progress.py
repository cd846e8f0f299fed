"""Coding exercises in progress: the status of each, its grade on the FSRS schedule from
the outcome of a pass, when the solution unlocks, stale drafts and passes flagged, follow-up
self-grades, the version-3 format with its migration, validation and merge."""

from __future__ import annotations

import copy
import json

import pytest

from practice_engine import progress, transfer, vocab
from practice_engine.errors import EngineError
from practice_engine.exercise_progress import (
    exercise_event,
    exercise_overview,
    exercise_state,
    grade_followup,
    save_draft,
)
from tests.practice_engine.builders import DAY, T0

EX = "top-k-heap"
V1, V2 = "0123456789abcdef", "fedcba9876543210"


def events(*steps: tuple[str, int], state: dict | None = None, version: str = V1) -> dict:
    state = state or progress.empty_progress()
    for event, t in steps:
        state = exercise_event(state, EX, version, event, t)["progress"]
    return state


def state_of(p: dict, now: int = T0 + DAY, version: str = V1) -> dict:
    return exercise_state(p, EX, version, now)


def test_a_new_exercise_is_new_and_locked() -> None:
    s = state_of(progress.empty_progress())
    assert s["status"] == "new" and not s["solution_unlocked"] and s["fails_to_unlock"] == 3
    assert s["due_ms"] is None and not s["due"] and s["draft"] is None


def test_failed_checks_make_it_attempted_and_three_unlock_the_solution() -> None:
    p = events(("check_failed", T0), ("check_failed", T0 + 1))
    s = state_of(p)
    assert s["status"] == "attempted" and s["failed"] == 2 and s["fails_to_unlock"] == 1
    assert not s["solution_unlocked"]
    s = state_of(events(("check_failed", T0 + 2), state=p))
    assert s["solution_unlocked"] and s["fails_to_unlock"] == 0


@pytest.mark.parametrize(
    ("steps", "status"),
    [
        ([], "solved"),
        ([("hint", T0)], "solved_with_help"),
        ([("hint", T0), ("hint", T0 + 1)], "solved_with_help"),
        ([("hint", T0), ("solution", T0 + 1)], "solved_with_solution"),
    ],
)
def test_the_outcome_of_a_pass(steps: list, status: str) -> None:
    p = events(*steps, ("check_passed", T0 + 10))
    s = state_of(p)
    assert s["status"] == status and s["passes"] == 1 and s["solution_unlocked"]
    assert s["hints"] == 0 and not s["solution_seen"]  # the pass ended the round
    assert p["exercises"][EX]["results"] == [[T0 + 10, status, V1, 1]]


def test_the_grade_follows_the_outcome_like_a_flashcard() -> None:
    """Good, Hard and Again: the cleaner the pass, the later the exercise is due again."""
    dues = {}
    for name, steps in {
        "solved": [],
        "solved_with_help": [("hint", T0)],
        "solved_with_solution": [("solution", T0)],
    }.items():
        p = events(*steps, ("check_passed", T0 + 10))
        dues[name] = state_of(p)["due_ms"]
    assert dues["solved"] > dues["solved_with_help"] > dues["solved_with_solution"] > T0


def test_a_pass_before_it_is_due_is_practice_and_moves_nothing() -> None:
    p = events(("check_passed", T0))
    due = state_of(p)["due_ms"]
    practised = events(("solution", T0 + 60_000), ("check_passed", T0 + 120_000), state=p)
    assert state_of(practised)["due_ms"] == due
    assert practised["exercises"][EX]["results"][-1] == [
        T0 + 120_000,
        "solved_with_solution",
        V1,
        0,
    ]
    later = events(("check_passed", due + 1), state=p)
    assert state_of(later, now=due + 2)["due_ms"] > due  # reviewed when due


def test_the_same_pass_twice_is_graded_once() -> None:
    p = events(("check_passed", T0))
    again = exercise_event(p, EX, V1, "check_passed", T0)["progress"]
    assert again["exercises"][EX] == p["exercises"][EX]


def test_due_exercises_are_listed_most_overdue_first() -> None:
    p = events(("check_passed", T0))
    p = exercise_event(p, "stable-softmax", V1, "solution", T0)["progress"]
    p = exercise_event(p, "stable-softmax", V1, "check_passed", T0 + 1)["progress"]
    listed = [{"id": EX, "version": V1}, {"id": "stable-softmax", "version": V1}]
    listed.append({"id": "roc-auc-ties", "version": V1})
    now = T0 + 400 * DAY
    overview = exercise_overview(p, listed, now)
    assert overview["due"] == ["stable-softmax", EX]  # Again is due before Good
    assert overview["counts"]["new"] == 1 and overview["counts"]["solved"] == 1
    assert overview["counts"]["solved_with_solution"] == 1
    assert exercise_overview(p, listed, T0 + 2)["due"] == []
    assert exercise_overview(p, listed, T0 + 2)["next_due_ms"] is not None


def test_a_changed_exercise_flags_the_pass_and_the_draft() -> None:
    p = save_draft(events(("check_passed", T0)), EX, V1, "def top_k(p, k):\n    ...\n", T0 + 5)
    same = state_of(p)
    assert not same["changed_since_pass"] and not same["draft"]["stale"]
    changed = state_of(p, version=V2)
    assert changed["changed_since_pass"] and changed["draft"]["stale"]
    assert changed["draft"]["code"] == "def top_k(p, k):\n    ...\n"


def test_follow_up_grades_are_kept_in_time_order_and_a_retry_counts_once() -> None:
    p = grade_followup(progress.empty_progress(), EX, 1, "lean_hire", T0 + 5)
    p = grade_followup(p, EX, 0, "no_hire", T0)
    assert grade_followup(p, EX, 0, "no_hire", T0) is p
    p = grade_followup(p, EX, 1, "strong_hire", T0 + 9)
    assert p["exercises"][EX]["followups"] == [
        [0, "no_hire", T0],
        [1, "lean_hire", T0 + 5],
        [1, "strong_hire", T0 + 9],
    ]
    assert state_of(p)["followups"] == {"0": "no_hire", "1": "strong_hire"}


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda p: exercise_event(p, "Top K", V1, "hint", T0), "is not an exercise id"),
        (lambda p: exercise_event(p, EX, "abc", "hint", T0), "16 hexadecimal digits"),
        (lambda p: exercise_event(p, EX, V1, "peek", T0), "unknown event 'peek'"),
        (lambda p: exercise_event(p, EX, V1, "hint", -1), "now_ms must be"),
        (lambda p: grade_followup(p, EX, 3, "lean_hire", T0), "from 0 to 2"),
        (lambda p: grade_followup(p, EX, 0, "great", T0), "unknown grade"),
        (lambda p: save_draft(p, EX, V1, "x" * 50_001, T0), "at most 50,000"),
        (lambda p: exercise_overview(p, [{"id": EX}], T0), "16 hexadecimal digits"),
    ],
)
def test_bad_requests_are_refused(call, words: str) -> None:
    with pytest.raises(EngineError, match=words):
        call(progress.empty_progress())


def test_version_2_progress_is_migrated_with_no_exercises() -> None:
    v4 = events(("check_passed", T0))
    v2 = {k: v for k, v in v4.items() if k not in ("exercises", "answers")} | {"version": 2}
    v2["settings"] = {k: v2["settings"][k] for k in ("new_per_day", "schedule")}
    restored, reason = progress.restore_progress(json.dumps(v2))
    assert (
        reason is None
        and restored["version"] == vocab.PROGRESS_VERSION
        and restored["exercises"] == {}
    )
    text = json.dumps({"format": "ml-interview-guide/progress", "version": 2, "progress": v2})
    read = transfer.read_import(text)
    assert read["ok"] and read["incoming"]["exercises"] == {}


def _broken(path: list, value: object) -> dict:
    p = copy.deepcopy(save_draft(events(("hint", T0), ("check_passed", T0 + 1)), EX, V1, "", T0))
    target = p["exercises"][EX]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return p


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (["round", "failed"], 5, "failed ones at most all of them"),
        (["round", "hints"], 9, "hints must be a whole number from 0 to 4"),
        (["round", "solution_seen"], 1, "solution_seen must be true or false"),
        (["results", 0, 1], "aced", "must be [time, outcome, exercise version, 0 or 1]"),
        (["results", 0, 2], "v1", "must be [time, outcome, exercise version, 0 or 1]"),
        (["card", "state"], 7, "is not a valid card"),
        (["draft", "version"], "nope", "draft.version must be 16 hexadecimal digits"),
        (["draft", "extra"], 1, "draft has unknown keys"),
        (["followups"], [[5, "no_hire", T0]], "follow-up index 0 to 2"),
    ],
)
def test_a_bad_record_is_named_where_it_is_wrong(path: list, value: object, words: str) -> None:
    restored, reason = progress.restore_progress(json.dumps(_broken(path, value)))
    assert restored == progress.empty_progress()
    assert f"progress.exercises['{EX}']" in reason and words in reason, reason


def test_a_record_under_a_bad_id_is_refused() -> None:
    p = events(("hint", T0))
    p["exercises"] = {"Not An Id": p["exercises"][EX]}
    assert "not an exercise id" in progress.PROGRESS.problem(p)


def test_merge_unites_results_and_keeps_the_later_card_draft_and_round() -> None:
    mine = save_draft(events(("check_passed", T0)), EX, V1, "mine", T0 + 1)
    theirs = events(("check_passed", T0 + DAY * 30), state=progress.empty_progress())
    theirs = save_draft(theirs, EX, V1, "theirs", T0 + 2)
    theirs = events(("check_failed", T0 + DAY * 31), state=theirs)
    merged = transfer.apply_import(mine, theirs, "merge")
    record = merged["exercises"][EX]
    assert [r[0] for r in record["results"]] == [T0, T0 + DAY * 30]
    assert record["card"] == theirs["exercises"][EX]["card"]
    assert record["draft"]["code"] == "theirs" and record["round"]["failed"] == 1
    assert transfer.apply_import(merged, theirs, "merge") == merged
    assert progress.PROGRESS.problem(merged) is None
    assert transfer._counts(merged, mine)["exercise_results"] == 1  # one pass was new
