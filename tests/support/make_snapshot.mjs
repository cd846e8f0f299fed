// Build a Pyodide memory snapshot with the pinned node_modules/pyodide (experimental API).
//
//   node tests/support/make_snapshot.mjs [--strategy packages|stdlib] OUT.bin [WHEEL...]
//
// Writes OUT.bin (the raw snapshot) and OUT.bin.json, a sidecar:
//   {"pyodide", "strategy", "bytes", "sha256", "build_id", "wheels": [{name, sha256}]}
//
// Strategies
//   packages  (default) the three wheels are unpacked into site-packages and
//             `fsrs` and `practice_engine.api` are imported before the snapshot, so a
//             restored interpreter has them in sys.modules already.
//   stdlib    snapshot right after boot; the wheels are loaded after restoring.
//
// Why the wheels are unpacked this way. makeMemorySnapshot() copies the wasm heap and
// records which JS objects Python holds (the "hiwire" table). It refuses any JS object
// it cannot name on restore, and it requires hiwire slot 6 -- the PackageManager's
// `loadedPackages` object -- to still be `{}`. `pyodide.loadPackage` records every wheel
// there, so a snapshot taken after loadPackage fails with "Unexpected hiwire entry at
// index 6". Writing the bytes with FS.writeFile (a JS-only call) and extracting them with
// Python's zipfile leaves the hiwire table exactly as a fresh boot leaves it.
//
// Without WHEEL arguments the wheels are the site's: macros.wheels.browser_wheels() and
// build_engine_wheel(), asked of the project's .venv Python.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "..", "..");
export const INDEX_URL = path.join(ROOT, "node_modules", "pyodide") + path.sep;
// What Emscripten reports as sys.executable in a browser; in Node it would otherwise be
// this script's path, baked into a snapshot that is meant to be published.
export const SYS_EXECUTABLE = "./this.program";

const HEADER_BYTES = 48; // magic, json offset, json length, 0, 8 x u32 build id
const MAGIC = 1886286592;

/** The site's wheels in load order (dependencies first, the engine last). */
export function siteWheels() {
  const python = path.join(ROOT, ".venv", "bin", "python");
  const code = [
    "import json, sys",
    "from pathlib import Path",
    "sys.path.insert(0, '.')",
    "from macros.wheels import browser_wheels, build_engine_wheel",
    "root = Path('.').resolve()",
    "print(json.dumps([str(p.resolve()) for p in [*browser_wheels(root), build_engine_wheel(root)]]))",
  ].join("\n");
  return JSON.parse(execFileSync(python, ["-c", code], { cwd: ROOT, encoding: "utf8" }));
}

export async function loadPyodideModule() {
  return import(pathToFileURL(path.join(INDEX_URL, "pyodide.mjs")).href);
}

/** Install wheels without any JS object crossing into Python: FS.writeFile + zipfile. */
export async function unpackWheels(pyodide, wheels) {
  const names = [];
  pyodide.FS.mkdirTree("/tmp/wheels");
  for (const [i, wheel] of wheels.entries()) {
    const bytes = wheel instanceof Uint8Array ? wheel : new Uint8Array(await readFile(wheel));
    const name = `/tmp/wheels/${String(i).padStart(2, "0")}.whl`;
    pyodide.FS.writeFile(name, bytes);
    names.push(name);
  }
  pyodide.runPython(`
import os, sysconfig, zipfile
_site = sysconfig.get_paths()["purelib"]
for _w in ${JSON.stringify(names)}:
    with zipfile.ZipFile(_w) as _z:
        _z.extractall(_site)
    os.remove(_w)
del _site, _w, _z
`);
}

/** The build id a snapshot was made for (hex), or null when the header is not one. */
export function snapshotBuildId(bytes) {
  if (bytes.byteLength < HEADER_BYTES) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (view.getUint32(0, true) !== MAGIC) return null;
  let hex = "";
  for (let i = 4; i < 12; i++) hex += view.getUint32(i * 4, true).toString(16).padStart(8, "0");
  return hex;
}

export async function makeSnapshot(strategy, wheels) {
  const { loadPyodide } = await loadPyodideModule();
  const pyodide = await loadPyodide({
    indexURL: INDEX_URL,
    fullStdLib: false,
    _makeSnapshot: true,
    _sysExecutable: SYS_EXECUTABLE,
  });
  if (strategy === "packages") {
    await unpackWheels(pyodide, wheels);
    pyodide.runPython("import fsrs, practice_engine.api");
  } else if (strategy !== "stdlib") {
    throw new Error(`unknown strategy ${strategy} (packages | stdlib)`);
  }
  return { pyodide, snapshot: pyodide.makeMemorySnapshot() };
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

async function main(argv) {
  let strategy = "packages";
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--strategy") strategy = argv[++i];
    else if (argv[i].startsWith("--strategy=")) strategy = argv[i].slice("--strategy=".length);
    else positional.push(argv[i]);
  }
  const [out, ...given] = positional;
  if (!out) {
    console.error("usage: node tests/support/make_snapshot.mjs [--strategy packages|stdlib] OUT.bin [WHEEL...]");
    process.exit(2);
  }
  const wheels = strategy === "packages" ? (given.length ? given.map((w) => path.resolve(w)) : siteWheels()) : [];
  const started = performance.now();
  const { pyodide, snapshot } = await makeSnapshot(strategy, wheels);
  await writeFile(out, snapshot);
  const sidecar = {
    pyodide: pyodide.version,
    strategy,
    bytes: snapshot.byteLength,
    sha256: sha256(snapshot),
    build_id: snapshotBuildId(snapshot),
    wheels: await Promise.all(
      wheels.map(async (w) => ({ name: path.basename(w), sha256: sha256(await readFile(w)) })),
    ),
  };
  await writeFile(`${out}.json`, JSON.stringify(sidecar, null, 1) + "\n");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${out}: ${strategy} snapshot, ${snapshot.byteLength} bytes, ${seconds} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
