"""Before and after: the site as built at another commit against this checkout, served side
by side with gzip, Lighthouse runs interleaved (before, after, before, ...) so the load on
this shared machine hits both alike, and the bytes each page type moves.

    python -m benchmarks.compare --before REF [--runs 3] [--presets mobile]
        [--pages "track page,flashcards"]

The commit is taken with `git archive` and built with this checkout's virtualenv and
node_modules, so only the project's own files differ (the lock files must agree)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tarfile
import tempfile
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urljoin

from benchmarks import lighthouse, page_weight
from benchmarks.browser import chromium, playwright
from benchmarks.report import table
from devtools.server import serve
from devtools.site import ROOT, build

LOCKS = ("package-lock.json", "requirements.txt", "requirements-browser.txt")


def export(ref: str, into: Path) -> Path:
    """The tree of commit `ref`, sharing this checkout's installed packages and caches."""
    archive = into / "tree.tar"
    subprocess.run(["git", "archive", "--output", str(archive), ref], cwd=ROOT, check=True)
    tree = into / "tree"
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter="data")
    for lock in LOCKS:
        if (tree / lock).read_bytes() != (ROOT / lock).read_bytes():
            raise SystemExit(f"{lock} differs at {ref}: install that commit to compare it")
    for shared in ("node_modules", "build"):
        (tree / shared).symlink_to(ROOT / shared)
    return tree


def served(stack: ExitStack, root: Path, tmp: Path, name: str) -> str:
    """The site of `root`, built and served (with gzip) until `stack` closes; its URL."""
    site = tmp / f"site-{name}"
    site.mkdir()
    url: str = stack.enter_context(serve(site, prefix="/ml-guide/", gzip_on=True))
    built = build(site, url, root=root)
    if not built.ok:
        raise SystemExit(f"the {name} site did not build:\n{built.output}")
    return url


def _perf(reports: list[dict]) -> str:
    perf = sorted(lighthouse.scores(r)["performance"] for r in reports)
    mid = statistics.median(perf)
    return f"{mid:.0f} ({perf[0]}-{perf[-1]})" if len(perf) > 1 else f"{mid:.0f}"


def _tbt_lcp(reports: list[dict]) -> str:
    m = [lighthouse.metrics(r) for r in reports]
    tbt = statistics.median(x["TBT"][0] for x in m)
    lcp = statistics.median(x["LCP"][0] for x in m)
    return f"{tbt:,.0f} / {lcp:,.0f}"


def _print_weights(pages: list[str], weights: dict[str, list[dict]]) -> None:
    rows = [
        [page, *(f"{weights[v][i][k]:,.0f}" for k in ("read_kb", "python_kb") for v in weights)]
        for i, page in enumerate(pages)
    ]
    header = ["page type", "KiB read, before", "after", "KiB with Python, before", "after"]
    print(table(header, rows), "\n", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="a git commit, branch or tag")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presets", default="mobile")
    parser.add_argument("--pages", default=",".join(page_weight.PAGE_TYPES))
    args = parser.parse_args()
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    presets = [p.strip() for p in args.presets.split(",") if p.strip()]
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        before_root = export(args.before, tmp)
        urls = {
            "before": served(stack, before_root, tmp, "before"),
            "after": served(stack, ROOT, tmp, "after"),
        }
        with playwright() as p, chromium(p) as browser:
            weights = {v: page_weight.run(browser, url, tuple(pages)) for v, url in urls.items()}
        _print_weights(pages, weights)  # now: the Lighthouse runs take many minutes
        reports: dict[tuple[str, str, str], list[dict]] = {}
        for _ in range(args.runs):
            for preset in presets:
                for page in pages:
                    for variant, url in urls.items():
                        rep = lighthouse.report(urljoin(url, page_weight.PAGE_TYPES[page]), preset)
                        reports.setdefault((variant, preset, page), []).append(rep)
        shutil.rmtree(before_root, ignore_errors=True)
    rows = []
    for preset in presets:
        for i, page in enumerate(pages):
            b, a = reports[("before", preset, page)], reports[("after", preset, page)]
            rows.append([
                page, preset, _perf(b), _perf(a), _tbt_lcp(b), _tbt_lcp(a),
                f"{weights['before'][i]['read_kb']:,.0f}", f"{weights['after'][i]['read_kb']:,.0f}",
            ])  # fmt: skip
    header = ["page type", "setting", "perf before (range)", "perf after (range)",
              "TBT / LCP ms before", "TBT / LCP ms after", "KiB before", "KiB after"]  # fmt: skip
    print(table(header, rows))
    print(
        f"\nBefore: {args.before}; after: this checkout. Lighthouse medians of {args.runs}"
        " interleaved runs; KiB over the wire (gzip) for a reader who only reads."
    )


if __name__ == "__main__":
    main()
