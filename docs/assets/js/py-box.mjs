// The box the reader's code runs in, set up by py-worker.mjs once Python has booted.
//
// The page's CSP governs this worker too (py-client.js starts it from a blob: URL, which
// inherits the page's policy): no request to another host, no eval. On top of that, once
// Python has booted and before any of the reader's code runs, every way out is replaced
// by a function that says why it is not there, so a reader's attempt ends in a clear
// Python error: the network (fetch, XMLHttpRequest, WebSocket, EventSource, nested
// workers, importScripts), the storage the site's pages use (caches, indexedDB), and
// close(), which would leave the page's next run waiting on a dead worker. Timers the
// reader's code starts are cleared when its run ends, and its asyncio tasks cancelled.

const NO_NETWORK =
  "is switched off here: code you run in the guide stays in your browser and cannot reach the network";
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
  caches: "is switched off here: code you run in the guide cannot change the site's offline copy",
  indexedDB: "is switched off here: code you run in the guide cannot change the site's stored data",
  close: "is switched off here: it would stop Python for the rest of the page",
};

// A function that says why it is not there; for the objects (caches, indexedDB) their
// usual methods say the same.
function refusal(name, why) {
  const refuse = function () {
    throw new Error(`${name} ${why}.`);
  };
  Object.defineProperty(refuse, "name", { value: name });
  for (const method of ["open", "keys", "match", "has", "delete", "deleteDatabase", "databases"]) {
    Object.defineProperty(refuse, method, { value: refuse });
  }
  return refuse;
}

// Every object on the global object's prototype chain, so `js.self.fetch`,
// `js.globalThis.fetch` and the prototypes' own copies all meet the same refusal.
function scopes() {
  const found = [];
  for (let o = self; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) found.push(o);
  return found;
}

export function lockDown(pyodide) {
  for (const [name, why] of Object.entries(WAYS_OUT)) {
    const stand = refusal(name, why);
    for (const scope of scopes()) {
      const own = Object.getOwnPropertyDescriptor(scope, name);
      if (own?.configurable || scope === self) {
        Object.defineProperty(scope, name, { value: stand, writable: false, configurable: false });
      }
    }
  }
  pyodide.runPython(`
import pyodide.http as _http

def _refused(name):
    def refuse(*args, **kwargs):
        raise PermissionError(f"{name} ${NO_NETWORK}.")
    async def refuse_async(*args, **kwargs):
        refuse()
    return refuse, refuse_async

_http.open_url = _refused("open_url")[0]
_http.pyfetch = _refused("pyfetch")[1]
del _http, _refused
`);
}

// Timers started while the reader's code runs are cleared when the run ends: a run ends
// when its own code ends, and nothing it scheduled can fire into the next one.
export const runTimers = { active: false, ids: new Set() };
export function watchTimers() {
  for (const [start, stop] of [["setTimeout", "clearTimeout"], ["setInterval", "clearInterval"]]) {
    const original = self[start].bind(self);
    const clear = self[stop].bind(self);
    const wrapped = (...args) => {
      const id = original(...args);
      if (runTimers.active) runTimers.ids.add(id);
      return id;
    };
    for (const scope of scopes()) {
      if (Object.getOwnPropertyDescriptor(scope, start)?.configurable || scope === self) {
        Object.defineProperty(scope, start, { value: wrapped, writable: false, configurable: false });
      }
    }
    runTimers[stop] = clear;
  }
}

export function endRun(pyodide) {
  runTimers.active = false;
  for (const id of runTimers.ids) {
    runTimers.clearTimeout(id);
    runTimers.clearInterval(id);
  }
  runTimers.ids.clear();
  try {
    pyodide.runPython(`
import asyncio as _asyncio
try:
    for _task in _asyncio.all_tasks(_asyncio.get_event_loop()):
        _task.cancel()
except RuntimeError:
    pass
del _asyncio
`);
  } catch {
    /* nothing scheduled */
  }
}
