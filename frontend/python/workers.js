// Where the client's Python workers come from (client.js).
//
// A worker is started from a blob: URL that imports py-worker.mjs, so the page's CSP
// governs it too: the reader's code can reach no other host and cannot eval.

export function newWorker(siteRoot) {
  const entry = new URL("assets/js/py-worker.mjs", siteRoot).href;
  const source = new Blob([`import ${JSON.stringify(entry)};`], { type: "text/javascript" });
  const url = URL.createObjectURL(source);
  const worker = new Worker(url, { type: "module" });
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // once the worker has loaded it
  return worker;
}

// The worker the page's head started and asked to boot (docs/assets/js/py-early.mjs), as
// { worker, id, at, heard }, the first time this is asked; null after, or if it started
// none. Either way the head script starts none from now on.
export function takeEarlyWorker() {
  const early = globalThis.mlguidePythonWorker;
  globalThis.mlguidePythonWorker = null;
  return early?.take() ?? null;
}
