"""Headless Chromium for benchmarks, with a long-task recorder injected into every page."""

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
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ensure(), args=LAUNCH_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def new_context(browser):
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    return context
