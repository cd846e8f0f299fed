// The Python worker: boots Pyodide from the site's own files, installs the engine wheel,
// loads the bank, and answers JSON requests. Every message in and out is a JSON string.
//
//   in:  {"id": 1, "op": "boot"} | {"id": 2, "op": "call", "name": "view", "args": {...}}
//   out: {"id": 1, "ok": true, "result": ...} | {"id": 1, "ok": false, "error": "..."}
//        {"type": "progress", "loaded": n, "total": n}

const siteRoot = new URL("../../", import.meta.url);
const manifestURL = new URL("assets/quiz/runtime.json", siteRoot);

let dispatch = null;
let booting = null;

const post = (message) => self.postMessage(JSON.stringify(message));

// Count the bytes of everything Pyodide fetches, so the page can show real progress. The
// counting reads a clone: the original response goes to Pyodide untouched, so the browser
// still compiles the wasm while it streams in (a wrapped body would cost ~0.7 s here).
function countingFetch(total) {
  const plainFetch = self.fetch.bind(self);
  let loaded = 0;
  let lastPost = 0;
  const report = (force) => {
    const now = Date.now();
    if (force || now - lastPost > 80) {
      lastPost = now;
      post({ type: "progress", loaded: Math.min(loaded, total), total });
    }
  };
  const count = async (body) => {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      report(false);
    }
    report(true);
  };
  self.fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    if (response.ok && response.body) count(response.clone().body).catch(() => {});
    return response;
  };
  return plainFetch;
}

async function boot() {
  const t0 = performance.now();
  const timings = {};
  const mark = (name) => {
    timings[name] = Math.round(performance.now() - t0);
  };
  const manifestResponse = await fetch(manifestURL);
  if (!manifestResponse.ok) throw new Error(`runtime manifest: HTTP ${manifestResponse.status}`);
  const manifest = await manifestResponse.json();
  const total = Object.values(manifest.sizes).reduce((a, b) => a + b, 0);
  const plainFetch = countingFetch(total);
  const indexURL = new URL(manifest.pyodide.dir, siteRoot).href;
  const wheelURLs = manifest.wheels.map((w) => new URL(w, siteRoot).href);
  // Fetch the bank and warm the HTTP cache for the wheels while Python boots.
  const bankText = plainFetch(new URL(manifest.bank, siteRoot)).then((r) => {
    if (!r.ok) throw new Error(`question bank: HTTP ${r.status}`);
    return r.text();
  });
  bankText.catch(() => {}); // awaited below; a failure is reported there, not as unhandled
  const warm = wheelURLs.map((u) => plainFetch(u).then((r) => r.arrayBuffer()).catch(() => null));
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  mark("module");
  const pyodide = await loadPyodide({ indexURL, fullStdLib: false });
  mark("pyodide");
  await Promise.all(warm);
  await pyodide.loadPackage(wheelURLs, { messageCallback: () => {} });
  mark("wheels");
  pyodide.runPython("from practice_engine.api import dispatch");
  mark("import");
  dispatch = pyodide.globals.get("dispatch");
  const loaded = JSON.parse(dispatch("load_bank", JSON.stringify({ text: await bankText })));
  if (!loaded.ok) throw new Error(loaded.error);
  mark("bank");
  post({ type: "progress", loaded: total, total });
  return { pyodide: manifest.pyodide.version, timings, ...loaded.result };
}

self.onmessage = async (event) => {
  let message;
  try {
    message = JSON.parse(event.data);
  } catch {
    return;
  }
  const { id, op } = message;
  try {
    if (op === "boot") {
      booting ??= boot();
      post({ id, ok: true, result: await booting });
    } else if (op === "call") {
      if (!dispatch) throw new Error("Python is not ready yet");
      const answer = JSON.parse(dispatch(message.name, JSON.stringify(message.args ?? {})));
      post({ id, ...answer });
    } else {
      throw new Error(`unknown message ${op}`);
    }
  } catch (error) {
    if (op === "boot") booting = null;
    post({ id, ok: false, error: String(error?.message ?? error) });
  }
};
