"""`make bench`: build the site, serve it with gzip like GitHub Pages, measure, and print
markdown tables.

    python -m benchmarks.run [--quick]
        [--sections quiz,weight,snapshot,lighthouse,build,growth,engine]
        [--skip-lighthouse] [--lighthouse-runs N] [--lighthouse-pages "home,track page"]
        [--lighthouse-presets mobile,desktop]

`--quick` (or BENCH_QUICK=1; `make bench-quick`) runs every section with the smallest
counts that still exercise it: one round each, the snapshot with one strategy, one
Lighthouse run of one page on the mobile preset. Its numbers are too noisy to quote; it
is there so the whole bench is checked end to end (tests/benchmarks/test_bench.py).
The "growth" section builds its own sites, on generated banks of 30, 150 and 300
questions (30 and 300 in quick mode; benchmarks/growth.py).
`--lighthouse-runs N` takes the median of N Lighthouse runs per page and setting."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, replace

from benchmarks import (
    build_time,
    engine_speed,
    feedback_accuracy,
    feedback_speed,
    growth,
    lighthouse,
    offline_cache,
    page_weight,
    quiz_breakdown,
    quiz_ready,
    recovery,
    snapshot,
)
from benchmarks.browser import chromium, playwright
from benchmarks.report import table as _table
from benchmarks.site import served_site

SECTIONS = (
    "quiz", "weight", "offline", "recovery", "snapshot", "lighthouse", "build", "feedback",
    "growth", "engine",
)  # fmt: skip
# The sections that measure the real site, built and served once for all of them; the
# others build their own sites (growth) or run the engine alone (feedback, engine).
ON_SITE = set(SECTIONS) - {"feedback", "growth", "engine"}


@dataclass(frozen=True)
class Plan:
    """How much of each measurement to take."""

    sections: tuple[str, ...] = SECTIONS
    quiz_rounds: int = 5
    weight_pages: tuple[str, ...] = tuple(page_weight.PAGE_TYPES)
    snapshot_reps: int = 5
    snapshot_strategies: tuple[str, ...] = ("packages", "stdlib")
    lighthouse_runs: int = 1
    lighthouse_pages: tuple[str, ...] = tuple(page_weight.PAGE_TYPES)
    lighthouse_presets: tuple[str, ...] = lighthouse.PRESETS
    build_rounds: int = 3
    recovery_reps: int = 3
    growth_sizes: tuple[int, ...] = growth.SIZES
    growth_lighthouse: tuple[str, ...] = ("home", "track page")
    engine_runs: int = 15


QUICK = Plan(
    quiz_rounds=1,
    weight_pages=("home", "track page"),
    snapshot_reps=1,
    snapshot_strategies=("packages",),
    lighthouse_pages=("home",),
    lighthouse_presets=("mobile",),
    build_rounds=1,
    recovery_reps=1,
    growth_sizes=growth.QUICK_SIZES,
    engine_runs=1,
)


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def quiz_section(browser, url: str, rounds: int) -> str:
    q = quiz_ready.run(browser, url, rounds)
    again = quiz_ready.second_visit(browser, url, rounds)
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
    breakdown = _table(
        ["first visit: event (median)", "from navigation", "since the row above"],
        quiz_breakdown.rows(q["breakdown"], q["bare_s"]),
    )
    return (
        "### Quiz start-up\n\n"
        + _table(["measure", "value", "target", "met"], rows)
        + f"\n\n{note}\n\nWhere a first visit's time goes:\n\n{breakdown}"
    )


def recovery_section(browser, url: str, reps: int) -> str:
    r = recovery.run(browser, url, reps)
    rows = [
        ["exercise page, spare worker (median)", f"{r['spare_s']:.2f} s",
         f"<= {recovery.TARGET_S} s", _met(r["spare_s"] <= recovery.TARGET_S)],
        ["any other page, snapshot kept: a restore (median)", f"{r['snapshot_s']:.2f} s",
         f"<= {recovery.TARGET_S} s", _met(r["snapshot_s"] <= recovery.TARGET_S)],
        ["any other page, first visit: a plain boot (median)", f"{r['boot_s']:.2f} s", "", ""],
    ]  # fmt: skip
    note = (
        f"From the stop of a run over its time limit to the end of the next run; "
        f"{r['reps']} runs each, fresh context each. Spare runs: "
        + ", ".join(f"{s:.2f} s" for s in r["spare_all"])
        + "; restores: "
        + ", ".join(f"{s:.2f} s" for s in r["snapshot_all"])
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
        ["after first practice, once idle: the memory snapshot (kept by the Python worker)",
         f"{o['snapshot_kb']:,.0f} KiB"],
    ]  # fmt: skip
    return "### The offline copy (gzip)\n\n" + _table(["what", "bytes"], rows)


def snapshot_section(site, p, reps: int, strategies: tuple[str, ...]) -> str:
    results = snapshot.run(site, reps=reps, strategies=strategies, p=p)
    note = (
        f"Quiz page, navigation to the first answerable item; medians of {reps} interleaved"
        " runs, fresh on-disk profile each, gzip. A first visit boots plainly and keeps the"
        " snapshot once idle; the repeat visit restores it, the runtime in the service worker."
    )
    return (
        "### Memory snapshot (issues #9, #20)\n\n"
        + _table(snapshot.HEADER, snapshot.rows(results))
        + f"\n\n{note}"
    )


def build_section(site, rounds: int) -> str:
    b = build_time.run(site, rounds)
    rows = [[
        f"{b['ours_s']:.2f} s", f"{b['control_s']:.2f} s", f"{b['ratio']:.2f}",
        f"{b['pages']} pages, {b['words']:,} words",
    ]]  # fmt: skip
    return "### Build time\n\n" + _table(
        ["this site", "plain Material, same words", "ratio", "size"], rows
    )


def weight_section(browser, url: str, pages: tuple[str, ...]) -> str:
    rows = [
        [r["page"], f"{r['read_kb']:,.0f} KiB", f"{r['python_kb']:,.0f} KiB"]
        for r in page_weight.run(browser, url, pages)
    ]
    return "### Bytes over the wire (gzip)\n\n" + _table(
        ["page type", "reading only", "with Python started"], rows
    )


def lighthouse_section(url: str, plan: Plan) -> str:
    runs = plan.lighthouse_runs
    rows = lighthouse.run(url, plan.lighthouse_presets, runs, plan.lighthouse_pages)
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


def _names(text: str, known: tuple[str, ...], what: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise SystemExit(f"unknown {what} {unknown or text!r}: choose from {', '.join(known)}")
    return names


def plan_from(argv: list[str], environ: dict[str, str]) -> Plan:
    """The plan the command line (and BENCH_QUICK) asks for."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sections", default=",".join(SECTIONS))
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-runs", type=int)
    parser.add_argument("--lighthouse-pages")
    parser.add_argument("--lighthouse-presets")
    args = parser.parse_args(argv)
    quick = args.quick or environ.get("BENCH_QUICK", "").strip().lower() in ("1", "true", "yes")
    plan = QUICK if quick else Plan()
    sections = _names(args.sections, SECTIONS, "section")
    if args.skip_lighthouse:
        sections = tuple(s for s in sections if s != "lighthouse")
    plan = replace(plan, sections=sections)
    if args.lighthouse_runs is not None:
        plan = replace(plan, lighthouse_runs=max(1, args.lighthouse_runs))
    if args.lighthouse_pages:
        pages = _names(args.lighthouse_pages, tuple(page_weight.PAGE_TYPES), "page type")
        plan = replace(plan, lighthouse_pages=pages)
    if args.lighthouse_presets:
        presets = _names(args.lighthouse_presets, lighthouse.PRESETS, "preset")
        plan = replace(plan, lighthouse_presets=presets)
    return plan


