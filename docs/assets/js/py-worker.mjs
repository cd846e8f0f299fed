// The Python worker: boots Pyodide from the site's own files, loads the bank, and answers
// JSON requests. Every message in and out is a JSON string.
//
//   in:  {"id": 1, "op": "boot", "skipSnapshot": "why"?} | {"id": 2, "op": "call", "name": "view", "args": {...}}
//        {"id": 4, "op": "keep_snapshot"}   fetch, check and keep the snapshot for later visits
//   out: {"id": 1, "ok": true, "result": {..., "boot": "snapshot" | "plain", "fallback_reason": ...,
//          "snapshot": "restored" | "not-cached" | "rejected" | "skipped" | "failed" | "none"}}
//        {"id": 4, "ok": true, "result": {"kept": true | false, "why": "..."?}}
//        {"id": 1, "ok": false, "error": "..."}
//        {"type": "progress", "loaded": n, "total": n}
//        {"type": "alive", "phase": "snapshot" | "plain"}   about every second while booting
//        {"type": "started", "id": 2}   the worker began a call (its time limit runs from here)
//   {"id": 3, "op": "ping"} is answered {"id": 3, "ok": true, "result": "pong"} by a worker
//   whose event loop is free: the page asks after each run of the reader's code.
//
// Two ways to boot. A first visit boots plainly: the runtime, then the engine wheels, and
// not a byte more. Once Python is up and the page is idle, the page asks this worker to
// keep the build's memory snapshot (made at build time by macros/publish/snapshot.py): it is
// fetched, checked against the manifest and stored in a cache of its own
// (snapshot-store.mjs). Later visits, and a fresh worker after a time-out, restore Python
// from it with the engine already imported. A snapshot that is altered, for another
// runtime or fails to restore is marked rejected and the boot goes on plainly; the reader
// sees no difference but the speed, and the boot result says which way was taken, and why.
//
// Before any of the reader's code runs, py-box.mjs closes the worker's ways out (network,
// close(), timers that outlive a run); see there.
//
// A damaged snapshot can hang the wasm inside the restore, where no timer of this worker
// ever fires again. So only bytes that match what was verified when they were kept (the
// published length and SHA-256; snapshot-store.mjs) are restored, and the "alive" messages let the page notice a stuck restore and start a fresh worker
// with `skipSnapshot` (py-client.js).

import { byteMeter } from "./byte-meter.mjs";
import { feedbackLoader } from "./feedback-files.mjs";
import { beginRun, endRun, lockDown } from "./py-box.mjs";
import { snapshotStore } from "./snapshot-store.mjs";
import { fetchWheels, writeWheels } from "./wheel-files.mjs";

const siteRoot = new URL("../../", import.meta.url);
const manifestURL = new URL("assets/quiz/runtime.json", siteRoot);
const ALIVE_MS = 1000;
// When this module was evaluated, on the clock pages share (ms since the epoch), so the
// bench can place the worker's marks on the page's own timeline.
const loadedAt = performance.timeOrigin + performance.now();

let dispatch = null;
let booting = null;
let runtimeManifest = null; // kept from the boot for keep_snapshot

// Kept from the start: the reader's code may replace self.postMessage or JSON, not these.
const postMessage = self.postMessage.bind(self);
const { parse, stringify } = JSON;
const post = (message) => postMessage(stringify(message));
const abs = (rel) => new URL(rel, siteRoot).href;
// The snapshot's cache, reached through references taken now: the box (py-box.mjs) takes
// `caches` and `fetch` away from the reader's code once Python has booted.
const store = snapshotStore(siteRoot, self.caches ?? null, self.fetch.bind(self));
const feedbackFor = feedbackLoader({
  files: () => runtimeManifest?.feedback ?? null,
  fetch: self.fetch.bind(self),
  abs,
  load: (text) => {
    const answer = parse(dispatch("load_feedback", stringify({ text })));
    if (!answer.ok) throw new Error(answer.error);
  },
});

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

// The files each way of booting fetches, as [absolute URL, bytes], for the progress bar. A
// restore fetches the runtime but not the wheels, which are inside the snapshot; the
// snapshot itself is read from this browser's cache.
function filesOf(manifest, snap) {
  const wheelURLs = manifest.wheels.map(abs);
  const plain = Object.entries(manifest.sizes).map(([rel, n]) => [abs(rel), n]);
  if (!snap || snap.strategy !== "packages") return { plain, first: plain };
  return { plain, first: plain.filter(([url]) => !wheelURLs.includes(url)) };
}

// The kept snapshot, if this boot may use one: { snap, response } or { why } not.
async function usableSnapshot(manifest, skipSnapshot) {
  const snap = manifest.snapshot ?? null;
  if (!snap) return { why: "none" };
  if (skipSnapshot) {
    await store.reject(snap, skipSnapshot); // it hung once; it would hang again
    return { why: "skipped" };
  }
  const found = await store.find(snap);
  return found.response ? { snap, response: found.response } : found;
}

