"""`make bench`: build the site, serve it with gzip, measure, print a markdown table."""

from __future__ import annotations

import sys

from benchmarks import quiz_ready
from benchmarks.browser import chromium
from benchmarks.site import served_site


def _row(name: str, value: str, target: str, ok: bool | None) -> str:
    mark = "" if ok is None else ("yes" if ok else "**no**")
    return f"| {name} | {value} | {target} | {mark} |"


def main() -> int:
    rows = ["| measure | value | target | met |", "|---|---|---|---|"]
    with served_site() as (_site, url), chromium() as browser:
        q = quiz_ready.run(browser, url)
        rows += [
            _row("bare Pyodide boot in a worker (median)", f"{q['bare_s']:.2f} s", "", None),
            _row(
                "navigation to first answerable quiz item (median)",
                f"{q['quiz_s']:.2f} s",
                "",
                None,
            ),
            _row("quiz-ready / bare boot", f"{q['ratio']:.2f}", "<= 1.10", q["ratio"] <= 1.10),
            _row(
                "longest main-thread task while Python boots (after page load)",
                f"{q['longest_task_ms']:.0f} ms",
                "<= 50 ms",
                q["longest_task_ms"] <= 50,
            ),
            _row(
                "longest task during page load (Material's bundle start-up; median)",
                f"{q['load_task_ms']:.0f} ms",
                "<= 50 ms",
                q["load_task_ms"] <= 50,
            ),
        ]
    print("\n".join(rows))
    print(f"\n{q['rounds']} interleaved rounds, cold cache each, headless Chromium, gzip.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
