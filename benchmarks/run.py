"""`make bench`: build the site, serve it with gzip like GitHub Pages, measure, and print
markdown tables. `--skip-lighthouse` leaves out the slowest part; `--lighthouse-runs N`
takes the median of N Lighthouse runs per page and setting (mobile, desktop)."""

from __future__ import annotations

import sys

from benchmarks import (
    build_time,
    feedback_accuracy,
    feedback_speed,
    lighthouse,
    offline_cache,
    page_weight,
    quiz_ready,
    recovery,
    snapshot,
)
from benchmarks.browser import chromium
from benchmarks.site import served_site


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def quiz_section(browser, url: str) -> str:
    q = quiz_ready.run(browser, url)
    again = quiz_ready.second_visit(browser, url)
    rows = [
        ["bare Pyodide boot in a worker (median, first visit)", f"{q['bare_s']:.2f} s", "", ""],
        ["navigation to first answerable quiz item (median, first visit)",
         f"{q['quiz_s']:.2f} s", "", ""],
        ["quiz-ready / bare boot", f"{q['ratio']:.2f}", "<= 1.10", _met(q["ratio"] <= 1.10)],
        ["quiz-ready on a second visit (median)", f"{again:.2f} s", "", ""],
        ["longest main-thread task while Python boots (after load)",
         f"{q['longest_task_ms']:.0f} ms", "<= 50 ms", _met(q["longest_task_ms"] <= 50)],
        ["longest task during page load (Material's bundle start-up; median)",
         f"{q['load_task_ms']:.0f} ms", "<= 50 ms", _met(q["load_task_ms"] <= 50)],
    ]  # fmt: skip
    note = f"{q['rounds']} interleaved rounds, cold cache each, headless Chromium, gzip."
    return (
        "### Quiz start-up\n\n"
        + _table(["measure", "value", "target", "met"], rows)
        + (f"\n\n{note}")
    )


def recovery_section(browser, url: str) -> str:
    r = recovery.run(browser, url)
    rows = [
        ["exercise page, spare worker (median)", f"{r['spare_s']:.2f} s",
         f"<= {recovery.TARGET_S} s", _met(r["spare_s"] <= recovery.TARGET_S)],
        ["any other page, a new boot (median)", f"{r['boot_s']:.2f} s", "", ""],
    ]  # fmt: skip
    note = (
        f"From the stop of a run over its time limit to the end of the next run; "
        f"{r['reps']} runs each, fresh context each. Spare runs: "
        + ", ".join(f"{s:.2f} s" for s in r["spare_all"])
    )
    table = _table(["measure", "value", "target", "met"], rows)
    return f"### Recovery after a time-out\n\n{table}\n\n{note}"


def offline_section(site) -> str:
    o = offline_cache.run(site)
    rows = [
        ["every reader: pages and assets, precached when the service worker installs",
         f"{o['precache_kb']:,.0f} KiB"],
        ["on first practice: the Python runtime (copied from the HTTP cache)",
         f"{o['python_kb']:,.0f} KiB"],
        ["on first practice: the code editor", f"{o['editor_kb']:,.0f} KiB"],
    ]  # fmt: skip
    return "### The offline copy (gzip)\n\n" + _table(["what", "bytes"], rows)


def snapshot_section(site) -> str:
    results = snapshot.run(site, reps=5, strategies=("packages", "stdlib"))
    note = (
        "Quiz page, navigation to the first answerable item; medians of 5 interleaved runs,"
        " fresh on-disk profile each, gzip. Repeat visit: runtime in the service worker."
    )
    return (
        "### Memory snapshot (issue #9)\n\n"
        + _table(snapshot.HEADER, snapshot.rows(results))
        + f"\n\n{note}"
    )


def build_section(site) -> str:
    b = build_time.run(site)
    rows = [[
        f"{b['ours_s']:.2f} s", f"{b['control_s']:.2f} s", f"{b['ratio']:.2f}",
        f"{b['pages']} pages, {b['words']:,} words",
    ]]  # fmt: skip
    return "### Build time\n\n" + _table(
        ["this site", "plain Material, same words", "ratio", "size"], rows
    )


def weight_section(browser, url: str) -> str:
    rows = [
        [r["page"], f"{r['read_kb']:,.0f} KiB", f"{r['python_kb']:,.0f} KiB"]
        for r in page_weight.run(browser, url)
    ]
    return "### Bytes over the wire (gzip)\n\n" + _table(
        ["page type", "reading only", "with Python started"], rows
    )


def lighthouse_section(url: str, runs: int = 1) -> str:
    rows = lighthouse.run(url, runs=runs)
    table = _table(
        ["page type", "setting", *lighthouse.CATEGORIES],
        [[r["page"], r["preset"], *(str(r[c]) for c in lighthouse.CATEGORIES)] for r in rows],
    )
    why = lighthouse.explain(rows)
    note = f"Median of {runs} runs per page and setting." if runs > 1 else "One run each."
    return (
        "### Lighthouse (target 100 each)\n\n"
        + table
        + f"\n\n{note}"
        + (f"\n\nWhere performance is under 100:\n\n{why}" if why else "")
    )


def _runs(argv: list[str]) -> int:
    """`--lighthouse-runs N`: the median of N Lighthouse runs per page (default 1)."""
    if "--lighthouse-runs" in argv:
        return max(1, int(argv[argv.index("--lighthouse-runs") + 1]))
    return 1


def main(argv: list[str]) -> int:
    if "--help" in argv:
        print(__doc__)
        return 0
    sections = []
    with served_site() as (site, url), chromium() as browser:
        sections.append(quiz_section(browser, url))
        sections.append(weight_section(browser, url))
        sections.append(offline_section(site))
        sections.append(recovery_section(browser, url))
        sections.append(snapshot_section(site))
        if "--skip-lighthouse" not in argv:
            sections.append(lighthouse_section(url, _runs(argv)))
        sections.append(build_section(site))
    sections.append(feedback_speed.section())
    sections.append(feedback_accuracy.section())
    print("\n\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
