// The Python worker: boots Pyodide from the site's own files, loads the bank, and answers
// JSON requests. Every message in and out is a JSON string.
//
//   in:  {"id": 1, "op": "boot", "skipSnapshot": "why"?} | {"id": 2, "op": "call", "name": "view", "args": {...}}
//   out: {"id": 1, "ok": true, "result": {..., "boot": "snapshot" | "plain", "fallback_reason": ...}}
//        {"id": 1, "ok": false, "error": "..."}
//        {"type": "progress", "loaded": n, "total": n}
//        {"type": "alive", "phase": "snapshot" | "plain"}   about every second while booting
//
// Two ways to boot. When the manifest lists a memory snapshot (made at build time by
// macros/snapshot.py), the worker restores Python from it with the engine already
// imported; otherwise, or when the snapshot is missing, altered, for another runtime or
// fails to restore, it boots plainly and installs the engine wheels. The reader sees no
// difference but the speed; the boot result says which way was taken, and why.
//
// A damaged snapshot can hang the wasm inside the restore, where no timer of this worker
// ever fires again. So only bytes with the published length and SHA-256 are restored, and
// the "alive" messages let the page notice a stuck restore and start a fresh worker
// with `skipSnapshot` (py-client.js).

const siteRoot = new URL("../../", import.meta.url);
const manifestURL = new URL("assets/quiz/runtime.json", siteRoot);
const ALIVE_MS = 1000;

let dispatch = null;
let booting = null;
let python = null;

