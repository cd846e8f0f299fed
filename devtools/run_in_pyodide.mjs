// Run a Python script inside Pyodide under Node, with our wheels installed, and print
// what the script leaves in the global OUTPUT. Any attempt to fetch over the network
// fails loudly, so a passing run proves the engine needs nothing from the internet.
//
//   node devtools/run_in_pyodide.mjs SCRIPT.py INPUT_FILE WHEEL...

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const [script, inputFile, ...wheels] = process.argv.slice(2);

globalThis.fetch = async (url) => {
  throw new Error(`network access attempted: ${url}`);
};

const { loadPyodide } = await import(path.join(root, "node_modules", "pyodide", "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.join(root, "node_modules", "pyodide") + "/" });
for (const wheel of wheels) {
  pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel");
}
pyodide.globals.set("INPUT", await readFile(inputFile, "utf8"));
await pyodide.runPythonAsync(await readFile(script, "utf8"));
process.stdout.write(pyodide.globals.get("OUTPUT"));
