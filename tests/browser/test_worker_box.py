"""The box the reader's code runs in (py-box.mjs, py-worker.mjs, py-client.js), in a real
browser with the real Pyodide: every way out ends in a clear Python error, nothing a run
leaves behind runs after it, and the next innocent run after any hostile one works and
is not blamed for what came before. The page fixture also fails a test in which any
request left for another host. How fast Python is runnable after a time-out is timed in
`make bench` (benchmarks/recovery.py), not here."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.page_types_exercises import (
    BOOT_TIMEOUT,
    EXAMPLE_PATH,
    PRINTED,
    press,
    spare_ready,
    type_code,
    wait_for_editor,
)

pytestmark = pytest.mark.browser
STOPPED = "Your code ran for more than 5 seconds and was stopped; Python was restarted."
BLAMED = "more than 5 seconds"
NETWORK = "cannot reach the network"
INNOCENT = "print(6 * 7)\n"

# What a reader's code might try, and the words its error must contain. Each of these
# reached the network layer or closed the worker before the box.
WAYS_OUT = {
    "open_url": ("from pyodide.http import open_url\nopen_url('https://example.com/')", NETWORK),
    "pyfetch": (  # the coroutine's first step is where it fetches
        "from pyodide.http import pyfetch\npyfetch('https://example.com/').send(None)",
        NETWORK,
    ),
    "js.fetch": ("import js\njs.fetch('https://example.com/')", NETWORK),
    "js.self.fetch": ("import js\njs.self.fetch('https://example.com/')", NETWORK),
    "globalThis-prototype": (
        "import js\njs.Object.getPrototypeOf(js.globalThis).fetch('https://example.com/')",
        NETWORK,
    ),
    "XMLHttpRequest": ("import js\njs.XMLHttpRequest.new()", NETWORK),
    "WebSocket": ("import js\njs.WebSocket.new('wss://example.com/')", NETWORK),
    "EventSource": ("import js\njs.EventSource.new('https://example.com/')", NETWORK),
    "importScripts": ("import js\njs.importScripts('https://example.com/x.js')", NETWORK),
    "eval-import": ("import js\njs.eval(\"import('https://example.com/x.js')\")", "EvalError"),
    "BroadcastChannel": ("import js\njs.BroadcastChannel.new('mlguide')", "cannot talk"),
    "scheduler": ("import js\njs.scheduler.postTask(js.Object)", "ends when its run ends"),
    "close": ("import js\njs.close()", "it would stop Python"),
    "self.close": ("import js\njs.self.close()", "it would stop Python"),
}

# Work a run arranges for later, each marking the worker when it runs. Before the box,
# every one of these ran after its run had answered (the timers and asyncio ones also
# into the next run).
MARK = "__import__('js').self.__setattr__('leak', {!r})"
PRELUDE = "import asyncio, js\nfrom pyodide.ffi import create_proxy\n"
LATER = {
    "setTimeout": "js.setTimeout(create_proxy(lambda: {mark}), 0)",
    "setInterval": "js.setInterval(create_proxy(lambda: {mark}), 0)",
    "requestAnimationFrame": "js.requestAnimationFrame(create_proxy(lambda t: {mark}))",
    "AbortSignal.timeout": (
        "js.AbortSignal.timeout(0).addEventListener('abort', create_proxy(lambda e: {mark}))"
    ),
    "MessageChannel": (
        "c = js.MessageChannel.new()\n"
        "c.port1.onmessage = create_proxy(lambda e: {mark})\nc.port2.postMessage(1)"
    ),
    "call_soon": "asyncio.get_event_loop().call_soon(lambda: {mark})",
    "call_later": "asyncio.get_event_loop().call_later(0, lambda: {mark})",
    "task": "async def f():\n    await asyncio.sleep(0)\n    {mark}\nasyncio.ensure_future(f())",
    "onmessage": "js.self.onmessage = create_proxy(lambda e: {mark})",
    "message-listener": "js.self.addEventListener('message', create_proxy(lambda e: {mark}))",
    "promise-then": "js.Promise.resolve(1).then(create_proxy(lambda *a: {mark}))",
}
LEAK_CHECK = "import js\nprint('leak:', getattr(js.self, 'leak', 'none'))\n"
# Run calls the exercise's function on its examples; a run that defines it (with wrong
# answers) goes all the way through the examples, as a reader's run does.
STUB = "\ndef precision_recall_f1(y_true, y_pred):\n    return (0.0, 0.0, 0.0)\n"


def open_with_spare(page, site_url: str) -> None:
    page.goto(urljoin(site_url, EXAMPLE_PATH))
    wait_for_editor(page)
    spare_ready(page)


def output(page) -> str:
    return page.locator(".mlw-exercise__output").inner_text()


def run_and_wait(page, code: str) -> str:
    """Run `code` and wait for the output area to say how the run went."""
    type_code(page, code)
    press(page, "run")
    summary = page.locator(".mlw-exercise__output .mlw-exercise__summary")
    summary.wait_for(timeout=BOOT_TIMEOUT)
    return output(page)


def finished_and_printed(page, text: str, printed: str) -> None:
    """The run went through the examples (no error, no time-out) and printed `printed`."""
    assert "gives the expected answer on 0 of" in text and STOPPED not in text, text
    # first what the reader's code printed, then the examples' transcript
    assert page.locator(PRINTED).inner_text().splitlines()[0] == printed


def worker_answered_since(page) -> None:
    """The worker has answered the page's ping after the last run: its event loop came
    free, so anything left queued at 0 ms has had its turn before this returns."""
    page.wait_for_function("() => MLGuide.py.pending.size === 0", timeout=BOOT_TIMEOUT)


def next_run_works(page) -> None:
    type_code(page, INNOCENT)
    press(page, "run")
    page.locator(".mlw-exercise__output pre", has_text="42").wait_for(timeout=BOOT_TIMEOUT)
    assert BLAMED not in output(page)


@pytest.mark.parametrize("name", list(WAYS_OUT))
def test_a_way_out_is_a_clear_error_and_the_next_run_works(page, site_url: str, name) -> None:
    code, words = WAYS_OUT[name]
    open_with_spare(page, site_url)
    text = run_and_wait(page, code)
    assert words in text, text
    next_run_works(page)
    # The refusal came from the box, not from a worker that was lost and replaced.
    assert page.evaluate("MLGuide.py.worker === window.__worker")


@pytest.mark.parametrize("name", list(LATER))
def test_nothing_a_run_leaves_behind_runs_after_it(page, site_url: str, name) -> None:
    code = PRELUDE + LATER[name].format(mark=MARK.format(name)) + "\nprint('left')\n" + STUB
    open_with_spare(page, site_url)
    text = run_and_wait(page, code)
    finished_and_printed(page, text, "left")
    worker_answered_since(page)
    text = run_and_wait(page, LEAK_CHECK)
    assert "leak: none" in text, text
    assert page.evaluate("MLGuide.py.worker === window.__worker")  # no restart needed


def test_a_setinterval_loop_does_not_slow_or_blame_the_next_run(page, site_url: str) -> None:
    """A busy loop queued with setInterval used to hold the worker after its run, so the
    next run hung and was reported as too long."""
    busy = "js.setInterval(create_proxy(lambda: [0 for _ in iter(int, 1)]), 0)"
    open_with_spare(page, site_url)
    text = run_and_wait(page, PRELUDE + busy + "\nprint('set')\n" + STUB)
    finished_and_printed(page, text, "set")
    next_run_works(page)
    assert page.evaluate("MLGuide.py.worker === window.__worker")


def test_a_microtask_counts_against_its_own_run(page, site_url: str) -> None:
    """A microtask cannot be cancelled: it runs before the run answers, so a busy one is
    stopped as this run's own, and the next run is not blamed for it."""
    busy = "js.queueMicrotask(create_proxy(lambda: [0 for _ in iter(int, 1)]))"
    open_with_spare(page, site_url)
    text = run_and_wait(page, PRELUDE + busy + "\nprint('set')\n" + STUB)
    assert STOPPED in text, text
    next_run_works(page)
    assert page.evaluate("MLGuide.py.worker === window.__spare")


def test_a_worker_that_died_silently_is_replaced_and_the_run_replayed(page, site_url: str) -> None:
    """A worker that is gone without a word (as after `close()`, before the box) is
    noticed when it does not start the run, and the run goes to the spare."""
    open_with_spare(page, site_url)
    page.evaluate("MLGuide.py.worker.terminate()")
    next_run_works(page)
    assert page.evaluate("MLGuide.py.worker === window.__spare")


def test_a_worker_left_busy_is_replaced_and_the_run_replayed(page, site_url: str) -> None:
    """A worker still busy with earlier work that has no time limit does not start the
    reader's run; the run goes to the spare instead of waiting and being blamed."""
    open_with_spare(page, site_url)
    page.evaluate(
        "() => { MLGuide.py.call('run_code', { code: 'while True: pass' }).catch(() => {}); }"
    )
    page.wait_for_function("() => MLGuide.py.pending.size === 1")
    next_run_works(page)
    assert page.evaluate("MLGuide.py.worker === window.__spare")
