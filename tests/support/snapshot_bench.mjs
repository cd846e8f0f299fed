// Time to "engine ready" in Node: plain boot vs. restoring a Pyodide memory snapshot.
//
//   node tests/support/snapshot_bench.mjs [--reps 7] [--bank /tmp/bank.json]
//        [--snap-a A.bin] [--snap-b B.bin]
//
// "Ready" = Pyodide up, engine importable, dispatch("load_bank", <real bank export>) ok.
// Every sample runs in a fresh Node process (so no sample reuses another's compiled wasm
// or heap) and the variants are interleaved round-robin, so drift hits them all alike:
//
//   plain         loadPyodide, then loadPackage() each wheel (what py-worker.mjs does)
//   snap-a        restore the "packages inside" snapshot; engine already imported
//   snap-a+files  snap-a, then unpack the wheels again so site-packages exists on disk
//   snap-b        restore the "stdlib only" snapshot, then loadPackage() each wheel
//   snap-b+unzip  snap-b, but FS.writeFile + zipfile instead of loadPackage
//
// Without --snap-a / --snap-b both snapshots are built first with make_snapshot.mjs.
// Without --bank the export is produced with the project's .venv Python.
//
//   node tests/support/snapshot_bench.mjs --failures [--snap-a A.bin] [--other X.bin ...]
//
// instead feeds loadPyodide damaged snapshots (wrong build id, truncated, zeroed, an HTML
// 404 page, a rejected or never-settling promise; --other adds snapshots made by other
// Pyodide builds), each in a fresh process, and reports: does loadPyodide throw, how
// fast, does the restored engine give the same answers as an intact snapshot, and does a
// plain loadPyodide in the same process still work afterwards (the fallback).

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { INDEX_URL, ROOT, SYS_EXECUTABLE, loadPyodideModule, makeSnapshot, siteWheels, unpackWheels } from "./make_snapshot.mjs";

const VARIANTS = ["plain", "snap-a", "snap-a+files", "snap-b", "snap-b+unzip"];
const self = fileURLToPath(import.meta.url);

async function child(variant, { snapA, snapB, bank, wheels }) {
  const t0 = performance.now();
  const marks = {};
  const mark = (name) => (marks[name] = +(performance.now() - t0).toFixed(1));
  const { loadPyodide } = await loadPyodideModule();
  const options = { indexURL: INDEX_URL, fullStdLib: false, _sysExecutable: SYS_EXECUTABLE };
  if (variant.startsWith("snap-a")) options._loadSnapshot = readFile(snapA);
  if (variant.startsWith("snap-b")) options._loadSnapshot = readFile(snapB);
  const pyodide = await loadPyodide(options);
  mark("pyodide");
  if (variant === "plain" || variant === "snap-b") {
    for (const wheel of wheels) await pyodide.loadPackage(wheel, { messageCallback: () => {} });
  } else if (variant === "snap-b+unzip" || variant === "snap-a+files") {
    await unpackWheels(pyodide, wheels);
  }
  mark("wheels");
  pyodide.runPython("from practice_engine.api import dispatch");
  const dispatch = pyodide.globals.get("dispatch");
  mark("import");
  const answer = JSON.parse(dispatch("load_bank", JSON.stringify({ text: await readFile(bank, "utf8") })));
  if (!answer.ok) throw new Error(answer.error);
  mark("ready");
  return {
    variant,
    marks,
    heap: pyodide._module.HEAP8.length,
    rss: process.memoryUsage().rss,
    result: answer.result,
  };
}

// A short deterministic workload whose JSON answers must match an intact snapshot's.
const PROBE = `
import hashlib, json
from practice_engine.api import dispatch
_out = [dispatch("load_bank", json.dumps({"text": BANK}))]
_s = json.loads(dispatch("new_session", json.dumps({"filters": None, "seed": 7})))
_out.append(json.dumps(_s))
if _s.get("ok"):
    _out.append(dispatch("view", json.dumps({"session": _s["result"]})))
hashlib.sha256("\\n".join(_out).encode()).hexdigest()[:16]
`;

