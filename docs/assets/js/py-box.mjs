// The box the reader's code runs in, set up by py-worker.mjs once Python has booted.
//
// The page's CSP governs this worker too (py-client.js starts it from a blob: URL, which
// inherits the page's policy): no request to another host, no eval. On top of that, once
// Python has booted and before any of the reader's code runs, every way out is replaced
// by a function that says why it is not there, so a reader's attempt ends in a clear
// Python error: the network (fetch, XMLHttpRequest, WebSocket, EventSource, nested
// workers, importScripts), the site's other pages (BroadcastChannel), the storage the
// site's pages use (caches, indexedDB), and close(), which would leave the page's next
// run waiting on a dead worker.
//
// A run ends when its own code ends. Whatever the code arranged to happen later is undone
// when it returns: its timers (setTimeout, setInterval, requestAnimationFrame,
// AbortSignal.timeout), its asyncio callbacks and tasks, the event listeners and handlers
// it added, the message channels it opened (a promise callback made in Python goes
// through asyncio, so it is cancelled too). Microtasks (queueMicrotask) cannot be
// cancelled, so they run before the answer is sent, inside the run's time limit: code
// that keeps the worker busy that way is stopped and blamed like any other long run.
// Errors thrown by leftovers stay in this worker and never fail a later run.

const NO_NETWORK =
  "is switched off here: code you run in the guide stays in your browser and cannot reach the network";
const NO_LATER = "is switched off here: code you run in the guide ends when its run ends";
const WAYS_OUT = {
  fetch: NO_NETWORK,
  XMLHttpRequest: NO_NETWORK,
  WebSocket: NO_NETWORK,
  WebSocketStream: NO_NETWORK,
  EventSource: NO_NETWORK,
  WebTransport: NO_NETWORK,
  Worker: NO_NETWORK,
  SharedWorker: NO_NETWORK,
  importScripts: NO_NETWORK,
  BroadcastChannel: "is switched off here: code you run in the guide cannot talk to the site's pages",
  caches: "is switched off here: code you run in the guide cannot change the site's offline copy",
  indexedDB: "is switched off here: code you run in the guide cannot change the site's stored data",
  scheduler: NO_LATER,
  close: "is switched off here: it would stop Python for the rest of the page",
};
const TIMERS = [
  ["setTimeout", "clearTimeout"],
  ["setInterval", "clearInterval"],
  ["requestAnimationFrame", "cancelAnimationFrame"],
];
const HANDLERS = ["onmessage", "onmessageerror", "onerror", "onunhandledrejection", "onrejectionhandled"];

// What the current run has left behind, as functions that undo it.
const run = { active: false, undo: [], handlers: [], plainTimeout: self.setTimeout.bind(self) };
const leave = (undo) => {
  if (run.active) run.undo.push(undo);
};
const fix = (scope, name, value) =>
  Object.defineProperty(scope, name, { value, writable: false, configurable: false });

// A function that says why it is not there; for the objects (caches, indexedDB,
// scheduler) their usual methods say the same.
function refusal(name, why) {
  const refuse = function () {
    throw new Error(`${name} ${why}.`);
  };
  Object.defineProperty(refuse, "name", { value: name });
  for (const method of ["open", "keys", "match", "has", "delete", "deleteDatabase", "databases", "postTask", "yield"]) {
    Object.defineProperty(refuse, method, { value: refuse });
  }
  return refuse;
}

// Every object on the global object's prototype chain, so `js.self.fetch`,
// `js.globalThis.fetch` and the prototypes' own copies all meet the same change.
function scopes() {
  const found = [];
  for (let o = self; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) found.push(o);
  return found;
}

function replaceEverywhere(name, value) {
  for (const scope of scopes()) {
    if (Object.getOwnPropertyDescriptor(scope, name)?.configurable || scope === self) fix(scope, name, value);
  }
}

function watchLater() {
  for (const [start, stop] of TIMERS) {
    if (typeof self[start] !== "function") continue;
    const original = self[start].bind(self);
    const clear = self[stop].bind(self);
    replaceEverywhere(start, (...args) => {
      const id = original(...args);
      leave(() => clear(id));
      return id;
    });
  }
  // Its own timer, through the setTimeout above, so the run's end clears it.
  fix(AbortSignal, "timeout", (ms) => {
    const controller = new AbortController();
    self.setTimeout(() => controller.abort(new DOMException("signal timed out", "TimeoutError")), ms);
    return controller.signal;
  });
  const Channel = self.MessageChannel;
  replaceEverywhere(
    "MessageChannel",
    class MessageChannel extends Channel {
      constructor() {
        super();
        leave(() => {
          this.port1.close();
          this.port2.close();
        });
      }
    },
  );
  const target = EventTarget.prototype;
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  fix(target, "addEventListener", function (...args) {
    leave(() => remove.apply(this, args));
    return add.apply(this, args);
  });
  for (const scope of scopes()) {
    for (const name of HANDLERS) {
      const setter = Object.getOwnPropertyDescriptor(scope, name)?.set;
      if (setter) run.handlers.push(() => setter.call(self, null));
    }
  }
}

export function lockDown(pyodide) {
  // Errors thrown by what a run left behind are the run's, not the page's next request's.
  self.addEventListener("error", (event) => event.preventDefault());
  self.addEventListener("unhandledrejection", (event) => event.preventDefault());
  for (const [name, why] of Object.entries(WAYS_OUT)) replaceEverywhere(name, refusal(name, why));
  watchLater();
  pyodide.runPython(`
import asyncio as _asyncio
import pyodide.http as _http
from pyodide.webloop import WebLoop as _WebLoop

def _refused(name):
    def refuse(*args, **kwargs):
        raise PermissionError(f"{name} ${NO_NETWORK}.")
    async def refuse_async(*args, **kwargs):
        refuse()
    return refuse, refuse_async

_http.open_url = _refused("open_url")[0]
_http.pyfetch = _refused("pyfetch")[1]

def _box():
    left, on = [], [False]
    plain = _WebLoop.call_later  # call_soon and call_at come through here too

    def call_later(self, *args, **kwargs):
        handle = plain(self, *args, **kwargs)
        if on[0]:
            left.append(handle)
        return handle

    def begin():
        on[0] = True

    def undo(final):
        while left:
            left.pop().cancel()
        try:
            tasks = _asyncio.all_tasks(_asyncio.get_event_loop())
        except RuntimeError:
            tasks = ()
        for task in tasks:
            task.cancel()
        on[0] = not final

    _WebLoop.call_later = call_later
    return begin, undo

_box_begin, _box_undo = _box()
del _http, _refused, _box, _WebLoop
`);
  run.python = { begin: pyodide.globals.get("_box_begin"), undo: pyodide.globals.get("_box_undo") };
  pyodide.runPython("del _box_begin, _box_undo");
}

export function beginRun() {
  run.active = true;
  run.python?.begin();
}

function undoAll(final) {
  const undo = run.undo.splice(0);
  for (const fn of undo.reverse()) {
    try {
      fn();
    } catch {
      /* already gone */
    }
  }
  for (const clear of run.handlers) clear();
  try {
    run.python?.undo(final);
  } catch {
    /* the reader's code broke asyncio; nothing of it can run */
  }
}

// The run's own code has returned. Undo what it left, let the microtasks it queued run (the answer waits for them, so they count against the time limit), then
// undo what those left.
export async function endRun() {
  undoAll(false);
  await new Promise((resolve) => run.plainTimeout(resolve, 0));
  undoAll(true);
  run.active = false;
}
