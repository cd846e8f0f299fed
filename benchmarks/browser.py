"""Headless Chromium for benchmarks, with a long-task recorder injected into every page.

One Playwright per process: Playwright's sync API runs its own asyncio loop, so a second
`sync_playwright()` started while the first is open fails ("using Playwright Sync API
inside the asyncio loop"). `make bench` opens one and hands it to every section."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from devtools.chromium import LAUNCH_ARGS, ensure

LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""


@contextmanager
def playwright() -> Iterator:
    """The process's one Playwright (sync API)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@contextmanager
def chromium(p) -> Iterator:
    """A headless system Chromium launched by the Playwright `p`."""
    browser = p.chromium.launch(executable_path=ensure(), args=LAUNCH_ARGS, headless=True)
    try:
        yield browser
    finally:
        browser.close()


def new_context(browser):
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    return context