function failureCases(good, others) {
  const cases = {
    intact: () => good,
    "build id byte flipped": () => {
      const b = Uint8Array.from(good);
      b[20] ^= 0xff;
      return b;
    },
    "empty (0 bytes)": () => new Uint8Array(0),
    "truncated to 47 bytes (inside header)": () => good.subarray(0, 47),
    "truncated to 48 bytes (header only)": () => good.subarray(0, 48),
    "truncated to 4 KiB": () => good.subarray(0, 4096),
    "truncated to half": () => good.subarray(0, good.length / 2),
    "truncated by 1 byte": () => good.subarray(0, good.length - 1),
    "truncated by 64 KiB": () => good.subarray(0, good.length - 65536),
    "truncated by 1 MiB": () => good.subarray(0, good.length - (1 << 20)),
    "truncated by 8 MiB": () => good.subarray(0, good.length - (8 << 20)),
    "1 MiB zeroed at 10 MiB": () => Uint8Array.from(good).fill(0, 10 << 20, 11 << 20),
    "64 KiB zeroed at 14 MiB": () => Uint8Array.from(good).fill(0, 14 << 20, (14 << 20) + 65536),
    "64 KiB zeroed at 26 MiB": () => Uint8Array.from(good).fill(0, 26 << 20, (26 << 20) + 65536),
    "HTML 404 page as bytes": () => new TextEncoder().encode("<!doctype html><title>404</title>Not found\n".repeat(4)),
    "promise rejects (missing file)": () => readFile(path.join(os.tmpdir(), "no-such-snapshot.bin")),
    "promise never settles": () => new Promise(() => {}),
  };
  for (const other of others) cases[`other build: ${path.basename(other)}`] = () => readFileSync(other);
  return cases;
}

async function failureChild(name, { snapA, bank, others }) {
  const out = { name };
  const unhandled = [];
  process.on("unhandledRejection", (e) => unhandled.push(String(e?.message ?? e)));
  const good = new Uint8Array(readFileSync(snapA));
  const snapshot = failureCases(good, others)[name]();
  const { loadPyodide } = await loadPyodideModule();
  const stage = (what) => process.stderr.write(`stage: ${what}\n`);
  const t0 = performance.now();
  const limit = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms));
  try {
    stage("inside loadPyodide({_loadSnapshot})");
    const pyodide = await Promise.race([loadPyodide({ indexURL: INDEX_URL, _loadSnapshot: snapshot }), limit(15000)]);
    stage("running the engine after restore");
    out.outcome = "resolved";
    pyodide.globals.set("BANK", readFileSync(bank, "utf8"));
    try {
      out.answers = pyodide.runPython(PROBE);
    } catch (e) {
      out.answers = `error: ${String(e.message).trim().split("\n").pop()}`;
    }
  } catch (e) {
    out.outcome = "rejected";
    out.error = `${e?.constructor?.name}: ${String(e?.message ?? e).replace(/\s+/g, " ").trim().slice(0, 110)}`;
  }
  out.ms = Math.round(performance.now() - t0);
  if (unhandled.length) out.unhandled = unhandled;
  stage("fallback loadPyodide without snapshot");
  try {
    const plain = await Promise.race([loadPyodide({ indexURL: INDEX_URL }), limit(15000)]);
    out.fallback = plain.runPython("1 + 1") === 2 ? "ok" : "wrong answer";
  } catch (e) {
    out.fallback = `failed: ${e.message}`;
  }
  return out;
}

const HANG_MS = 45000;

