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

// Count the bytes of everything Pyodide fetches, so the page can show real progress.
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
  self.fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    if (!response.ok || !response.body) return response;
    const counter = new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        report(false);
        controller.enqueue(chunk);
      },
      flush() {
        report(true);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return plainFetch;
}

async function boot() {
  const manifestResponse = await fetch(manifestURL);
  if (!manifestResponse.ok) throw new Error(`runtime manifest: HTTP ${manifestResponse.status}`);
  const manifest = await manifestResponse.json();
  const total = Object.values(manifest.sizes).reduce((a, b) => a + b, 0);
  const plainFetch = countingFetch(total);
  const indexURL = new URL(manifest.pyodide.dir, siteRoot).href;
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, fullStdLib: false });
  for (const wheel of manifest.wheels) {
    await pyodide.loadPackage(new URL(wheel, siteRoot).href, { messageCallback: () => {} });
  }
  pyodide.runPython("from practice_engine.api import dispatch");
  dispatch = pyodide.globals.get("dispatch");
  const bankResponse = await plainFetch(new URL(manifest.bank, siteRoot));
  if (!bankResponse.ok) throw new Error(`question bank: HTTP ${bankResponse.status}`);
  const loaded = JSON.parse(dispatch("load_bank", JSON.stringify({ text: await bankResponse.text() })));
  if (!loaded.ok) throw new Error(loaded.error);
  post({ type: "progress", loaded: total, total });
  return { pyodide: manifest.pyodide.version, ...loaded.result };
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
