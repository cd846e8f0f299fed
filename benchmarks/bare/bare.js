// Baseline for the benchmark: boot Pyodide in a module worker and nothing else.
const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  window.__ready = performance.now();
  window.__info = event.data;
};
