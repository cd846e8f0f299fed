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

# When the quiz's first item can be answered: the first frame after an enabled option of it
# is in the document, recorded by the page itself, as the bare page records its boot.
# Playwright's own waits poll at up to 500 ms intervals once the first tries fail, which
# added 0.1-0.5 s to every quiz-ready figure and nothing to the bare boot's.
FIRST_ITEM = """
new MutationObserver((_, observer) => {
  const input = document.querySelector(".mlw-options input:not(:disabled)");
  if (!input || window.__firstItemAt !== undefined) return;
  observer.disconnect();
  window.__firstItemAt = null; // found; the time comes with the next frame
  requestAnimationFrame(() => { window.__firstItemAt = performance.now(); });
}).observe(document, { childList: true, subtree: true, attributes: true });
"""
READY = "() => typeof window.__firstItemAt === 'number'"


def first_item_at(page, timeout_ms: float) -> float:
    """Seconds from navigation to the first answerable quiz item (FIRST_ITEM), waited for
    on every frame, not at Playwright's poll intervals."""
    page.wait_for_function(READY, polling="raf", timeout=timeout_ms)
    return page.evaluate("window.__firstItemAt") / 1000


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
    context.add_init_script(FIRST_ITEM)
    return context
