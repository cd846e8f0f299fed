// Build a Pyodide memory snapshot with the pinned node_modules/pyodide (experimental API).
//
//   node tests/support/make_snapshot.mjs [--strategy packages|stdlib] OUT.bin [WHEEL...]
//
// Writes OUT.bin (the raw snapshot) and OUT.bin.json, a sidecar:
//   {"pyodide", "strategy", "bytes", "sha256", "build_id", "wheels": [{name, sha256}]}
//
// Strategies
//   packages  (default) the three wheels are unpacked into site-packages and every
//             module in them is imported before the snapshot, so a restored
//             interpreter has them in sys.modules already.
//   stdlib    snapshot right after boot; the wheels are loaded after restoring.
//
// The snapshot itself is made by macros/snapshot.mjs, the build-side script the site's
// own snapshot comes from (its header says why the wheels are unpacked by hand); this
// file keeps the probe's command line and sidecar on top of it.
//
// Without WHEEL arguments the wheels are the site's: macros.wheels.browser_wheels() and
// build_engine_wheel(), asked of the project's .venv Python.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import * as build from "../../macros/snapshot.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "..", "..");
export const INDEX_URL = path.join(ROOT, "node_modules", "pyodide") + path.sep;
export const { SYS_EXECUTABLE, snapshotBuildId, unpackWheels } = build;

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
  return build.loadPyodideModule(INDEX_URL);
}

/** A snapshot of the pinned node_modules/pyodide, prepared by strategy. */
export async function makeSnapshot(strategy, wheels) {
  return build.makeSnapshot(INDEX_URL, strategy, wheels);
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