def site_sections(p, plan: Plan) -> list[str]:
    """The sections that measure the real site, in their order."""
    on = plan.sections
    sections = []
    with served_site() as (site, url):
        if {"quiz", "weight", "recovery"} & set(on):
            with chromium(p) as browser:
                if "quiz" in on:
                    sections.append(quiz_section(browser, url, plan.quiz_rounds))
                if "weight" in on:
                    sections.append(weight_section(browser, url, plan.weight_pages))
                if "recovery" in on:
                    sections.append(recovery_section(browser, url, plan.recovery_reps))
        if "offline" in on:
            sections.append(offline_section(site))
        if "snapshot" in on:
            sections.append(snapshot_section(site, p, plan.snapshot_reps, plan.snapshot_strategies))
        if "lighthouse" in on:
            sections.append(lighthouse_section(url, plan))
        if "build" in on:
            sections.append(build_section(site, plan.build_rounds))
    return sections


def main(argv: list[str]) -> int:
    plan = plan_from(argv, dict(os.environ))
    on = plan.sections
    sections = []
    with playwright() as p:
        if ON_SITE & set(on):
            sections += site_sections(p, plan)
        if "growth" in on:
            sections.append(growth.run(p, chromium, plan))
    if "feedback" in on:
        sections.append(feedback_speed.section())
        sections.append(feedback_accuracy.section())
    if "engine" in on:
        sections.append(engine_speed.section(runs=plan.engine_runs))
    print("\n\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