// Kept from the start: the reader's code may replace self.postMessage, not this.
const postMessage = self.postMessage.bind(self);
const post = (message) => postMessage(JSON.stringify(message));
const abs = (rel) => new URL(rel, siteRoot).href;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// Count the bytes of everything Pyodide fetches, so the page can show real progress. The
// counting reads a clone: the original response goes to Pyodide untouched, so the browser
// still compiles the wasm while it streams in (a wrapped body would cost ~0.7 s here).
// `expect` names the files this boot still needs; a file fetched again (the plain boot
// after a failed restore) counts once, and bytes of a file given up on (an abandoned
// snapshot) stay in both the count and the total, since they were downloaded.
function byteMeter() {
  const plainFetch = self.fetch.bind(self);
  const expected = new Map();
  const seen = new Map();
  let lastPost = 0;
  const totals = () => {
    let loaded = 0;
    let total = sum([...expected.values()]);
    for (const [url, n] of seen) {
      loaded += expected.has(url) ? Math.min(n, expected.get(url)) : n;
      if (!expected.has(url)) total += n;
    }
    return { loaded, total };
  };
  const report = (force) => {
    const now = Date.now();
    if (force || now - lastPost > 80) {
      lastPost = now;
      post({ type: "progress", ...totals() });
    }
  };
  const count = async (url, body) => {
    const reader = body.getReader();
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.byteLength;
      seen.set(url, Math.max(seen.get(url) ?? 0, n));
      report(false);
    }
    report(true);
  };
  const fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    const url = new URL(input.url ?? input, siteRoot).href;
    if (response.ok && response.body) count(url, response.clone().body).catch(() => {});
    return response;
  };
  self.fetch = fetch;
  return {
    fetch,
    plainFetch,
    expect(files) {
      expected.clear();
      for (const [url, bytes] of files) expected.set(url, bytes);
      report(true);
    },
    done() {
      const { total } = totals();
      post({ type: "progress", loaded: total, total });
    },
  };
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function inflate(bytes, encoding) {
  if (encoding === "identity") return bytes;
  if (encoding !== "gzip") throw new Error(`snapshot encoding ${encoding} is not supported`);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

// The snapshot's bytes, only if they are exactly the ones the build published. The hash
// covers the compressed file (7 MB to hash, not 31), and runs while it inflates.
async function verifiedSnapshot(fetch, snap, signal) {
  const response = await fetch(abs(snap.file), { signal });
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const packed = await response.arrayBuffer();
  if (packed.byteLength !== snap.bytes) {
    throw new Error(`snapshot: ${packed.byteLength} bytes, the manifest says ${snap.bytes}`);
  }
  const raw = inflate(packed, snap.encoding);
  raw.catch(() => {}); // awaited below, after the hash says whether it is worth reporting
  if (hex(await crypto.subtle.digest("SHA-256", packed)) !== snap.sha256) {
    throw new Error("snapshot: SHA-256 differs from the manifest");
  }
  const bytes = new Uint8Array(await raw);
  if (bytes.byteLength !== snap.raw_bytes) throw new Error("snapshot: wrong length once inflated");
  return bytes;
}

async function installWheels(pyodide, wheels) {
  await Promise.all(wheels.warm());
  await pyodide.loadPackage(wheels.urls, { messageCallback: () => {} });
}

// Restore from the snapshot; any failure is thrown for the caller to fall back on.
async function restore(loadPyodide, version, indexURL, snap, bytes, wheels) {
  if (snap.pyodide !== version) {
    throw new Error(`snapshot is for Pyodide ${snap.pyodide}, the runtime is ${version}`);
  }
  const pyodide = await loadPyodide({ indexURL, fullStdLib: false, _loadSnapshot: bytes });
  if (snap.strategy !== "packages") await installWheels(pyodide, wheels);
  return pyodide;
}

// The files each way of booting fetches, as [absolute URL, bytes], for the progress bar.
function filesOf(manifest, snap) {
  const wheelURLs = manifest.wheels.map(abs);
  const plain = Object.entries(manifest.sizes).map(([rel, n]) => [abs(rel), n]);
  if (!snap) return { plain, first: plain };
  const keep = snap.strategy === "packages" ? ([url]) => !wheelURLs.includes(url) : () => true;
  return { plain, first: [...plain.filter(keep), [abs(snap.file), snap.bytes]] };
}

async function boot({ skipSnapshot = null } = {}) {
  const t0 = performance.now();
  const timings = {};
  const mark = (name) => {
    timings[name] = Math.round(performance.now() - t0);
  };
  const manifestResponse = await fetch(manifestURL);
  if (!manifestResponse.ok) throw new Error(`runtime manifest: HTTP ${manifestResponse.status}`);
  const manifest = await manifestResponse.json();
  const snap = skipSnapshot ? null : (manifest.snapshot ?? null);
  const state = {
    phase: snap ? "snapshot" : "plain",
    reason: manifest.snapshot && skipSnapshot ? `skipped: ${skipSnapshot}` : null,
  };
  const beat = () => post({ type: "alive", phase: state.phase });
  beat(); // at once: on a repeat visit the restore starts well within the first second
  const alive = setInterval(beat, ALIVE_MS);
  try {
    return await bootWith(manifest, snap, state, mark, timings);
  } finally {
    clearInterval(alive);
  }
}

async function bootWith(manifest, snap, state, mark, timings) {
  const files = filesOf(manifest, snap);
  const meter = byteMeter();
  meter.expect(files.first);
  const indexURL = abs(manifest.pyodide.dir);
  // Fetch the bank, and the snapshot or the wheels, while Python boots.
  const bankText = meter.plainFetch(abs(manifest.bank)).then((r) => {
    if (!r.ok) throw new Error(`question bank: HTTP ${r.status}`);
    return r.text();
  });
  bankText.catch(() => {}); // awaited below; a failure is reported there, not as unhandled
  let warmed = null;
  const wheels = {
    urls: manifest.wheels.map(abs),
    warm: () => (warmed ??= wheels.urls.map((u) => meter.plainFetch(u).then((r) => r.arrayBuffer()).catch(() => null))),
  };
  const abort = new AbortController();
  const bytes = snap ? verifiedSnapshot(meter.fetch, snap, abort.signal) : null;
  bytes?.catch(() => {}); // loadPyodide awaits it; a rejection is reported there
  if (!snap) wheels.warm();
  const { loadPyodide, version } = await import(new URL("pyodide.mjs", indexURL).href);
  mark("module");
  let pyodide = null;
  if (snap) {
    try {
      pyodide = await restore(loadPyodide, version, indexURL, snap, bytes, wheels);
      mark("pyodide");
      dispatch = engine(pyodide);
    } catch (error) {
      abort.abort();
      pyodide = dispatch = null;
      state.reason = String(error?.message ?? error).split("\n")[0].slice(0, 300);
      state.phase = "plain";
      post({ type: "alive", phase: state.phase });
      meter.expect(files.plain);
    }
  }
  if (!pyodide) {
    pyodide = await loadPyodide({ indexURL, fullStdLib: false });
    mark("pyodide");
    await installWheels(pyodide, wheels);
    mark("wheels");
    dispatch = engine(pyodide);
  }
  mark("import");
  const loaded = JSON.parse(dispatch("load_bank", JSON.stringify({ text: await bankText })));
  if (!loaded.ok) throw new Error(loaded.error);
  mark("bank");
  python = pyodide;
  lockDown(pyodide);
  watchTimers();
  meter.done();
  return { pyodide: version, boot: state.phase, fallback_reason: state.reason, timings, ...loaded.result };
}

function engine(pyodide) {
  pyodide.runPython("from practice_engine.api import dispatch");
  return pyodide.globals.get("dispatch");
}

// ---- the box the reader's code runs in -------------------------------------------------
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

function lockDown(pyodide) {
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
const runTimers = { active: false, ids: new Set() };
function watchTimers() {
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

function endRun(pyodide) {
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

const USER_CODE = new Set(["run_code", "check_code"]);

// A listener, not self.onmessage, which the reader's code could replace.
self.addEventListener("message", async (event) => {
  let message;
  try {
    message = JSON.parse(event.data);
  } catch {
    return;
  }
  const { id, op } = message;
  try {
    if (op === "boot") {
      booting ??= boot({ skipSnapshot: message.skipSnapshot ?? null });
      post({ id, ok: true, result: await booting });
    } else if (op === "call") {
      if (!dispatch) throw new Error("Python is not ready yet");
      post({ type: "started", id }); // the time limit runs from here (py-client.js)
      const user = USER_CODE.has(message.name);
      runTimers.active = user;
      let answer;
      try {
        answer = JSON.parse(dispatch(message.name, JSON.stringify(message.args ?? {})));
      } finally {
        if (user) endRun(python);
      }
      post({ id, ...answer });
    } else {
      throw new Error(`unknown message ${op}`);
    }
  } catch (error) {
    if (op === "boot") booting = null;
    post({ id, ok: false, error: String(error?.message ?? error) });
  }
});
