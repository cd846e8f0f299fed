"""A mock round's scorecard: each question's grade and time against its target, the
round's signal on the five-step grading spectrum, and which questions were weak."""

from __future__ import annotations

from typing import Any

from .errors import EngineError
from .mock_check import require_mock
from .state import MockRound
from .vocab import GRADE_LABELS, GRADE_STEPS, SIGNAL_LABELS, WEAK_GRADES


def weak_ids(mock: MockRound) -> list[str]:
    """The graded questions of a round that were not a strong hire, in the order asked."""
    asked = zip(mock["questions"], mock["grades"], strict=False)  # a partial round: fewer grades
    return [q["id"] for q, g in asked if g in WEAK_GRADES]


def signal(grades: list[str]) -> int:
    """The round's signal on the five-step spectrum (1 can define it, 2 can explain the
    intuition, 3 knows when to use it and when not, 4 can discuss trade-offs and
    alternatives, 5 can teach the interviewer something new). Each grade is a step:
    strong_hire 4, lean_hire 3, no_hire 2, didnt_know 1. The signal is their mean rounded
    half up ((2*sum + n) // (2*n), exact in integers); 5 is given only, and always, when
    every grade is strong_hire: a self-grade cannot show more than trade-offs, so only a
    flawless round earns "teach the interviewer"."""
    if not grades:
        raise EngineError("grade at least one question first")
    if all(g == "strong_hire" for g in grades):
        return 5
    total, n = sum(GRADE_STEPS[g] for g in grades), len(grades)
    return (2 * total + n) // (2 * n)


VERDICTS: dict[int, str] = {
    1: "Most candidates stop at 1 or 2; next, say when you would use each idea and when not.",
    2: "Most candidates stop at 1 or 2; next, say when you would use each idea and when not.",
    3: "A strong hire reaches 3 to 4 consistently; take the weaker answers to trade-offs.",
    4: "A strong hire reaches 3 to 4 consistently, and this round did.",
    5: "Every answer was a strong hire; now practise the follow-ups under a real interviewer.",
}


def _summary(grades: list[str], total: int, value: int) -> str:
    """One paragraph for the scorecard: the counts, the signal and what it means."""
    counts = [f"{grades.count(g)} {GRADE_LABELS[g].lower()}" for g in GRADE_STEPS if g in grades]
    return (
        f"{len(grades)} of {total} questions graded ({', '.join(counts)}). Overall signal "
        f"{value} of 5: {SIGNAL_LABELS[value].lower()}. {VERDICTS[value]}"
    )


def scorecard(mock: MockRound) -> dict[str, Any]:
    """Every question with its grade and seconds used (None if not reached or not known)
    against its target, and the round's signal; `weak` counts the questions to redo."""
    require_mock(mock)
    grades, seconds = mock["grades"], mock["seconds"]
    value = signal(grades)
    rows = [
        {
            "id": q["id"],
            "title": q["title"],
            "grade": grades[n] if n < len(grades) else None,
            "seconds": seconds[n] if n < len(seconds) else None,
            "target_seconds": q["target_seconds"],
        }
        for n, q in enumerate(mock["questions"])
    ]
    return {
        "rows": rows,
        "partial": len(grades) < len(mock["questions"]),
        "weak": len(weak_ids(mock)),
        "signal": value,
        "signal_label": SIGNAL_LABELS[value],
        "summary": _summary(grades, len(mock["questions"]), value),
    }
