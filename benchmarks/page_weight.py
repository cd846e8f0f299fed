"""Bytes over the wire (gzip, as GitHub Pages serves them) per page type, for a reader who
only reads and for one who starts Python on that page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from benchmarks.browser import new_context

PAGE_TYPES = {
    "home": "",
    "track page": "tracks/fundamentals/",
    "question index": "questions/",
    "practice problem": "problems/worked/",
    "framework": "frameworks/problem/",
    "quiz page": "drill/quiz/",
    "flashcards": "drill/flashcards/",
    "exercise": "exercises/",
}


def _settle(page, sizes: list[int], quiet_ms: int = 1500) -> None:
    """Wait until no request has finished for `quiet_ms`. "networkidle" alone (500 ms)
    can come before the theme's search worker asks for its 0.8 MB index on a busy machine,
    which once made a track page weigh 78 KiB instead of 1,079."""
    seen = -1
    while seen != len(sizes):
        seen = len(sizes)
        page.wait_for_timeout(quiet_ms)
        page.wait_for_load_state("networkidle")


def _start_python(page) -> None:
    page.evaluate("MLGuide.py.start()")
    page.wait_for_load_state("networkidle")


def transferred(browser, url: str, act: Callable[[Any], None] | None = None) -> int:
    """Bytes a first visit to `url` moves, and with `act(page)` done once it has loaded
    (start Python, use search: benchmarks/growth.py)."""
    context = new_context(browser)
    sizes: list[int] = []

    def on_finished(request) -> None:
        s = request.sizes()
        sizes.append(s["responseBodySize"] + s["responseHeadersSize"])

    try:
        page = context.new_page()
        page.on("requestfinished", on_finished)
        page.goto(url, wait_until="networkidle")
        _settle(page, sizes)
        if act is not None:
            act(page)
            _settle(page, sizes)
        return sum(sizes)
    finally:
        context.close()


def _transferred(browser, url: str, start_python: bool) -> int:
    return transferred(browser, url, _start_python if start_python else None)


def run(browser, base: str, pages: tuple[str, ...] = tuple(PAGE_TYPES)) -> list[dict]:
    """Per page type in `pages` (names from PAGE_TYPES): KiB read, and with Python."""
    rows = []
    for name in pages:
        path = PAGE_TYPES[name]
        url = urljoin(base, path)
        rows.append({
            "page": name,
            "read_kb": _transferred(browser, url, False) / 1024,
            "python_kb": _transferred(browser, url, True) / 1024,
        })  # fmt: skip
    return rows
