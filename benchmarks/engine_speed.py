"""The flashcards at scale: the engine's due queue, due times, dashboard and index status on
300 cards with a year of daily reviews (engine_history.py), on CPython and in Pyodide under
Node (the engine and wheels the site ships, offline). Target: each op under 50 ms in
Pyodide, median of several calls.

    .venv/bin/python -m benchmarks.engine_speed [--quick]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

from benchmarks.engine_history import grown_export, year_end_ms, year_of_reviews
from devtools.pyodide import run_on_both
from macros.bank import load_bank
from macros.publish.export import bank_json, dumps
from practice_engine.bankdata import parse_bank

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).with_name("engine_script.py")
TARGET_MS = 50
CARDS, QUESTIONS, DAYS = 300, 300, 365


def measure(runs: int = 15) -> dict:
    export = grown_export(bank_json(load_bank(ROOT / "quiz_data")), QUESTIONS)
    state = year_of_reviews(parse_bank(export), CARDS, DAYS)
    data = {"bank": dumps(export), "progress": state, "now_ms": year_end_ms(DAYS), "runs": runs}
    cpython, pyodide = run_on_both(SCRIPT, data)
    if cpython["answers"] != pyodide["answers"]:
        raise AssertionError(
            f"CPython and Pyodide disagree: {cpython['answers']} / {pyodide['answers']}"
        )
    return {"cpython": cpython, "pyodide": pyodide, "runs": runs, "reviews": len(state["reviews"]),
            "progress_kb": len(json.dumps(state)) / 1024}  # fmt: skip


def section(m: dict | None = None, runs: int = 15) -> str:
    m = m or measure(runs)
    rows = []
    for op, times in m["pyodide"]["times"].items():
        median = statistics.median(times)
        cpython = statistics.median(m["cpython"]["times"][op])
        met = "yes" if median <= TARGET_MS else "**no**"
        rows.append(
            f"| `{op}` | {median:.1f} ms | {min(times):.1f} / {max(times):.1f} ms "
            f"| {cpython:.1f} ms | {met} |"
        )
    header = (
        "| op | Pyodide (Node), median | Pyodide, fastest / slowest | CPython, median "
        "| median under 50 ms |"
    )
    return (
        "### Flashcards at scale (engine ops)\n\n"
        + "\n".join([header, "|---|---|---|---|---|", *rows])
        + f"\n\n{CARDS} cards, a year of daily reviews ({m['reviews']:,} reviews, progress "
        f"{m['progress_kb']:,.0f} KiB), {QUESTIONS} concept questions; each op called through "
        f"`dispatch` as the worker does (progress JSON parsed and checked), {m['runs']} calls "
        f"after a warm-up; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        "(the machine is shared: medians swing with it)."
    )


if __name__ == "__main__":
    print(section(runs=1 if "--quick" in sys.argv else 15))
