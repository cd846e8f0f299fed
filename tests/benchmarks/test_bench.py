"""`make bench` runs end to end. It once crashed in its snapshot section (a second sync
Playwright started inside the first one's asyncio loop), so its tables were never printed
and nobody noticed; the quick mode runs every section with the smallest counts, here."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from benchmarks.run import QUICK, SECTIONS, Plan, plan_from
from devtools.site import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Each section's tables, by the heading they print under.
HEADINGS = {
    "quiz": ("### Quiz start-up",),
    "weight": ("### Bytes over the wire (gzip)",),
    "offline": ("### The offline copy (gzip)",),
    "recovery": ("### Recovery after a time-out",),
    "snapshot": ("### Memory snapshot (issues #9, #20)",),
    "lighthouse": ("### Lighthouse (target 100 each)",),
    "build": ("### Build time",),
    "feedback": ("### Answer feedback speed", "### Answer feedback accuracy"),
    "growth": ("### Growth: the site at N questions",),
    "engine": ("### Flashcards at scale (engine ops)",),
}
SECONDS = re.compile(r"\| (\d+\.\d\d) s \|")


def test_quick_mode_comes_from_the_flag_or_the_environment() -> None:
    assert plan_from(["--quick"], {}) == QUICK
    assert QUICK.growth_sizes == (30, 300) and "growth" in QUICK.sections
    assert plan_from([], {"BENCH_QUICK": "1"}) == QUICK
    assert plan_from([], {}) == Plan()
    assert "lighthouse" not in plan_from(["--quick", "--skip-lighthouse"], {}).sections
    assert plan_from(["--lighthouse-pages", "flashcards"], {}).lighthouse_pages == ("flashcards",)
    with pytest.raises(SystemExit, match="unknown page type"):
        plan_from(["--lighthouse-pages", "nowhere"], {})


def test_the_quick_bench_prints_every_table() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert set(HEADINGS) == set(SECTIONS)
    missing = [h for section in SECTIONS for h in HEADINGS[section] if h not in out]
    assert not missing, out
    # Real measurements, not blanks: the plain and snapshot rows both have timings (the
    # snapshot's with its ratios to plain, and the worker's restore marks), and the
    # Lighthouse row has four scores.
    snapshot = out.split("### Memory snapshot")[1].split("###")[0]
    assert re.search(r"\| plain \| \d+\.\d\d s \|", snapshot), snapshot
    ratio = r"\d+\.\d\d s[^|]*, \d+\.\d\dx (ok|\*\*over\*\*)"
    assert re.search(rf"\| snapshot \(packages\) \| {ratio} \| {ratio} \|", snapshot), snapshot
    assert re.search(r"\| snapshot \(packages\) \|.*pyodide \d+\.\d\d", snapshot), snapshot
    assert re.search(r"\| home \| mobile \| \d+ \| \d+ \| \d+ \| \d+ \|", out), out
    # The growth table has a column per size and the ratio, every row measured.
    growth = out.split("### Growth")[1].split("###")[0]
    assert "| N = 30 | N = 300 | 300/30 |" in growth, growth
    assert re.search(
        r"\| quiz-ready \(median\) \| \d+\.\d\d s \| \d+\.\d\d s \| \d+\.\d\dx \|", growth
    )
    assert all(float(s) > 0 for s in SECONDS.findall(out))


def test_the_engine_section_runs_alone_without_a_site() -> None:
    """`--sections engine` times the four ops in Pyodide on a generated year, and builds
    no site for it."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--sections", "engine"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert out.startswith("### Flashcards at scale (engine ops)"), out
    for op in ("queue", "due_times", "dashboard", "index_status"):
        row = rf"\| `{op}` \| \d+\.\d ms \| \d+\.\d / \d+\.\d ms \| \d+\.\d ms \| "
        assert re.search(row, out), out
    assert "300 cards, a year of daily reviews" in out