// `timings`: ms from `clock.boot` (the epoch time the boot began; `clock.loaded` when this
// module was evaluated), for the bench to put the marks on the page's clock
// (benchmarks/quiz_breakdown.py, snapshot.py), to each step's end; *_fetched run in parallel.
async function boot({ skipSnapshot = null } = {}) {
  const t0 = performance.now();
  const timings = {};
  const mark = (name) => {
    timings[name] = Math.round(performance.now() - t0);
  };
  const manifestResponse = await fetch(manifestURL);
  if (!manifestResponse.ok) throw new Error(`runtime manifest: HTTP ${manifestResponse.status}`);
  const manifest = await manifestResponse.json();
  runtimeManifest = manifest;
  mark("manifest");
  const usable = await usableSnapshot(manifest, skipSnapshot);
  mark("found");
  const state = {
    phase: usable.snap ? "snapshot" : "plain",
    snapshot: usable.snap ? "restored" : usable.why,
    reason: usable.why === "skipped" ? `skipped: ${skipSnapshot}` : null,
  };
  const beat = () => post({ type: "alive", phase: state.phase });
  beat(); // at once: on a repeat visit the restore starts well within the first second
  const alive = setInterval(beat, ALIVE_MS);
  try {
    const clock = { loaded: loadedAt, boot: performance.timeOrigin + t0 };
    return { ...(await bootWith(manifest, usable, state, mark, timings)), clock };
  } finally {
    clearInterval(alive);
  }
}

async function bootWith(manifest, usable, state, mark, timings) {
  const { snap = null } = usable;
  const files = filesOf(manifest, snap);
  const meter = byteMeter({ siteRoot, post });
  meter.expect(files.first);
  const indexURL = abs(manifest.pyodide.dir);
  // Fetch the bank, and read the snapshot or fetch the wheels, while Python boots.
  const bankText = meter.plainFetch(abs(manifest.bank)).then(async (r) => {
    if (!r.ok) throw new Error(`question bank: HTTP ${r.status}`);
    const text = await r.text();
    mark("bank_fetched");
    return text;
  });
  bankText.catch(() => {}); // awaited below; a failure is reported there, not as unhandled
  let warmed = null;
  const wheels = {
    urls: manifest.wheels.map(abs),
    warm: () => (warmed ??= wheels.urls.map((u) => meter.plainFetch(u).then((r) => r.arrayBuffer()).catch(() => null))),
  };
  // A plain boot unzips the wheels itself while the runtime loads (wheel-files.mjs).
  let unzipped = null;
  const wheelFiles = () =>
    (unzipped ??= fetchWheels(wheels.urls, meter.fetch).then((list) => {
      mark("wheels_fetched");
      return list;
    }));
  // Read and checked while the runtime's module loads (snapshot-store.mjs).
  const bytes = snap ? store.read(usable.response, snap, mark) : null;
  bytes?.catch(() => {}); // loadPyodide awaits it; a rejection is reported there
  if (!snap) wheelFiles().catch(() => {}); // awaited below, with loadPyodide
  const { loadPyodide, version } = await import(new URL("pyodide.mjs", indexURL).href);
  mark("module");
  let pyodide = null;
  if (snap) {
    try {
      pyodide = await restore(loadPyodide, version, indexURL, snap, bytes, wheels);
      mark("pyodide");
      dispatch = engine(pyodide);
    } catch (error) {
      pyodide = dispatch = null;
      Object.assign(state, { phase: "plain", snapshot: "failed" });
      state.reason = String(error?.message ?? error).split("\n")[0].slice(0, 300);
      post({ type: "alive", phase: state.phase });
      meter.expect(files.plain);
      await store.reject(snap, state.reason);
    }
  }
  if (!pyodide) {
    const files = wheelFiles();
    const fsInit = (FS, { sitePackages }) => writeWheels(FS, sitePackages, files);
    // Both: a wheel that fails to arrive fails the boot at once, with its own message.
    [pyodide] = await Promise.all([loadPyodide({ indexURL, fullStdLib: false, fsInit }), files]);
    mark("pyodide");
    dispatch = engine(pyodide);
  }
  mark("import");
  const loaded = JSON.parse(dispatch("load_bank", JSON.stringify({ text: await bankText })));
  if (!loaded.ok) throw new Error(loaded.error);
  mark("bank");
  lockDown(pyodide);
  mark("box");
  meter.done();
  const { phase: boot, reason: fallback_reason, snapshot } = state;
  return { pyodide: version, boot, fallback_reason, snapshot, timings, ...loaded.result };
}

// The engine's entry, and the ops that run the reader's code (practice_engine/api.py's
// USER_CODE_OPS), which run inside the box.
let USER_CODE = new Set();
function engine(pyodide) {
  const names = pyodide.runPython(
    "import json\nfrom practice_engine.api import USER_CODE_OPS, dispatch\njson.dumps(sorted(USER_CODE_OPS))",
  );
  USER_CODE = new Set(JSON.parse(names));
  return pyodide.globals.get("dispatch");
}

// A listener, not self.onmessage, which the reader's code could replace.
self.addEventListener("message", async (event) => {
  let message;
  try {
    message = parse(event.data);
  } catch {
    return;
  }
  const { id, op } = message;
  try {
    if (op === "boot") {
      booting ??= boot({ skipSnapshot: message.skipSnapshot ?? null });
      post({ id, ok: true, result: await booting });
    } else if (op === "keep_snapshot") {
      if (!dispatch || !runtimeManifest) throw new Error("Python is not ready yet");
      post({ id, ok: true, result: await store.keep(runtimeManifest.snapshot ?? null) });
    } else if (op === "ping") {
      post({ id, ok: true, result: "pong" });
    } else if (op === "call") {
      if (!dispatch) throw new Error("Python is not ready yet");
      post({ type: "started", id }); // the time limit runs from here (py-client.js)
      const user = USER_CODE.has(message.name);
      if (user) beginRun();
      if (message.name === "feedback") await feedbackFor(message.args?.question_id);
      let answer;
      try {
        answer = parse(dispatch(message.name, stringify(message.args ?? {})));
      } finally {
        if (user) await endRun();
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
