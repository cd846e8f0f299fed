"""Answer feedback speed: a 500-word answer per must-know question, on CPython and in
Pyodide under Node (the engine and wheels the site ships, offline).

    .venv/bin/python -m benchmarks.feedback_speed
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from devtools.pyodide import run_on_both
from macros.bank import Question, load_bank
from macros.publish.export import bank_json, dumps

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).with_name("feedback_script.py")
WORDS = 500
TARGET_MS = 100


def _prose(q: Question) -> list[str]:
    parts = [q.answer.what, q.answer.why, q.answer.when, q.answer.tradeoffs]
    parts += [t for _, t in q.depth.by_level()] + [f.a for f in q.followups]
    return re.sub(r"\$[^$]*\$", "x", " ".join(parts)).split()


def answers(questions: list[Question]) -> dict[str, list[str]]:
    """Per question: its own prose cut to 500 words, and the next question's."""
    texts = [" ".join((_prose(q) * 3)[:WORDS]) for q in questions]
    return {q.id: [texts[n], texts[(n + 1) % len(texts)]] for n, q in enumerate(questions)}


def measure() -> dict:
    bank = load_bank(ROOT / "quiz_data")
    questions = [q for q in bank.questions if q.key_points]
    data = {"bank": dumps(bank_json(bank)), "answers": answers(questions)}
    cpython, pyodide = run_on_both(SCRIPT, data)
    return {"cpython": cpython, "pyodide": pyodide, "questions": len(questions)}


def _row(name: str, result: dict) -> list[str]:
    first, again = list(result["first"].values()), list(result["again"].values())
    return [
        name,
        f"{result['import_ms']:.0f} ms",
        f"{result['load_ms']:.0f} ms",
        f"{statistics.median(first):.0f} / {max(first):.0f} ms",
        f"{statistics.median(again):.0f} / {max(again):.0f} ms",
    ]


def rows(m: dict) -> list[list[str]]:
    return [_row("CPython", m["cpython"]), _row("Pyodide (Node)", m["pyodide"])]


HEADER = [
    "runtime",
    "import engine",
    "load stemmer (once)",
    "first answer (parses matchers): median / max",
    "next answer: median / max",
]


def section(m: dict | None = None) -> str:
    m = m or measure()
    worst = max(max(m["pyodide"]["first"].values()), max(m["pyodide"]["again"].values()))
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r) + " |" for r in rows(m)]
    met = "yes" if worst <= TARGET_MS else "**no**"
    return (
        "### Answer feedback speed\n\n"
        + "\n".join(lines)
        + f"\n\n{WORDS}-word answers, {m['questions']} questions, best of 3 each (caches emptied "
        "before each first answer). Target: every answer under "
        f"{TARGET_MS} ms in Pyodide; slowest {worst:.0f} ms, met: {met}."
    )


if __name__ == "__main__":
    print(section())
