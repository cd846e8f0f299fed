"""Answer feedback against the labelled answers in tests/data/feedback/: key-point and
trap precision and recall, and how often a simple coverage-to-grade mapping agrees with
the reviewers' grades. Dev and held-out parts are reported separately.

    .venv/bin/python -m benchmarks.feedback_accuracy [--split dev|heldout|all] [--by-question]

Targets (issue #16): key points precision >= 0.90 and recall >= 0.80; traps precision
>= 0.95 and recall >= 0.80.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.bank import Bank, load_bank
from macros.export import bank_json
from practice_engine.bankdata import BankData, parse_bank
from practice_engine.feedback import coverage_grade, feedback
from practice_engine.vocab import GRADES, LEVELS

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "feedback"
SPLITS = ("dev", "heldout")
TARGETS = {"kp_precision": 0.90, "kp_recall": 0.80, "trap_precision": 0.95, "trap_recall": 0.80}
_ANSWER_KEYS = {"id", "level", "grade", "tags", "text", "key_points", "traps"}


class LabelError(ValueError):
    """A labelled file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Labelled:
    question: str
    split: str
    id: str
    level: str
    grade: str
    text: str
    key_points: dict[str, bool]  # key point id -> labelled hit
    traps: dict[int, bool]  # trap index -> labelled asserted
    tags: tuple[str, ...] = ()


def _fail(where: str, message: str) -> LabelError:
    return LabelError(f"{where}: {message}")


def _answer(raw: object, where: str, qid: str, split: str, bank: Bank) -> Labelled:
    q = bank.get(qid)
    if not isinstance(raw, dict):
        raise _fail(where, "each answer must be a mapping")
    unknown = sorted(set(raw) - _ANSWER_KEYS)
    missing = sorted(_ANSWER_KEYS - {"tags"} - set(raw))
    if unknown or missing:
        raise _fail(where, f"unknown keys {unknown}" if unknown else f"missing {missing}")
    if raw["level"] not in LEVELS:
        raise _fail(f"{where}.level", f"expected one of {', '.join(LEVELS)}")
    if raw["grade"] not in GRADES:
        raise _fail(f"{where}.grade", f"expected one of {', '.join(GRADES)}")
    if not isinstance(raw["text"], str) or not raw["text"].strip():
        raise _fail(f"{where}.text", "must be non-empty text")
    kps = raw["key_points"]
    expected = [kp.id for kp in q.key_points]
    if not isinstance(kps, dict) or sorted(kps) != sorted(expected):
        raise _fail(f"{where}.key_points", f"label every key point exactly once: {expected}")
    if any(v not in ("hit", "missed") for v in kps.values()):
        raise _fail(f"{where}.key_points", "each value is hit or missed")
    traps = raw["traps"]
    if not isinstance(traps, dict) or sorted(traps) != list(range(len(q.traps))):
        raise _fail(f"{where}.traps", f"label traps 0 to {len(q.traps) - 1} exactly once")
    if any(v not in ("asserted", "clear") for v in traps.values()):
        raise _fail(f"{where}.traps", "each value is asserted or clear")
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _fail(f"{where}.tags", "must be a list of words")
    return Labelled(
        question=qid,
        split=split,
        id=str(raw["id"]),
        level=raw["level"],
        grade=raw["grade"],
        text=raw["text"],
        key_points={k: v == "hit" for k, v in kps.items()},
        traps={int(k): v == "asserted" for k, v in traps.items()},
        tags=tuple(tags),
    )


def load_labelled(bank: Bank, root: Path = LABELS, splits=SPLITS) -> list[Labelled]:
    """Every labelled answer under root/<split>/<question>.yml, checked against the bank."""
    out: list[Labelled] = []
    seen: dict[tuple[str, str], str] = {}
    for split in splits:
        for path in sorted((root / split).glob("*.yml")):
            where = path.relative_to(root).as_posix()
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or set(data) != {"question", "answers"}:
                raise _fail(where, "expected exactly the keys question and answers")
            qid = data["question"]
            if qid != path.stem:
                raise _fail(f"{where}: question", "must equal the file name")
            if not any(q.id == qid and q.key_points for q in bank.questions):
                raise _fail(f"{where}: question", f"{qid!r} has no key points in the bank")
            if not isinstance(data["answers"], list):
                raise _fail(f"{where}: answers", "must be a list")
            for n, raw in enumerate(data["answers"]):
                item = _answer(raw, f"{where}: answers[{n}]", qid, split, bank)
                if (qid, item.id) in seen:
                    raise _fail(f"{where}: answers[{n}].id", f"repeats {seen[qid, item.id]}")
                seen[qid, item.id] = where
                out.append(item)
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, truth: bool) -> None:
        self.tp += predicted and truth
        self.fp += predicted and not truth
        self.fn += truth and not predicted

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Score:
    answers: int = 0
    kp: Counts = field(default_factory=Counts)
    trap: Counts = field(default_factory=Counts)
    grade_exact: int = 0
    grade_within_one: int = 0
    gold_grade_exact: int = 0  # the same mapping from the reviewers' own key-point labels
    errors: list[str] = field(default_factory=list)


