"""`make screenshots`: the whole product at a glance, for a reviewer.

Builds the site, serves it on a sub-path as GitHub Pages would, and photographs every view
and widget state the accessibility checks know (tests/browser/page_types.py, one list for
both) on a phone and a desktop, in the light and the dark palette. Writes the PNGs and an
index page that lays them out side by side into build/screenshots/ (or --out).

    python -m devtools.screenshots [--out DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import html
import importlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from devtools.chromium import LAUNCH_ARGS, find
from devtools.server import serve
from devtools.site import ROOT, build

VIEWPORTS = {"phone": (360, 740), "desktop": (1280, 900)}
SCHEMES = ("light", "dark")
TIMEOUT = 120_000

Setup = Callable[[object], None] | None


def registry() -> Any:
    """The browser tests' list of views and states (tests/browser/page_types.py), read at
    run time: one list for the accessibility checks and the gallery. (Imported by name so
    the type check of devtools does not take in the untyped test helpers.)"""
    return importlib.import_module("tests.browser.page_types")


def shots(page_types: dict[str, tuple[str, Setup]]) -> list[tuple[str, str, str]]:
    """(view, viewport, scheme) for every picture, in the gallery's order."""
    return [(v, vp, s) for v in page_types for vp in VIEWPORTS for s in SCHEMES]


def file_name(view: str, viewport: str, scheme: str) -> str:
    return f"{view}--{viewport}--{scheme}.png"


def take(browser: Any, url: str, view: str, entry: tuple[str, Setup], out: Path) -> list[str]:
    """Every picture of one view; returns the files that could not be taken, with why."""
    path, setup = entry
    failed = []
    for viewport, (width, height) in VIEWPORTS.items():
        for scheme in SCHEMES:
            context = browser.new_context(
                color_scheme=scheme,
                viewport={"width": width, "height": height},
                service_workers="block",
                reduced_motion="reduce",
            )
            context.set_default_timeout(TIMEOUT)
            try:
                page = context.new_page()
                page.goto(urljoin(url, path))
                page.wait_for_function(registry().SETTLED, timeout=TIMEOUT)
                if setup:
                    setup(page)
                name = file_name(view, viewport, scheme)
                page.screenshot(path=str(out / name), full_page=viewport == "desktop")
            except Exception as error:  # one broken state must not lose the others
                failed.append(f"{view} {viewport} {scheme}: {error}".splitlines()[0])
            finally:
                context.close()
    return failed


def index_page(views: list[str], out: Path) -> str:
    """A static page: one row per view, its four pictures side by side, each linked."""
    rows = []
    for view in views:
        cells = []
        for viewport in VIEWPORTS:
            for scheme in SCHEMES:
                name = file_name(view, viewport, scheme)
                label = html.escape(f"{view}, {viewport}, {scheme}")
                if (out / name).exists():
                    src = html.escape(name)
                    cells.append(
                        f'<figure><a href="{src}"><img src="{src}" alt="{label}" loading="lazy">'
                        f"</a><figcaption>{viewport}, {scheme}</figcaption></figure>"
                    )
                else:
                    cells.append(f"<figure><p>missing</p><figcaption>{label}</figcaption></figure>")
        title = html.escape(view)
        rows.append(f'<section><h2 id="{title}">{title}</h2>{"".join(cells)}</section>')
    nav = " · ".join(f'<a href="#{html.escape(v)}">{html.escape(v)}</a>' for v in views)
    style = (
        "body{font:16px system-ui,sans-serif;margin:1rem}section{display:flex;flex-wrap:wrap;"
        "gap:1rem;align-items:flex-start;border-top:1px solid #ccc}h2{width:100%}"
        "figure{margin:0}img{max-width:320px;max-height:480px;border:1px solid #999;"
        "object-fit:cover;object-position:top}"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Screenshots</title><style>{style}</style></head><body>"
        f"<h1>Every view and widget state</h1><p>{nav}</p>{''.join(rows)}</body></html>\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--only", nargs="*", help="view names (default: all)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    page_types = registry().PAGE_TYPES
    views = {k: v for k, v in page_types.items() if not args.only or k in args.only}
    if not views:
        parser.error(f"no such view; views are: {', '.join(page_types)}")
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = find()
    if chromium is None:
        print("no Chromium found (see devtools/chromium.py)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder, serve(Path(folder)) as url:
        built = build(Path(folder), url)
        if not built.ok:
            print(built.output, file=sys.stderr)
            return 1
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            failed = [f for v, e in views.items() for f in take(browser, url, v, e, args.out)]
            browser.close()
    (args.out / "index.html").write_text(index_page(list(views), args.out), encoding="utf-8")
    print(f"{len(shots(views)) - len(failed)} screenshots in {args.out}/index.html")
    for line in failed:
        print(f"not taken: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
