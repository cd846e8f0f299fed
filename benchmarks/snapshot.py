"""Quiz start-up with and without the build's memory snapshot, first and repeat visit, in
one run; the bytes each first visit moves before the quiz is ready and in all; and where a
repeat visit's boot goes (the worker's own timings).

    .venv/bin/python -m benchmarks.snapshot [--reps 5] [--strategies packages,stdlib]

The served site is copied once per strategy and given a snapshot by
devtools.site.add_snapshot (the build's own snapshot module, no second build). Each
repetition gives every variant (plain, then each snapshot strategy) a fresh on-disk
browser profile, as a reader's
browser has: the first visit starts with empty caches and boots plainly; the repeat visit
comes once the service worker holds the runtime and, with a snapshot, once the page has
kept it in the background, so every cache is as warm as it gets. Variants are
interleaved round-robin, so drift on this shared machine hits them alike. Quiz-ready =
navigation start to the first answerable quiz item on the quiz page, as in
benchmarks/quiz_ready.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urljoin

from benchmarks.browser import FIRST_ITEM, LONG_TASKS, first_item_at, playwright
from benchmarks.report import table
from benchmarks.site import served_site
from devtools.chromium import LAUNCH_ARGS, ensure
from devtools.pages import eventually
from devtools.server import serve
from devtools.site import add_snapshot, remove_snapshot

QUIZ_PAGE = "drill/quiz/"
TIMEOUT = 120_000
# Issue #20, as ratios to the plain boot of the same run: a repeat visit with the snapshot,
# and a first visit of the shipped design (plain, then keeping the snapshot in the background).
REPEAT_RATIO = 0.40
FIRST_RATIO = 1.05
KEPT = "async () => (await MLGuide.py.snapshotKept)?.kept === true"
# Resolves once the service worker's cache holds the runtime file named by the argument.
CACHED = """async (rel) => {
  for (const key of await caches.keys()) {
    if (await (await caches.open(key)).match(new URL(rel, MLGuide.siteRoot))) return true;
  }
  return false;
}"""


@contextmanager
def profile(p, tmp: Path) -> Iterator:
    """A fresh on-disk profile: an in-memory one is too small to keep a 7 MB snapshot, the
    wasm and the stdlib at once, so it would understate a repeat visit."""
    user_data = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
    context = p.chromium.launch_persistent_context(
        str(user_data), executable_path=ensure(), args=LAUNCH_ARGS, headless=True
    )
    context.add_init_script(LONG_TASKS)
    context.add_init_script(FIRST_ITEM)
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(user_data, ignore_errors=True)


def visit(context, url: str, keep: str | None = None, snapshot: bool = False) -> dict:
    """One visit to the quiz page: seconds to the first answerable item, bytes over the
    wire (by then, and in all), and how Python booted. With `keep`, wait until the service
    worker holds that runtime file, and with `snapshot` until the page has kept the
    snapshot, so the next visit is a true repeat visit."""
    page = context.new_page()
    sizes: list[int] = []

    def finished(request) -> None:
        s = request.sizes()
        sizes.append(s["responseBodySize"] + s["responseHeadersSize"])

    page.on("requestfinished", finished)
    try:
        page.goto(urljoin(url, QUIZ_PAGE), wait_until="commit")
        # [data-bound]: before quiz.js binds it, a click would submit the plain HTML form
        page.locator(".mlw-quiz[data-bound] form button[type=submit]").click(timeout=TIMEOUT)
        ready = first_item_at(page, TIMEOUT)
        at_ready = sum(sizes)
        info = page.evaluate("MLGuide.py._readyValue")
        info["marks"] = _page_marks(page.evaluate(MARKS), info, ready)
        if keep:
            eventually(page, CACHED, keep, timeout_s=TIMEOUT / 1000)
        if snapshot:
            eventually(page, KEPT, timeout_s=TIMEOUT / 1000)
        page.wait_for_load_state("networkidle")
        page.evaluate(FORGET_QUIZ)
        return {"ready": ready, "bytes": sum(sizes), "bytes_at_ready": at_ready,
                "boot": info["boot"], "info": info}  # fmt: skip
    finally:
        page.close()


# The quiz a visit started is saved, and the next visit would resume it rather than start
# one: forgotten, so every visit measures the same path (storage/slots.js names the slot).
FORGET_QUIZ = """() => Object.keys(localStorage).filter((k) => k.includes(":quiz-session:"))
  .forEach((k) => localStorage.removeItem(k))"""
# The page's clock and its Python client's marks (frontend/python/client.js).
MARKS = "({ origin: performance.timeOrigin, ...MLGuide.py.marks })"


def _page_marks(page: dict, info: dict, ready: float) -> dict[str, float]:
    """Where a visit's time went, in ms from navigation, in the order things happen: the
    page creating the worker, the worker's module loaded and its boot begun, the worker's
    own marks (manifest, snapshot found/read/hashed/verified, runtime module, Python up,
    engine, bank), the page hearing it is ready, and the first quiz item answerable."""
    origin, clock = page["origin"], info.get("clock") or {}
    boot = clock.get("boot", origin) - origin
    out = {
        "worker created": page.get("spawn", 0),
        "worker loaded": clock.get("loaded", origin) - origin,
        "boot asked": boot,
    }
    out |= {name: boot + ms for name, ms in info.get("timings", {}).items()}
    out |= {"page told": page.get("ready", 0), "quiz item": ready * 1000}
    return out


def _sites(site: Path, tmp: Path, strategies: list[str]) -> dict[str, tuple[Path, str | None]]:
    """variant -> (site folder, runtime file whose caching marks the end of a first visit)."""
    remove_snapshot(site)  # a site built with the switch on: its plain twin
    version = json.loads((site / "assets/quiz/runtime.json").read_text())["pyodide"]["version"]
    wasm = f"assets/pyodide/{version}/pyodide.asm.wasm"
    out: dict[str, tuple[Path, str | None]] = {"plain": (site, wasm)}
    for strategy in strategies:
        copy = tmp / f"site-{strategy}"
        shutil.copytree(site, copy)
        record = add_snapshot(copy, strategy=strategy)
        out[f"snapshot ({strategy})"] = (copy, record["file"])
    return out


def run(site: Path, reps: int = 5, strategies: tuple[str, ...] = ("packages",), p=None) -> dict:
    """Per variant: median quiz-ready (first, repeat) in seconds, first-visit bytes, and
    the spread of the repeat-visit samples. `p`: the Playwright already running in this
    process (`make bench` holds one); without it, one is started here."""
    with tempfile.TemporaryDirectory(prefix="snapbench-") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        stripped = tmp / "site"  # the served site minus the benchmark's extras
        shutil.copytree(site, stripped, ignore=shutil.ignore_patterns("bench-*"))
        sites = _sites(stripped, tmp, list(strategies))
        urls = {v: stack.enter_context(serve(s, prefix="/ml-guide/", gzip_on=True))
                for v, (s, _) in sites.items()}  # fmt: skip
        p = p or stack.enter_context(playwright())
        samples: dict[str, dict[str, list]] = {v: {"first": [], "repeat": []} for v in sites}
        for _ in range(reps):
            for variant, (_, keep) in sites.items():
                snap = variant != "plain"
                with profile(p, tmp) as context:
                    first = visit(context, urls[variant], keep, snapshot=snap)
                    again = visit(context, urls[variant])
                for kind, r in (("first", first), ("repeat", again)):
                    want = "snapshot" if snap and kind == "repeat" else "plain"
                    if r["boot"] != want:
                        raise RuntimeError(f"{variant} {kind} visit booted {r['info']}")
                    samples[variant][kind].append(r)
    return {v: _summary(s) for v, s in samples.items()}


def _summary(s: dict[str, list]) -> dict:
    first = [r["ready"] for r in s["first"]]
    repeat = [r["ready"] for r in s["repeat"]]
    return {
        "first_s": statistics.median(first),
        "repeat_s": statistics.median(repeat),
        "repeat_range": (min(repeat), max(repeat)),
        "first_range": (min(first), max(first)),
        "first_bytes": statistics.median(r["bytes"] for r in s["first"]),
        "ready_bytes": statistics.median(r["bytes_at_ready"] for r in s["first"]),
        "repeat_timings": _median_timings(r["info"]["marks"] for r in s["repeat"]),
        "repeat_bytes": statistics.median(r["bytes"] for r in s["repeat"]),
        "reps": len(first),
    }


def _median_timings(samples) -> dict[str, float]:
    """A visit's marks (ms from navigation), median per mark, in order."""
    samples = list(samples)
    names = sorted({n for t in samples for n in t}, key=lambda n: statistics.median(
        t[n] for t in samples if n in t))  # fmt: skip
    return {n: statistics.median(t[n] for t in samples if n in t) for n in names}


