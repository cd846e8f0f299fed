"""The labelled answers that score answer feedback (tests/data/feedback/, format in the
README there): read and checked against the bank, scored against what the feedback op
says, and the per-question caveat derived from the held-out score. `make bench` prints the
scores (benchmarks/feedback_accuracy.py, which also writes the caveats); the tests check
the scorer on a hand-counted set, every labelled file against the bank, and that the
bank's caveats are the derived ones."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.bank import Bank, Question
from macros.publish.export import bank_json
from practice_engine.bankdata import BankData, parse_bank
from practice_engine.feedback import coverage_grade, feedback
from practice_engine.vocab import GRADES, LEVELS

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "feedback"
SPLITS: tuple[str, ...] = ("dev", "heldout")
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
    if not isinstance(q, Question):
        raise _fail(where, f"{qid!r} is not a concept question of the bank")
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


def load_labelled(
    bank: Bank, root: Path = LABELS, splits: tuple[str, ...] = SPLITS
) -> list[Labelled]:
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


def _grade(
    labelled: Labelled, levels: dict[str, str], hits: set[str], traps: int, words: int
) -> str:
    expected = [k for k, lv in levels.items() if LEVELS.index(lv) <= LEVELS.index(labelled.level)]
    return coverage_grade(sum(k in hits for k in expected), len(expected), traps, words)


def score(bank: BankData, answers: list[Labelled]) -> dict[str, Score]:
    """Scores for all answers ("all") and per question id."""
    scores: dict[str, Score] = {"all": Score()}
    for a in answers:
        entry = bank.entry(a.question)
        if entry is None:
            raise LabelError(f"{a.question}: not a question of the bank")
        result = feedback(entry.feedback, a.question, a.level, a.text, bank.lexicon)
        levels = {k["id"]: k["level"] for k in result["key_points"]}
        hits = {k["id"] for k in result["key_points"] if k["status"] == "hit"}
        fired = {t["trap"] for t in result["traps"] if t["asserted"]}
        predicted = _grade(a, levels, hits, len(fired), result["words"])
        gold_hits = {k for k, v in a.key_points.items() if v}
        gold = _grade(a, levels, gold_hits, sum(a.traps.values()), result["words"])
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


def exported_bank(bank: Bank) -> BankData:
    """The bank as the worker reads it: exported, then parsed by the engine."""
    return parse_bank(bank_json(bank))


def measures(s: Score) -> dict[str, float | None]:
    """The four measures that have a target (TARGETS), by the same keys."""
    return {
        "kp_precision": s.kp.precision,
        "kp_recall": s.kp.recall,
        "trap_precision": s.trap.precision,
        "trap_recall": s.trap.recall,
    }


def misses(s: Score) -> list[str]:
    """The targets a score misses (an undefined precision or recall misses nothing: no
    trap fired, or none was there to find)."""
    return [k for k, v in measures(s).items() if v is not None and v < TARGETS[k]]


# What each missed target means for the reader, in the caveat the feedback panel shows.
_CAVEAT_PARTS = {
    "kp_precision": "ticked key points the answers did not make",
    "kp_recall": "missed key points the answers made in other words",
    "trap_precision": "flagged traps the answers did not assert",
    "trap_recall": "did not notice traps the answers asserted",
}


def caveat_text(missed: list[str]) -> str | None:
    """The question's `feedback_caveat`, derived from the held-out targets it misses (None
    when it meets them all); `--write-caveats` writes it into the bank."""
    if not missed:
        return None
    parts = [_CAVEAT_PARTS[m] for m in missed]
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (
        f"On test answers it was not tuned on, word matching for this question {said}. "
        "Treat the checklist as a pointer, and check your own answer against the rubric."
    )


def heldout_caveats(bank: Bank) -> dict[str, str | None]:
    """Every labelled question's caveat from its held-out score."""
    scores = score(exported_bank(bank), load_labelled(bank, splits=("heldout",)))
    return {qid: caveat_text(misses(s)) for qid, s in scores.items() if qid != "all"}


_CAVEAT_LINE = re.compile(r"^feedback_caveat:.*\n(?:[ \t]+\S.*\n)*", re.M)


def write_caveats(bank: Bank, root: Path = ROOT / "quiz_data") -> list[str]:
    """Set each labelled question's `feedback_caveat` in its YAML file to the derived text
    (or remove it); returns the files changed."""
    changed = []
    files = {p.stem: p for p in (root / "questions").rglob("*.yml")}
    for qid, text in sorted(heldout_caveats(bank).items()):
        path = files[qid]
        old = path.read_text(encoding="utf-8")
        body = _CAVEAT_LINE.sub("", old)
        if text is not None:
            folded = textwrap.fill(text, width=88, initial_indent="  ", subsequent_indent="  ")
            body = body.rstrip("\n") + "\nfeedback_caveat: >-\n" + folded + "\n"
        if body != old:
            path.write_text(body, encoding="utf-8")
            changed.append(path.relative_to(ROOT).as_posix())
    return changed
