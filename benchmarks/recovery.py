"""How soon Python is runnable again after a run is stopped for its time limit: from the
moment the page has the stop (the widget shows "was stopped" in that same task) to the
answer of the next trivial run, `print(1 + 1)`. On exercise pages a spare worker, booted
when the page is idle, takes over at once; without one (any other page), the same stop
waits for a new boot: a plain one until the page has kept the memory snapshot, then a
restore from it."""

from __future__ import annotations

import statistics
from urllib.parse import urljoin

from benchmarks.browser import new_context
from devtools.pages import eventually

TARGET_S = 1.5
STOP_THEN_RUN = """async () => {
  const { py } = MLGuide;
  const limit = { timeoutMs: 1000 };
  try {
    await py.call("run_code", { code: "while True: pass" }, limit);
  } catch (error) {
    if (error.name !== "PyTimeoutError") throw error;
  }
  const stopped = performance.now();
  const again = await py.call("run_code", { code: "print(1 + 1)" }, { timeoutMs: 30000 });
  if (again.output !== "2\\n") throw new Error(JSON.stringify(again));
  return (performance.now() - stopped) / 1000;
}"""
SPARE_READY = "() => MLGuide.py.spare && MLGuide.py.spare.booted.then((info) => !!info)"
KEPT = "async () => (await MLGuide.py.snapshotKept)?.kept === true"
RESTORED = "() => MLGuide.py._readyValue.boot"


def _once(browser, url: str, spare: bool = False, kept: bool = False) -> float:
    """Seconds from the stop to the next run's answer. With `kept`, the page has kept the
    snapshot first, so the fresh worker restores from it (checked)."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate("MLGuide.py.start()")
        if spare:
            page.wait_for_function("() => MLGuide.py.spare", timeout=120_000)
            assert page.evaluate(SPARE_READY)
        if kept:
            eventually(page, KEPT, timeout_s=120)
        seconds = page.evaluate(STOP_THEN_RUN)
        boot = page.evaluate(RESTORED)
        if boot != ("snapshot" if kept else "plain"):
            raise RuntimeError(f"the fresh worker booted {boot!r} (kept={kept})")
        return seconds
    finally:
        context.close()


def run(browser, base: str, reps: int = 3) -> dict:
    exercise, quiz = urljoin(base, "exercises/stable-softmax/"), urljoin(base, "drill/quiz/")
    with_spare = [_once(browser, exercise, spare=True) for _ in range(reps)]
    restored = [_once(browser, quiz, kept=True) for _ in range(reps)]
    without = [_once(browser, quiz) for _ in range(reps)]
    return {
        "spare_s": statistics.median(with_spare),
        "spare_all": with_spare,
        "snapshot_s": statistics.median(restored),
        "snapshot_all": restored,
        "boot_s": statistics.median(without),
        "reps": reps,
    }