async function failures(opts) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "snapfail-"));
  if (!opts.snapA) {
    opts.snapA = path.join(tmp, "packages.bin");
    writeFileSync(opts.snapA, (await makeSnapshot("packages", siteWheels())).snapshot);
  }
  const config = JSON.stringify({ snapA: opts.snapA, bank: opts.bank, others: opts.others });
  const names = Object.keys(failureCases(new Uint8Array(64), opts.others));
  let reference = null;
  console.log("failure modes (fresh process each; 'answers' = hash of load_bank/new_session/view output)");
  for (const name of names) {
    const proc = spawnSync(process.execPath, [self, "--failure-child", name, config], {
      encoding: "utf8",
      timeout: HANG_MS,
    });
    if (proc.status !== 0) {
      const stage = (proc.stderr.match(/^stage: .*$/gm) ?? ["stage: ?"]).pop();
      const why = proc.error?.code === "ETIMEDOUT" ? `HUNG, killed after ${HANG_MS / 1000} s` : `DIED (exit ${proc.status}, ${proc.signal})`;
      console.log(`  ${name}: ${why}; last ${stage} (timers never fired: the thread is stuck inside wasm)`);
      continue;
    }
    const r = JSON.parse(proc.stdout.trim().split("\n").pop());
    if (name === "intact") {
      reference = r.answers;
    }
    const same = r.answers === undefined ? "" : r.answers === reference ? " answers=same as intact" : ` answers=DIFFERENT (${r.answers})`;
    const extra = r.unhandled ? ` [unhandled rejection: ${r.unhandled.join("; ")}]` : "";
    console.log(`  ${name}: ${r.outcome} after ${r.ms} ms${r.error ? ` -- ${r.error}` : ""}${same}; fallback loadPyodide: ${r.fallback}${extra}`);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mb = (n) => (n / 2 ** 20).toFixed(1) + " MiB";

async function main(argv) {
  const opts = { reps: 7, bank: null, snapA: null, snapB: null, failures: false, others: [] };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (key === "--reps") opts.reps = Number(argv[++i]);
    else if (key === "--bank") opts.bank = path.resolve(argv[++i]);
    else if (key === "--snap-a") opts.snapA = path.resolve(argv[++i]);
    else if (key === "--snap-b") opts.snapB = path.resolve(argv[++i]);
    else if (key === "--failures") opts.failures = true;
    else if (key === "--other") opts.others.push(path.resolve(argv[++i]));
    else throw new Error(`unknown argument ${key}`);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "snapbench-"));
  const wheels = siteWheels();
  if (!opts.bank) {
    opts.bank = path.join(tmp, "bank.json");
    const code =
      "import sys; sys.path.insert(0,'.'); from macros.bank import load_bank; " +
      "from macros.export import bank_json, dumps; print(dumps(bank_json(load_bank('quiz_data'))))";
    writeFileSync(opts.bank, execFileSync(path.join(ROOT, ".venv/bin/python"), ["-c", code], { cwd: ROOT }));
  }
  if (opts.failures) return failures(opts);
  for (const [key, strategy] of [["snapA", "packages"], ["snapB", "stdlib"]]) {
    if (opts[key]) continue;
    opts[key] = path.join(tmp, `${strategy}.bin`);
    const { snapshot } = await makeSnapshot(strategy, wheels);
    writeFileSync(opts[key], snapshot);
  }

  console.log("snapshot sizes");
  for (const [label, file] of [["a packages", opts.snapA], ["b stdlib", opts.snapB]]) {
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 6 }).length;
    const gz9 = gzipSync(raw, { level: 9 }).length;
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
    console.log(`  ${label}: raw ${raw.length} (${mb(raw.length)})  gzip-6 ${gz} (${mb(gz)})  gzip-9 ${gz9}  brotli-9 ${br} (${mb(br)})`);
  }

  const config = JSON.stringify({ snapA: opts.snapA, snapB: opts.snapB, bank: opts.bank, wheels });
  const samples = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  for (let rep = 0; rep < opts.reps; rep++) {
    for (const variant of VARIANTS) {
      const proc = spawnSync(process.execPath, [self, "--child", variant, config], { encoding: "utf8" });
      if (proc.status !== 0) throw new Error(`${variant} failed:\n${proc.stderr}`);
      const line = proc.stdout.trim().split("\n").pop();
      samples[variant].push(JSON.parse(line));
    }
    process.stdout.write(`\rrep ${rep + 1}/${opts.reps}`);
  }
  console.log(`\n\nmedians over ${opts.reps} interleaved fresh-process runs (ms from import of pyodide.mjs)`);
  console.log("  variant        pyodide  wheels  import   READY   wasm heap  rss");
  for (const variant of VARIANTS) {
    const runs = samples[variant];
    const med = (k) => median(runs.map((r) => r.marks[k])).toFixed(0).padStart(7);
    const heap = mb(median(runs.map((r) => r.heap))).padStart(10);
    const rss = mb(median(runs.map((r) => r.rss))).padStart(10);
    console.log(`  ${variant.padEnd(13)} ${med("pyodide")} ${med("wheels")} ${med("import")} ${med("ready")} ${heap} ${rss}`);
  }
  const check = samples["snap-a"][0].result;
  console.log(`\nbank loaded: ${JSON.stringify(check)}`);
}

if (process.argv[2] === "--failure-child") {
  const result = await failureChild(process.argv[3], JSON.parse(process.argv[4]));
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
} else if (process.argv[2] === "--child") {
  const result = await child(process.argv[3], JSON.parse(process.argv[4]));
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
} else {
  await main(process.argv.slice(2));
}
