"""Answer feedback against the labelled answers in tests/data/feedback/: key-point and
trap precision and recall, and how often a simple coverage-to-grade mapping agrees with
the reviewers' grades. Dev and held-out parts are reported separately.

    .venv/bin/python -m benchmarks.feedback_accuracy [--split dev|heldout|all] [--by-question]

Targets (issue #16): key points precision >= 0.90 and recall >= 0.80; traps precision
>= 0.95 and recall >= 0.80.
"""

from __future__ import annotations

import argparse

from devtools.feedback_labels import (
    ROOT,
    SPLITS,
    TARGETS,
    Score,
    exported_bank,
    load_labelled,
    measures,
    misses,
    score,
    write_caveats,
)
from macros.bank import load_bank


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _met(value: float | None, target: float) -> str:
    return "n/a" if value is None else ("yes" if value >= target else "**no**")


_MEASURE_NAMES = {
    "kp_precision": "key points: precision",
    "kp_recall": "key points: recall",
    "trap_precision": "traps: precision",
    "trap_recall": "traps: recall",
}


def table(s: Score) -> str:
    rows = [
        [_MEASURE_NAMES[key], _f(value), f">= {TARGETS[key]:.2f}", _met(value, TARGETS[key])]
        for key, value in measures(s).items()
    ]
    n = s.answers or 1
    rows += [
        ["grade from coverage = reviewer's grade", f"{s.grade_exact / n:.2f}", "", ""],
        ["... within one grade", f"{s.grade_within_one / n:.2f}", "", ""],
        ["... same mapping on the reviewer's own labels", f"{s.gold_grade_exact / n:.2f}", "", ""],
    ]
    lines = ["| measure | value | target | met |", "|---|---|---|---|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def by_split(dev: dict[str, Score], heldout: dict[str, Score]) -> str:
    """Per question, dev and held-out side by side, and the held-out targets missed."""
    head = "| question | dev n | kp P | kp R | trap P | trap R | held-out n | kp P | kp R "
    head += "| trap P | trap R | held-out misses |"
    lines = [head, "|---|" + "---|" * 11]
    for qid in sorted((set(dev) | set(heldout)) - {"all"}):
        cells = []
        for s in (dev.get(qid, Score()), heldout.get(qid, Score())):
            cells.append(str(s.answers))
            cells += [_f(x) for x in (s.kp.precision, s.kp.recall, s.trap.precision, s.trap.recall)]
        missed = misses(heldout[qid]) if qid in heldout else []
        lines.append(f"| {qid} | " + " | ".join(cells) + f" | {', '.join(missed) or '-'} |")
    return "\n".join(lines)


def by_question(scores: dict[str, Score]) -> str:
    lines = ["| question | answers | kp P | kp R | trap P | trap R |", "|---|---|---|---|---|---|"]
    for qid, s in sorted(scores.items()):
        if qid != "all":
            cells = [_f(x) for x in (s.kp.precision, s.kp.recall, s.trap.precision, s.trap.recall)]
            lines.append(f"| {qid} | {s.answers} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def section() -> str:
    bank = load_bank(ROOT / "quiz_data")
    exported = exported_bank(bank)
    parts = ["### Answer feedback accuracy (labelled answers, tests/data/feedback/)"]
    scores: dict[str, dict[str, Score]] = {}
    for split in SPLITS:
        answers = load_labelled(bank, splits=(split,))
        if not answers:
            parts.append(f"{split}: no labelled answers yet.")
            continue
        scores[split] = score(exported, answers)
        s = scores[split]["all"]
        parts.append(f"**{split}** ({s.answers} answers)\n\n" + table(s))
    if len(scores) == len(SPLITS):
        parts.append("**per question**\n\n" + by_split(scores["dev"], scores["heldout"]))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="dev")
    parser.add_argument("--by-question", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every wrong label")
    parser.add_argument(
        "--write-caveats",
        action="store_true",
        help="set each question's feedback_caveat in the bank from its held-out score",
    )
    args = parser.parse_args()
    bank = load_bank(ROOT / "quiz_data")
    if args.write_caveats:
        print("\n".join(write_caveats(bank)) or "no caveat changed")
        return
    splits = SPLITS if args.split == "all" else (args.split,)
    scores = score(exported_bank(bank), load_labelled(bank, splits=splits))
    print(table(scores["all"]))
    if args.by_question:
        print("\n" + by_question(scores))
    if args.errors:
        for qid, s in sorted(scores.items()):
            if qid != "all" and s.errors:
                print(f"{qid}: " + "; ".join(s.errors))


if __name__ == "__main__":
    main()