def _grade(labelled: Labelled, levels: dict[str, str], hits: set[str], traps: int) -> str:
    expected = [k for k, lv in levels.items() if LEVELS.index(lv) <= LEVELS.index(labelled.level)]
    return coverage_grade(sum(k in hits for k in expected), len(expected), traps)


def score(bank: BankData, answers: list[Labelled]) -> dict[str, Score]:
    """Scores for all answers ("all") and per question id."""
    scores: dict[str, Score] = {"all": Score()}
    for a in answers:
        entry = bank.entry(a.question)
        result = feedback(entry.feedback, a.question, a.level, a.text, bank.lexicon)
        levels = {k["id"]: k["level"] for k in result["key_points"]}
        hits = {k["id"] for k in result["key_points"] if k["status"] == "hit"}
        fired = {t["trap"] for t in result["traps"] if t["asserted"]}
        predicted = _grade(a, levels, hits, len(fired))
        gold_hits = {k for k, v in a.key_points.items() if v}
        gold = _grade(a, levels, gold_hits, sum(a.traps.values()))
        for s in (scores["all"], scores.setdefault(a.question, Score())):
            s.answers += 1
            for kp_id, truth in a.key_points.items():
                s.kp.add(kp_id in hits, truth)
                if (kp_id in hits) != truth:
                    s.errors.append(f"{a.id} {kp_id}: {'FP' if truth is False else 'FN'}")
            for index, truth in a.traps.items():
                s.trap.add(index in fired, truth)
                if (index in fired) != truth:
                    s.errors.append(f"{a.id} trap {index}: {'FP' if not truth else 'FN'}")
            step = abs(GRADES.index(predicted) - GRADES.index(a.grade))
            s.grade_exact += step == 0
            s.grade_within_one += step <= 1
            s.gold_grade_exact += gold == a.grade
    return scores


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _met(value: float | None, target: float) -> str:
    return "n/a" if value is None else ("yes" if value >= target else "**no**")


def table(s: Score) -> str:
    rows = [
        ["key points: precision", _f(s.kp.precision), ">= 0.90", _met(s.kp.precision, 0.90)],
        ["key points: recall", _f(s.kp.recall), ">= 0.80", _met(s.kp.recall, 0.80)],
        ["traps: precision", _f(s.trap.precision), ">= 0.95", _met(s.trap.precision, 0.95)],
        ["traps: recall", _f(s.trap.recall), ">= 0.80", _met(s.trap.recall, 0.80)],
    ]
    n = s.answers or 1
    rows += [
        ["grade from coverage = reviewer's grade", f"{s.grade_exact / n:.2f}", "", ""],
        ["... within one grade", f"{s.grade_within_one / n:.2f}", "", ""],
        ["... same mapping on the reviewer's own labels", f"{s.gold_grade_exact / n:.2f}", "", ""],
    ]
    lines = ["| measure | value | target | met |", "|---|---|---|---|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def by_question(scores: dict[str, Score]) -> str:
    lines = ["| question | answers | kp P | kp R | trap P | trap R |", "|---|---|---|---|---|---|"]
    for qid, s in sorted(scores.items()):
        if qid != "all":
            cells = [_f(x) for x in (s.kp.precision, s.kp.recall, s.trap.precision, s.trap.recall)]
            lines.append(f"| {qid} | {s.answers} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _exported(bank: Bank) -> BankData:
    return parse_bank(bank_json(bank))


def section() -> str:
    bank = load_bank(ROOT / "quiz_data")
    exported = _exported(bank)
    parts = ["### Answer feedback accuracy (labelled answers, tests/data/feedback/)"]
    for split in SPLITS:
        answers = load_labelled(bank, splits=(split,))
        if not answers:
            parts.append(f"{split}: no labelled answers yet.")
            continue
        s = score(exported, answers)["all"]
        parts.append(f"**{split}** ({s.answers} answers)\n\n" + table(s))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="dev")
    parser.add_argument("--by-question", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every wrong label")
    args = parser.parse_args()
    bank = load_bank(ROOT / "quiz_data")
    splits = SPLITS if args.split == "all" else (args.split,)
    scores = score(_exported(bank), load_labelled(bank, splits=splits))
    print(table(scores["all"]))
    if args.by_question:
        print("\n" + by_question(scores))
    if args.errors:
        for qid, s in sorted(scores.items()):
            if qid != "all" and s.errors:
                print(f"{qid}: " + "; ".join(s.errors))


if __name__ == "__main__":
    main()