def rows(results: dict) -> list[list[str]]:
    """Table rows: variant, first visit (and its ratio to plain), repeat visit (and its
    ratio), bytes by quiz-ready and in all on a first visit, bytes on a repeat visit,
    and the worker's marks on a repeat visit."""
    plain = results.get("plain")
    out = []
    for variant, r in results.items():
        lo, hi = r["repeat_range"]
        first, repeat = f"{r['first_s']:.2f} s", f"{r['repeat_s']:.2f} s ({lo:.2f}-{hi:.2f})"
        if plain and variant != "plain":
            f_ratio, r_ratio = r["first_s"] / plain["first_s"], r["repeat_s"] / plain["repeat_s"]
            first += f", {f_ratio:.2f}x {'ok' if f_ratio <= FIRST_RATIO else '**over**'}"
            repeat += f", {r_ratio:.2f}x {'ok' if r_ratio <= REPEAT_RATIO else '**over**'}"
        marks = ", ".join(f"{n} {ms / 1000:.2f}" for n, ms in r["repeat_timings"].items())
        out.append([
            variant,
            first,
            repeat,
            f"{r['ready_bytes'] / 2**20:.1f} / {r['first_bytes'] / 2**20:.1f} MiB",
            f"{max(0, r['repeat_bytes']) / 2**10:.0f} KiB",
            marks,
        ])  # fmt: skip
    return out


HEADER = [
    "boot",
    f"quiz-ready, first visit (/ plain, target <= {FIRST_RATIO})",
    f"quiz-ready, repeat visit (range; / plain, target <= {REPEAT_RATIO})",
    "bytes, first visit: by quiz-ready / in all",
    "bytes, repeat visit",
    "repeat visit: where the time goes (s from navigation)",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--strategies", default="packages,stdlib")
    parser.add_argument("--site", type=Path, help="an already built site, instead of a build")
    args = parser.parse_args()
    strategies = tuple(s for s in args.strategies.split(",") if s)
    if args.site:
        results = run(args.site, args.reps, strategies)
    else:
        with served_site() as (site, _):
            results = run(site, args.reps, strategies)
    print(table(HEADER, rows(results)))
    print(f"\nmedians of {args.reps} interleaved runs, fresh on-disk profile each; gzip.")


if __name__ == "__main__":
    main()
