"""Where a first visit's quiz-ready time goes (issue #20: "about 1.5 s goes to our own
wheels, the bank and the page around the boot: find it").

Two sources, on one clock (milliseconds from the page's navigation start):
- the page's side, recorded by an init script that wraps `Worker`: when the page started
  the Python worker, and when each request to it was sent and answered (the boot, then
  the engine calls before the first quiz item is drawn);
- the worker's own marks (py-worker.mjs's boot result `timings`, counted from `clock`,
  the epoch time its boot began): the runtime module imported, loadPyodide done, the
  wheels fetched and installed, the engine imported, the bank fetched and loaded.
"""

from __future__ import annotations

import statistics

# Every message to and from a worker is a JSON string (py-worker.mjs); a bare page's are
# not, and are skipped.
WORKER_LOG = """
(() => {
  if (window.__pyLog) return; // added once per visit, however often the context added it
  window.__pyLog = [];
  const Native = window.Worker;
  if (!Native) return;
  const log = (entry) => window.__pyLog.push(entry);
  // The first item's options, the moment they are in the document (the bench's own
  // `ready` comes a poll later).
  new MutationObserver((_, observer) => {
    if (!document.querySelector(".mlw-options input")) return;
    log({ kind: "drawn", at: performance.now() });
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
  const parse = (data) => { try { return JSON.parse(data); } catch { return null; } };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      log({ kind: "spawn", at: performance.now() });
      this.addEventListener("message", (event) => {
        const m = parse(event.data);
        if (m && m.id !== undefined) log({ kind: "answer", id: m.id, at: performance.now() });
      });
    }
    postMessage(data, ...rest) {
      const m = parse(data);
      const name = m?.op === "call" ? m.name : m?.op;
      if (m) log({ kind: "send", id: m.id, name, at: performance.now() });
      return super.postMessage(data, ...rest);
    }
  };
})();
"""

# The worker's marks, in the order a plain boot passes them, with what each ends.
WORKER_MARKS = (
    ("module", "runtime module (pyodide.mjs) imported"),
    ("wheels_fetched", "engine wheels fetched and unzipped (in parallel with the runtime)"),
    ("pyodide", "runtime fetched and compiled, loadPyodide done"),
    ("wheels", "wheels installed by loadPackage (before #20; now while loadPyodide runs)"),
    ("import", "engine imported (practice_engine.api)"),
    ("bank_fetched", "bank fetched (in parallel)"),
    ("bank", "bank loaded (load_bank)"),
    ("box", "the box set up for the reader's code (py-box.mjs lockDown)"),
)


def sample(page, ready_ms: float) -> dict[str, float]:
    """One visit's events, ms from navigation start, by name; `ready_ms` is when the first
    item was answerable."""
    log = page.evaluate("window.__pyLog")
    origin = page.evaluate("performance.timeOrigin")
    info = page.evaluate("MLGuide.py._readyValue") or {}
    out: dict[str, float] = {}
    spawns = [e["at"] for e in log if e["kind"] == "spawn"]
    if spawns:
        out["worker started by the page"] = spawns[0]
    answers = {e["id"]: e["at"] for e in log if e["kind"] == "answer"}
    sends = [e for e in log if e["kind"] == "send"]
    if "clock" in info:
        begun = info["clock"]["boot"] - origin
        out["boot begun in the worker (its script loaded)"] = begun
        for key, label in WORKER_MARKS:
            if key in info.get("timings", {}):
                out[label] = begun + info["timings"][key]
    seen: dict[str, int] = {}
    for e in sends:
        if e["id"] not in answers or e["at"] > ready_ms:
            continue
        n = seen[e["name"]] = seen.get(e["name"], 0) + 1
        name = e["name"] if n == 1 else f"{e['name']} ({n})"
        out[f"{name}: sent"] = e["at"]
        out[f"{name}: answered"] = answers[e["id"]]
    drawn = [e["at"] for e in log if e["kind"] == "drawn"]
    if drawn:
        out["first item in the document"] = drawn[0]
    out["first item answerable (the frame after it is drawn)"] = ready_ms
    return out


def median(samples: list[dict[str, float]]) -> list[tuple[str, float]]:
    """(event, median ms) for the events every sample has, in time order."""
    names = set.intersection(*(set(s) for s in samples)) if samples else set()
    rows = [(n, statistics.median(s[n] for s in samples)) for n in names]
    return sorted(rows, key=lambda r: r[1])


def rows(events: list[tuple[str, float]], bare_s: float) -> list[list[str]]:
    """Table rows: event, seconds from navigation, seconds since the event before it."""
    out = []
    before = 0.0
    for name, ms in events:
        out.append([name, f"{ms / 1000:.2f} s", f"+{(ms - before) / 1000:.2f}"])
        before = ms
    out.append(["(bare Pyodide boot in a worker, same run)", f"{bare_s:.2f} s", ""])
    return out
