"""The labelled-answer scorer behind `make bench`'s feedback accuracy: it scores a tiny
labelled set whose every number is worked out by hand, refuses malformed label files with
file and field, and every labelled file in tests/data/feedback/ is valid against the bank;
the caveats it derives are the bank's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from devtools.feedback_labels import (
    LabelError,
    Score,
    caveat_text,
    heldout_caveats,
    load_labelled,
    misses,
    score,
    write_caveats,
)
from macros.publish.export import bank_json
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
    # grades: a1 and a2 agree; a3 (no hit, some words: no hire) and a4 (half covered: lean
    # hire) are one step off; on the reviewer's labels a1, a2 and a4 agree, a3 does not
    # (its one L3 point hit maps to strong hire, the reviewer said lean hire)
    assert (s.answers, s.grade_exact, s.grade_within_one, s.gold_grade_exact) == (4, 2, 4, 3)


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


def test_shipped_matchers_give_the_same_feedback_as_written(real_bank) -> None:
    """The export ships each matcher parsed (compact form) with the stems' first letters;
    after a JSON round trip the engine must answer every labelled answer exactly as it does
    from the matchers as written in the bank (parsed at run time, heads computed)."""
    import json

    from practice_engine.feedback import feedback

    data = json.loads(json.dumps(bank_json(real_bank)))
    lexicon = parse_bank(data).lexicon
    shipped = {r["id"]: r["feedback"] for r in data["entries"] if r.get("feedback")}
    written = {
        q.id: {
            "key_points": [kp.model_dump() for kp in q.key_points],
            "trap_claims": [tc.model_dump() for tc in q.trap_claims],
            "traps": list(q.traps),
            "caveat": q.feedback_caveat,
            "measured": q.must_know,
        }
        for q in real_bank.questions
        if q.key_points
    }
    points = [p for b in shipped.values() for p in (*b["key_points"], *b["trap_claims"])]
    assert points and all("match" not in p and "matcher" in p for p in points)
    answers = load_labelled(real_bank)
    assert len(answers) >= 240
    for a in answers:
        ours = feedback(shipped[a.question], a.question, a.level, a.text, lexicon)
        theirs = feedback(written[a.question], a.question, a.level, a.text, lexicon)
        assert ours == theirs, (a.question, a.id)


def test_misses_and_caveat_text() -> None:
    s = Score()
    s.kp.tp, s.kp.fp, s.kp.fn = 9, 1, 3  # precision 0.90 meets, recall 0.75 misses
    s.trap.fp = 1  # precision 0 misses; recall undefined (no trap to find) misses nothing
    assert misses(s) == ["kp_recall", "trap_precision"]
    text = caveat_text(misses(s))
    assert "missed key points the answers made in other words and flagged traps" in text
    assert caveat_text([]) is None and misses(Score()) == []


def test_write_caveats_sets_and_removes_the_field(monkeypatch, tmp_path: Path) -> None:
    from devtools import feedback_labels

    folder = tmp_path / "questions" / "t"
    folder.mkdir(parents=True)
    (folder / "a.yml").write_text("id: a\ntraps: [x]\n")
    (folder / "b.yml").write_text("id: b\nfeedback_caveat: >-\n  old\n  text\nrubric: r\n")
    made = {"a": caveat_text(["trap_recall"]), "b": None}
    monkeypatch.setattr(feedback_labels, "heldout_caveats", lambda bank: made)
    monkeypatch.setattr(feedback_labels, "ROOT", tmp_path)
    assert len(write_caveats(None, tmp_path)) == 2  # type: ignore[arg-type]
    import yaml

    assert yaml.safe_load((folder / "a.yml").read_text())["feedback_caveat"] == made["a"]
    assert yaml.safe_load((folder / "b.yml").read_text()) == {"id": "b", "rubric": "r"}
    assert write_caveats(None, tmp_path) == []  # type: ignore[arg-type]


def test_caveats_flag_exactly_the_questions_missing_a_heldout_target(real_bank) -> None:
    """The bank's caveat on each labelled question is the one its held-out score derives
    (`python -m benchmarks.feedback_accuracy --write-caveats` writes them): a question
    that misses a target says so on its panel, and one that meets them all says nothing."""
    derived = heldout_caveats(real_bank)
    assert len(derived) >= 30
    wrong = {q: t for q, t in derived.items() if real_bank.get(q).feedback_caveat != t}
    assert not wrong, f"re-run --write-caveats: {sorted(wrong)}"
