"""Time from navigation to the first quiz item being answerable, against a bare page that
only boots Pyodide in a worker; interleaved runs in one browser, cold cache each run."""

from __future__ import annotations

import statistics
from urllib.parse import urljoin

from benchmarks import quiz_breakdown
from benchmarks.browser import first_item_at, new_context

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


def quiz_once(context, url: str) -> dict:
    """`ready`: seconds from navigation start to the first answerable item; `boot`: the
    longest main-thread task after the page's load event while Python boots; `theme`: the
    longest task during page load (where Material's bundle initialises in one task on every
    page, quiz or not); `events`: where the time went (benchmarks/quiz_breakdown.py)."""
    context.add_init_script(quiz_breakdown.WORKER_LOG)
    page = context.new_page()
    page.goto(urljoin(url, QUIZ_PAGE), wait_until="commit")
    # [data-bound]: before quiz.js binds the form, a click submits it as a plain HTML form
    # and reloads the page (on a warm repeat visit the button is there that early).
    page.locator(".mlw-quiz[data-bound] form button[type=submit]").click(timeout=TIMEOUT)
    ready = first_item_at(page, TIMEOUT) * 1000
    tasks = page.evaluate("window.__longTasks")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    events = quiz_breakdown.sample(page, ready)
    page.close()
    theme = max((d for s, d in tasks if s < loaded), default=0.0)
    boot = max((d for s, d in tasks if s >= loaded), default=0.0)
    return {"ready": ready / 1000, "boot": boot, "theme": theme, "events": events}


def run(browser, url: str, rounds: int = 5) -> dict:
    bare, visits = [], []
    for _ in range(rounds):
        bare.append(_bare(browser, url))
        context = new_context(browser)
        try:
            visits.append(quiz_once(context, url))
        finally:
            context.close()
    b, q = statistics.median(bare), statistics.median(v["ready"] for v in visits)
    return {
        "bare_s": b,
        "quiz_s": q,
        "ratio": q / b,
        "longest_task_ms": max(v["boot"] for v in visits),
        "load_task_ms": statistics.median(v["theme"] for v in visits),
        "breakdown": quiz_breakdown.median([v["events"] for v in visits]),
        "rounds": rounds,
    }


def second_visit(browser, url: str, rounds: int = 5) -> float:
    """Median quiz-ready time on a repeat visit: same browser profile, caches warm."""
    context = new_context(browser)
    try:
        quiz_once(context, url)  # the first visit fills the HTTP cache and service worker
        times = [quiz_once(context, url)["ready"] for _ in range(rounds)]
    finally:
        context.close()
    return statistics.median(times)
