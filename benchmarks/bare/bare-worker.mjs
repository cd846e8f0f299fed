const manifest = await (await fetch(new URL("../assets/quiz/runtime.json", import.meta.url))).json();
const indexURL = new URL(`../${manifest.pyodide.dir}`, import.meta.url).href;
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
const pyodide = await loadPyodide({ indexURL });
self.postMessage(pyodide.version);
