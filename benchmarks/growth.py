"""How the site's costs grow with the bank (issue #15): the site is built on a generated
bank of N questions (devtools/synth_bank.py) for each N, served with gzip, and measured
with the other benchmarks' own functions: build time, site bytes, bytes over the wire per
page type (page_weight), quiz-ready time (quiz_ready), the Python worker's memory, the
largest page's element count, and Lighthouse mobile performance (lighthouse). One table,
a column per N, and the ratios of each larger N to the smallest, with #15's targets."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from benchmarks import lighthouse, page_weight, quiz_ready
from benchmarks.browser import new_context
from benchmarks.report import table
from benchmarks.site import ROOT, build
from devtools.server import serve
from devtools.synth_bank import generate
from macros.publish.redirects import is_redirect

SIZES = (30, 150, 300)
QUICK_SIZES = (30, 300)
# Reading a page (no Python): the framework page is #15's "reading page that is not an index".
READ = {"framework page (first visit)": "framework", "track page (first visit)": "track page"}
# Using a widget: Python started on the page.
USE = {"quiz (first visit, Python started)": "quiz page",
       "flashcards (first visit, Python started)": "flashcards"}  # fmt: skip
PAGES = page_weight.PAGE_TYPES
SEARCH_QUERY = "leakage"
# The size of the Python worker's WebAssembly memory, asked of Python itself (the
# engine's run op runs code in the worker; `pyodide_js` is Pyodide's own API object).
MEMORY_CODE = "import pyodide_js\nprint(pyodide_js._module.HEAPU8.length)"
# (row label, target ratio at the largest N over the smallest) for #15's targets.
TARGETS = {
    "framework page (first visit)": 1.10,
    "quiz-ready (median)": 1.15,
    "quiz-ready / bare boot": 1.15,  # the same, less the machine's load
    "build time": 4.0,
}
_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def largest_page(site: Path) -> tuple[str, int]:
    """The biggest HTML page of the site (by bytes) and its element count (start tags, as
    the build wrote them; widgets add a few more once they run)."""
    pages = [p for p in site.rglob("index.html") if not is_redirect(p.read_text("utf-8"))]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    name = biggest.parent.relative_to(site).as_posix()
    return name, len(_TAG.findall(biggest.read_text("utf-8")))


def _search(page) -> None:
    page.keyboard.press("/")  # the theme's shortcut that opens the search dialog
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(SEARCH_QUERY, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=quiz_ready.TIMEOUT)


def worker_memory(browser, url: str) -> int:
    """Bytes of the Python worker's WebAssembly memory once the quiz is answerable."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(urljoin(url, quiz_ready.QUIZ_PAGE))
        page.locator(".mlw-quiz[data-bound] form button[type=submit]").click(
            timeout=quiz_ready.TIMEOUT
        )
        page.locator(".mlw-options input").first.wait_for(timeout=quiz_ready.TIMEOUT)
        out = page.evaluate("(code) => MLGuide.py.call('run_code', { code })", MEMORY_CODE)
        return int(out["output"].strip())
    finally:
        context.close()


def measure(browser, url: str, site: Path, seconds: float, plan) -> dict[str, float]:
    """Every row of the table for one built and served site; KiB, seconds, counts."""
    kib = 1024
    row: dict[str, float] = {"build time": seconds, "site bytes (MiB)": site_bytes(site) / kib**2}
    for label, name in [*READ.items(), *USE.items()]:
        act = page_weight._start_python if label in USE else None
        row[label] = page_weight.transferred(browser, urljoin(url, PAGES[name]), act) / kib
    row["search used on the home page (first visit)"] = (
        page_weight.transferred(browser, url, _search) / kib
    )
    q = quiz_ready.run(browser, url, plan.quiz_rounds)
    row["quiz-ready (median)"] = q["quiz_s"]
    row["bare Pyodide boot (median)"] = q["bare_s"]
    # The machine's load moves both; their ratio is the part the bank can move.
    row["quiz-ready / bare boot"] = q["ratio"]
    row["Python worker memory (MiB)"] = worker_memory(browser, url) / kib**2
    row["largest page: elements"] = largest_page(site)[1]
    for r in lighthouse.run(url, ("mobile",), plan.lighthouse_runs, plan.growth_lighthouse):
        row[f"Lighthouse mobile performance: {r['page']}"] = r["performance"]
    return row


def run(p, chromium, plan) -> str:
    """Build, serve and measure the site on a generated bank of each size in the plan;
    the section's text."""
    results, largest = {}, {}
    with tempfile.TemporaryDirectory(prefix="growth-") as tmp:
        for n in plan.growth_sizes:
            root = generate(n, Path(tmp) / f"src-{n}")
            site = Path(tmp) / f"site-{n}"
            site.mkdir()
            with serve(site, prefix="/ml-guide/", gzip_on=True) as url:
                seconds = build(site, url, root=root)
                shutil.copytree(ROOT / "benchmarks" / "bare", site / "bench-bare")
                with chromium(p) as browser:
                    results[n] = measure(browser, url, site, seconds, plan)
            largest[n] = largest_page(site)[0]
            shutil.rmtree(site)
    return section(results, largest)


UNITS = {"build time": "s", "quiz-ready (median)": "s", "bare Pyodide boot (median)": "s"}


def _cell(label: str, value: float) -> str:
    if "KiB" in label or "first visit" in label or "search" in label:
        return f"{value:,.0f} KiB"
    if label in UNITS:
        return f"{value:.2f} s"
    if label.endswith("bare boot"):
        return f"{value:.2f}"
    if "MiB" in label:
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def _met(ratio: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"<= {target:.2f}x: " + ("met" if ratio <= target else "**not met**")


def section(results: dict[int, dict[str, float]], largest: dict[int, str]) -> str:
    """The growth table: a column per N, then each larger N over the smallest; `largest`:
    the largest page at each N."""
    sizes = sorted(results)
    base = sizes[0]
    header = ["measure", *(f"N = {n}" for n in sizes), *(f"{n}/{base}" for n in sizes[1:])]
    header.append(f"#15 target ({sizes[-1]}/{base})")
    rows = []
    for label in results[base]:
        cells = [_cell(label, results[n][label]) for n in sizes]
        ratios = [results[n][label] / results[base][label] for n in sizes[1:]]
        met = _met(ratios[-1], TARGETS.get(label)) if ratios else ""
        rows.append([label, *cells, *(f"{r:.2f}x" for r in ratios), met])
    pages = ", ".join(f"{largest[n] or 'home'} at N = {n}" for n in sizes)
    note = (
        f"Largest page: {pages}. One build per N (the build's caches warm, as a contributor's"
        " rebuild); bytes are gzip as GitHub Pages serves them, first visit, empty cache."
    )
    return "### Growth: the site at N questions\n\n" + table(header, rows) + f"\n\n{note}"
