// Practice pages (front matter `python: eager`) start the Python worker from the page's
// head (overrides/main.html), before the site's bundle runs: the worker's module loads and
// its boot (manifest, kept snapshot, runtime) begins while the page's own scripts are
// still being fetched and started, which was about a fifth of a repeat visit's time to
// the first quiz item (#20). The bundle's client (frontend/python/client.js) takes the
// worker over, with every message it sent until then. A module script, async: it blocks
// neither parsing nor rendering; and a file, since the CSP allows no inline script.
//
// The worker starts from a blob: URL that imports py-worker.mjs, as the client's own do,
// so the page's CSP governs it. If the bundle ran first (it started a worker of its own
// and left `mlguidePythonWorker` null), this starts none.

if (globalThis.mlguidePythonWorker === undefined) {
  const entry = new URL("py-worker.mjs", import.meta.url).href;
  const url = URL.createObjectURL(new Blob([`import ${JSON.stringify(entry)};`], { type: "text/javascript" }));
  const worker = new Worker(url, { type: "module" });
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // once the worker has loaded it
  const heard = [];
  const hear = (event) => {
    if (event.type === "error") event.preventDefault(); // reported by the client, once it takes over
    heard.push(event);
  };
  worker.addEventListener("message", hear);
  worker.addEventListener("error", hear);
  const id = 0; // the client numbers its own requests from 1
  worker.postMessage(JSON.stringify({ id, op: "boot", skipSnapshot: null }));
  const at = performance.now();
  globalThis.mlguidePythonWorker = {
    take() {
      worker.removeEventListener("message", hear);
      worker.removeEventListener("error", hear);
      return { worker, id, at, heard };
    },
  };
}
