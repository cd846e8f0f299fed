"""The evaluator behind `make bench`'s feedback accuracy: it scores a tiny labelled set
whose every number is worked out by hand, refuses malformed label files with file and
field, and every labelled file in tests/data/feedback/ is valid against the bank."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.feedback_accuracy import LabelError, load_labelled, score
from macros.export import bank_json
from practice_engine.bankdata import parse_bank
from tests.conftest import FIXTURES

LABELS = FIXTURES / "feedback_labels"


def test_scores_match_the_hand_count(fixture_bank) -> None:
    answers = load_labelled(fixture_bank, LABELS, splits=("dev",))
    s = score(parse_bank(bank_json(fixture_bank)), answers)["all"]
    # a1 two true hits; a4 a false hit; a3 a paraphrase missed; a2's trap caught
    assert (s.kp.tp, s.kp.fp, s.kp.fn) == (2, 1, 1)
    assert (s.trap.tp, s.trap.fp, s.trap.fn) == (1, 0, 0)
    assert s.kp.precision == pytest.approx(2 / 3) and s.trap.recall == 1.0
    # grades: a1 and a2 agree, a4 is one step off, a3 two steps off
    assert (s.answers, s.grade_exact, s.grade_within_one, s.gold_grade_exact) == (4, 2, 3, 2)


def test_undefined_precision_is_none(fixture_bank) -> None:
    answers = [a for a in load_labelled(fixture_bank, LABELS) if a.id == "a3"]
    s = score(parse_bank(bank_json(fixture_bank)), answers)["all"]
    assert s.kp.precision is None and s.trap.recall is None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("not-omega: hit}", "}", "answers[0].key_points: label every key point exactly once"),
        ("{0: clear}", "{0: maybe}", "answers[0].traps: each value is asserted or clear"),
        ("level: L4", "level: L9", "answers[0].level: expected one of"),
        ("grade: strong_hire", "grade: great", "answers[0].grade: expected one of"),
        ("    tags: [paraphrase]", "    mood: [happy]", "answers[2]: unknown keys ['mood']"),
        ("question: alpha", "question: beta", "dev/alpha.yml: question: must equal the file"),
        ("id: a2", "id: a1", "answers[1].id: repeats dev/alpha.yml"),
    ],
)
def test_malformed_labels_name_file_and_field(
    fixture_bank, tmp_path: Path, old: str, new: str, message: str
) -> None:
    shutil.copytree(LABELS, tmp_path / "labels")
    path = tmp_path / "labels" / "dev" / "alpha.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(LabelError) as info:
        load_labelled(fixture_bank, tmp_path / "labels")
    assert message in str(info.value)


def test_the_labelled_set_is_valid(real_bank) -> None:
    load_labelled(real_bank)  # raises LabelError naming file and field
