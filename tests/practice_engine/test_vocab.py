"""The vocabulary's own promises: labels for every id, time targets whose countdown starts
at the upper bound, and the bank's models built from the same words."""

from __future__ import annotations

import pytest

from macros.bank.models import Answer, Depth, Rubric
from practice_engine import vocab


@pytest.mark.parametrize(
    ("question_type", "label", "seconds"),
    [("explain", "2-3 min", 180), ("compare", "2-3 min", 180), ("handle", "3-5 min", 300),
     ("walkthrough", "5-7 min", 420)],
)  # fmt: skip
def test_a_countdown_starts_from_the_upper_bound_of_the_time_target(
    question_type: str, label: str, seconds: int
) -> None:
    assert vocab.time_target(question_type) == label
    assert vocab.target_seconds(question_type) == seconds


def test_every_id_has_its_words() -> None:
    assert set(vocab.TIME_TARGET_MINUTES) == set(vocab.QUESTION_TYPES) == set(vocab.TYPE_DEPTH)
    assert set(vocab.RUBRIC_GRADES) < set(vocab.GRADES) == set(vocab.GRADE_STEPS)
    assert sorted(vocab.SIGNAL_LABELS) == [1, 2, 3, 4, 5]
    assert tuple(vocab.LEVEL_NAMES) == vocab.LEVELS  # the ladder names every level, in order
    assert vocab.DEFAULT_SETTINGS["schedule"] in vocab.SCHEDULES
    low, high = vocab.NEW_PER_DAY_RANGE
    assert low <= vocab.DEFAULT_SETTINGS["new_per_day"] <= high  # type: ignore[operator]
    assert list(vocab.CHECKPOINT_DAYS) == sorted(vocab.CHECKPOINT_DAYS)


def test_the_bank_models_use_the_same_words() -> None:
    """A rubric has one row per rubric grade, an answer one text per part and a depth one
    text per level; pydantic cannot derive field names, so this holds them equal."""
    assert tuple(Rubric.model_fields) == vocab.RUBRIC_GRADES
    assert tuple(Answer.model_fields) == vocab.ANSWER_PARTS
    aliases = [f.alias or name for name, f in Depth.model_fields.items()]
    assert aliases == list(vocab.LEVELS)
