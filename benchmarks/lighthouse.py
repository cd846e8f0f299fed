"""Lighthouse (from npm) against the site served with gzip, on every page type, with the
system Chromium, in its default mobile setting and its desktop preset. Prints the four
category scores per page, and for every page under 100 in performance the metrics behind
the score and what Lighthouse says costs most, so the table explains itself.

Lighthouse simulates a slow phone (4x CPU slowdown, 150 ms round trips) from a trace of the
real load, so its numbers move with the machine's load: `--lighthouse-runs N` takes the
median run of N (by performance score) for each page and setting.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from benchmarks.page_weight import PAGE_TYPES
from benchmarks.site import ROOT
from devtools.chromium import LAUNCH_ARGS, ensure

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = ("mobile", "desktop")
# The five metrics the performance score is made of, with their weights (Lighthouse 10+).
METRICS = {
    "first-contentful-paint": ("FCP", 10),
    "largest-contentful-paint": ("LCP", 25),
    "total-blocking-time": ("TBT", 30),
    "cumulative-layout-shift": ("CLS", 25),
    "speed-index": ("SI", 10),
}


def report(url: str, preset: str = "mobile") -> dict:
    """One Lighthouse run; its whole JSON report."""
    flags = " ".join(["--headless=new", *LAUNCH_ARGS])
    args = [] if preset == "mobile" else [f"--preset={preset}"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet",
             "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
             f"--only-categories={','.join(CATEGORIES)}", *args],
            env={**os.environ, "CHROME_PATH": ensure()},
            check=True,
            capture_output=True,
            timeout=300,
        )  # fmt: skip
        return json.loads(out.read_text())


def scores(rep: dict) -> dict[str, int]:
    return {c: round(100 * (rep["categories"][c]["score"] or 0)) for c in CATEGORIES}


def metrics(rep: dict) -> dict[str, tuple[float, float]]:
    """Short name -> (value: ms, or unitless for CLS; the metric's own 0-1 score)."""
    audits = rep["audits"]
    return {
        name: (audits[key]["numericValue"], audits[key]["score"] or 0)
        for key, (name, _) in METRICS.items()
    }


def _items(rep: dict, audit: str) -> list[dict]:
    return ((rep["audits"].get(audit) or {}).get("details") or {}).get("items") or []


def costs(rep: dict, top: int = 3) -> list[str]:
    """What Lighthouse blames, biggest first: failing audits with estimated savings,
    main-thread time by kind, and the longest tasks with the script they ran."""
    found = []
    for key, audit in rep["audits"].items():
        saved = {m: v for m, v in (audit.get("metricSavings") or {}).items() if v}
        if audit.get("score") is None or audit["score"] >= 0.9 or not saved:
            continue
        # Rank by milliseconds saved; a layout-shift saving (unitless) ranks as 1 s per 0.1.
        rank = max(v * 10_000 if m == "CLS" else v for m, v in saved.items())
        what = ", ".join(
            f"{m} {v:.3f}" if m == "CLS" else f"{m} {v:,.0f} ms" for m, v in saved.items()
        )
        found.append((rank, f"{key}: {audit.get('displayValue') or ''} (saves {what})"))
    lines = [text for _, text in sorted(found, reverse=True)[:top]]
    kinds = sorted(_items(rep, "mainthread-work-breakdown"), key=lambda i: -i["duration"])
    if kinds:
        lines.append("main thread: " + ", ".join(
            f"{i.get('groupLabel') or i['group']} {i['duration']:.0f} ms" for i in kinds[:3]
        ))  # fmt: skip
    tasks = sorted(_items(rep, "long-tasks"), key=lambda i: -i["duration"])[:top]
    if tasks:
        lines.append("longest tasks: " + ", ".join(
            f"{t['duration']:.0f} ms ({t['url'].rsplit('/', 1)[-1] or 'page'})" for t in tasks
        ))  # fmt: skip
    return lines


def median_report(url: str, preset: str, runs: int) -> dict:
    """The run with the median performance score (a whole run, so its parts agree)."""
    reps = [report(url, preset) for _ in range(runs)]
    reps.sort(key=lambda r: scores(r)["performance"])
    return reps[(len(reps) - 1) // 2]


def run(
    base: str,
    presets: tuple[str, ...] = PRESETS,
    runs: int = 1,
    pages: tuple[str, ...] = tuple(PAGE_TYPES),
) -> list[dict]:
    rows = []
    for preset in presets:
        for name in pages:
            rep = median_report(urljoin(base, PAGE_TYPES[name]), preset, runs)
            rows.append({"page": name, "preset": preset, **scores(rep),
                         "metrics": metrics(rep), "costs": costs(rep)})  # fmt: skip
    return rows


def _metric_cell(name: str, value: float, score: float) -> str:
    shown = f"{value:.3f}" if name == "CLS" else f"{value:,.0f} ms"
    return shown if score >= 0.995 else f"**{shown}** ({score:.2f})"


def explain(rows: list[dict]) -> str:
    """The metrics of every page under 100 in performance (a metric below full marks is in
    bold with its own score), then what Lighthouse says costs most on it."""
    slow = [r for r in rows if r["performance"] < 100]
    if not slow:
        return ""
    header = ["page type", "setting", "perf", *(n for n, _ in METRICS.values())]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in slow:
        cells = [_metric_cell(n, *r["metrics"][n]) for n, _ in METRICS.values()]
        row = [r["page"], r["preset"], str(r["performance"]), *cells]
        lines.append("| " + " | ".join(row) + " |")
    notes = [f"- {r['page']} ({r['preset']}): " + "; ".join(r["costs"]) for r in slow]
    weights = ", ".join(f"{n} {w}%" for n, w in METRICS.values())
    return "\n".join(lines) + f"\n\nWeights: {weights}.\n\n" + "\n".join(notes)
