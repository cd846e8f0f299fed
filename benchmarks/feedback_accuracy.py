"""Answer feedback against the labelled answers in tests/data/feedback/: key-point and
trap precision and recall, and how often a simple coverage-to-grade mapping agrees with
the reviewers' grades. Dev and held-out parts are reported separately.

    .venv/bin/python -m benchmarks.feedback_accuracy [--split dev|heldout|all] [--by-question]

Targets (issue #16): key points precision >= 0.90 and recall >= 0.80; traps precision
>= 0.95 and recall >= 0.80.
"""

from __future__ import annotations

import argparse

from devtools.feedback_labels import ROOT, SPLITS, Score, load_labelled, score
from macros.bank import Bank, load_bank
from macros.publish.export import bank_json
from practice_engine.bankdata import BankData, parse_bank

TARGETS = {"kp_precision": 0.90, "kp_recall": 0.80, "trap_precision": 0.95, "trap_recall": 0.80}


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _met(value: float | None, target: float) -> str:
    return "n/a" if value is None else ("yes" if value >= target else "**no**")


def table(s: Score) -> str:
    measured = {
        "kp_precision": ("key points: precision", s.kp.precision),
        "kp_recall": ("key points: recall", s.kp.recall),
        "trap_precision": ("traps: precision", s.trap.precision),
        "trap_recall": ("traps: recall", s.trap.recall),
    }
    rows = [
        [label, _f(value), f">= {TARGETS[key]:.2f}", _met(value, TARGETS[key])]
        for key, (label, value) in measured.items()
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
