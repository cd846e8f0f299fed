"""Time from navigation to the first quiz item being answerable, against a bare page that
only boots Pyodide in a worker; interleaved runs in one browser, cold cache each run."""

from __future__ import annotations

import statistics
from urllib.parse import urljoin

from benchmarks.browser import new_context

QUIZ_PAGE = "drill/quiz/"
TIMEOUT = 120_000


def _bare(browser, url: str) -> float:
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(urljoin(url, "bench-bare/"))
        page.wait_for_function("window.__ready !== undefined", timeout=TIMEOUT)
        return page.evaluate("window.__ready") / 1000
    finally:
        context.close()


def quiz_once(context, url: str) -> tuple[float, float, float]:
    """Seconds from navigation start to the first answerable item; the longest main-thread
    task after the page's load event while Python boots; and the longest task during page
    load (where Material's bundle initialises in one task on every page, quiz or not)."""
    page = context.new_page()
    page.goto(urljoin(url, QUIZ_PAGE), wait_until="commit")
    # [data-bound]: before quiz.js binds the form, a click submits it as a plain HTML form
    # and reloads the page (on a warm repeat visit the button is there that early).
    page.locator(".mlw-quiz[data-bound] form button[type=submit]").click(timeout=TIMEOUT)
    page.locator(".mlw-options input").first.wait_for(timeout=TIMEOUT)
    ready = page.evaluate("performance.now()") / 1000
    tasks = page.evaluate("window.__longTasks")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.close()
    theme = max((d for s, d in tasks if s < loaded), default=0.0)
    boot = max((d for s, d in tasks if s >= loaded), default=0.0)
    return ready, boot, theme


def run(browser, url: str, rounds: int = 5) -> dict:
    bare, quiz, longest, theme = [], [], [], []
    for _ in range(rounds):
        bare.append(_bare(browser, url))
        context = new_context(browser)
        try:
            ready, worst, theme_task = quiz_once(context, url)
        finally:
            context.close()
        quiz.append(ready)
        longest.append(worst)
        theme.append(theme_task)
    b, q = statistics.median(bare), statistics.median(quiz)
    return {
        "bare_s": b,
        "quiz_s": q,
        "ratio": q / b,
        "longest_task_ms": max(longest),
        "load_task_ms": statistics.median(theme),
        "rounds": rounds,
    }


def second_visit(browser, url: str, rounds: int = 5) -> float:
    """Median quiz-ready time on a repeat visit: same browser profile, caches warm."""
    context = new_context(browser)
    try:
        quiz_once(context, url)  # the first visit fills the HTTP cache and service worker
        times = [quiz_once(context, url)[0] for _ in range(rounds)]
    finally:
        context.close()
    return statistics.median(times)
