"""Probe: does a Pyodide memory snapshot make the quiz engine ready sooner in Chromium?

    .venv/bin/python -m benchmarks.snapshot_probe [--reps 5] [--site DIR] [--failures]
                                                  [--other OTHER_BUILD_SNAPSHOT.bin]

Builds the site into a temporary folder (or copies `--site`), makes two snapshots with
tests/support/make_snapshot.mjs and the pinned node_modules/pyodide -- "packages" (the
wheels unpacked and the engine imported) and "stdlib" (right after boot) -- and puts them
beside the site's Pyodide runtime in several encodings. A standalone page and module
worker (written into the temporary site, never into docs/) then boot the engine from the
site's own runtime:

    plain              loadPyodide, loadPackage(the three wheels), import, load_bank
    snap-a             snapshot-packages.bin.gz: fetch, gunzip (DecompressionStream),
                       loadPyodide({_loadSnapshot}); the engine is already imported
    snap-a-raw         the uncompressed .bin (31 MB over the wire)
    snap-a-sparse      .sparse.gz: all-zero 4 KiB pages dropped before gzip, so about
                       half the bytes to inflate; rebuilt in the worker (unsparse)
    snap-a-sparse-raw  .sparse without gzip (17 MB over the wire)
    snap-a-sparse+pc   snap-a-sparse, and the worker compiles pyodide.asm.wasm itself
                       while the snapshot downloads (loadPyodide only starts compiling
                       once it has the snapshot)
    snap-a-http-gzip   the raw bytes sent with Content-Encoding: gzip (the test server
                       gzips on the fly, so this variant's first visit is pessimistic)
    snap-b             snapshot-stdlib.bin.gz, then loadPackage(wheels), import, load_bank

Each repetition gives every variant a fresh on-disk browser profile: a first visit (cold
HTTP cache), then the same page again in that profile (repeat visit: HTTP cache and V8's
wasm code cache warm). Variants are interleaved round-robin. READY is from the page's
navigation start to the worker reporting the bank loaded; the stages are from the
worker's start.

`--failures` also feeds the worker damaged snapshots, as a site would meet them (missing
file, another build's snapshot, a truncated file, a corrupted file), passes them to
loadPyodide unchecked, and falls back to a plain boot: in the same worker when
loadPyodide rejects, or from the page with a fresh worker when the old one stops
answering.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

from tests.support.chromium import LAUNCH_ARGS, find
from tests.support.server import serve

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/x/"
VARIANTS = (
    "plain",
    "snap-a",
    "snap-a-raw",
    "snap-a-sparse",
    "snap-a-sparse-raw",
    "snap-a-sparse+pc",
    "snap-a-http-gzip",
    "snap-b",
)
TIMEOUT_MS = 120_000
WATCHDOG_MS = 20_000

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pyodide snapshot probe</title></head>
<body>
<p>Snapshot probe: boots the quiz engine in a module worker.</p>
<script type="module">
const params = new URLSearchParams(location.search);
const job = JSON.parse(params.get("job") || "{}");
const watchdog = Number(params.get("watchdog") || 0);
const events = [];
function start(message, label) {
  const worker = new Worker(new URL("probe-worker.mjs", import.meta.url), { type: "module" });
  let timer = null;
  if (watchdog) {
    timer = setTimeout(() => {
      const what = `${label}: no answer in ${watchdog} ms, worker terminated`;
      events.push({ at: Math.round(performance.now()), what });
      worker.terminate();
      start({ variant: "plain" }, "fallback worker");
    }, watchdog);
  }
  worker.onmessage = (event) => {
    clearTimeout(timer);
    const data = JSON.parse(event.data);
    window.__result = { page_ms: performance.now(), worker: label, events, ...data };
  };
  worker.onerror = (event) => {
    clearTimeout(timer);
    const error = `worker error: ${event.message}`;
    window.__result = { page_ms: performance.now(), ok: false, error, events };
  };
  worker.postMessage(JSON.stringify(message));
}
start(job, "first worker");
</script>
</body>
</html>
"""

WORKER = r"""// Probe worker: boot the quiz engine from the site's own Pyodide runtime, with or
// without a memory snapshot, and report how long each stage took.
const siteRoot = new URL("../", import.meta.url);
const t0 = performance.now();
const marks = {};
const mark = (name) => (marks[name] = Math.round(performance.now() - t0));

// Time Pyodide's own wasm instantiation (streaming compile, or V8's code cache on repeat).
// With job.precompile the worker compiles pyodide.asm.wasm itself while the snapshot
// downloads and decompresses (loadPyodide only instantiates after it has the snapshot),
// and Pyodide's instantiateStreaming call just instantiates that module.
let precompiled = null;
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (response, imports) => {
  mark("wasm_start");
  let result;
  if (precompiled) {
    const module = await precompiled;
    result = { module, instance: await WebAssembly.instantiate(module, imports) };
  } else {
    result = await instantiateStreaming(response, imports);
  }
  mark("wasm_done");
  return result;
};

// Sparse layout (see sparse() in snapshot_probe.py): "PYSPARS1", u32 total length,
// u32 page size, u32 page count, a bitmap of the pages that are not all zero, those pages.
function unsparse(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== "PYSPARS1") throw new Error("not sparse");
  const [total, page, count] = [8, 12, 16].map((o) => view.getUint32(o, true));
  const bitmap = bytes.subarray(20, 20 + Math.ceil(count / 8));
  const out = new Uint8Array(total);
  let from = 20 + bitmap.length;
  for (let i = 0; i < count; i++) {
    if (!(bitmap[i >> 3] & (1 << (i & 7)))) continue;
    const end = Math.min(total, (i + 1) * page);
    out.set(bytes.subarray(from, from + end - i * page), i * page);
    from += end - i * page;
  }
  if (from !== bytes.length) throw new Error("sparse snapshot: wrong length");
  return out;
}

async function bytesOf(url, gz, sparse) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  let body = await response.arrayBuffer();
  mark("snapshot_fetched");
  if (gz) {
    const stream = new Blob([body]).stream().pipeThrough(new DecompressionStream("gzip"));
    body = await new Response(stream).arrayBuffer();
  }
  return sparse ? unsparse(body) : body;
}

let snapshotBytes = null;

async function engine(job, manifest, loadPyodide, indexURL, bankText) {
  const options = { indexURL, fullStdLib: false };
  if (job.snapshot) {
    // As unchecked as it gets: whatever the URL returns goes to Pyodide.
    if (job.precompile) {
      precompiled = WebAssembly.compileStreaming(fetch(new URL("pyodide.asm.wasm", indexURL)));
      precompiled.catch(() => {});
    }
    const snapshot = bytesOf(new URL(job.snapshot, siteRoot), job.gz, job.sparse).then((b) => {
      mark("snapshot_bytes");
      snapshotBytes = b;
      return b;
    });
    snapshot.catch(() => {}); // loadPyodide awaits it; its rejection is reported there
    options._loadSnapshot = snapshot;
  }
  const pyodide = await loadPyodide(options);
  mark("pyodide");
  if (!job.engineInside) {
    const wheels = manifest.wheels.map((w) => new URL(w, siteRoot).href);
    await pyodide.loadPackage(wheels, { messageCallback: () => {} });
  }
  mark("wheels");
  pyodide.runPython("from practice_engine.api import dispatch");
  const dispatch = pyodide.globals.get("dispatch");
  mark("import");
  const loaded = JSON.parse(dispatch("load_bank", JSON.stringify({ text: await bankText })));
  if (!loaded.ok) throw new Error(loaded.error);
  mark("ready");
  return { pyodide, loaded: loaded.result };
}

self.onmessage = async (event) => {
  const job = JSON.parse(event.data);
  const result = { ok: false, variant: job.variant, marks };
  try {
    const manifest = await (await fetch(new URL("assets/quiz/runtime.json", siteRoot))).json();
    const bankText = fetch(new URL(manifest.bank, siteRoot)).then((r) => r.text());
    const indexURL = new URL(manifest.pyodide.dir, siteRoot).href;
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    mark("module");
    let booted;
    try {
      booted = await engine(job, manifest, loadPyodide, indexURL, bankText);
    } catch (error) {
      if (!job.snapshot) throw error;
      const message = String(error?.message ?? error).slice(0, 300);
      result.snapshot_error = `${error?.constructor?.name}: ${message}`;
      mark("snapshot_failed");
      booted = await engine({ variant: "plain" }, manifest, loadPyodide, indexURL, bankText);
      result.fell_back = true;
    }
    result.ok = true;
    result.loaded = booted.loaded;
    result.heap_bytes = booted.pyodide._module.HEAP8.length;
    if (snapshotBytes && !result.fell_back) {
      // Not part of READY: what checking the bytes against a published SHA-256 would cost.
      const t = performance.now();
      await crypto.subtle.digest("SHA-256", snapshotBytes);
      result.sha256_ms = Math.round(performance.now() - t);
    }
    result.answer = booted.pyodide.runPython(
      "import json; json.loads(dispatch('new_session', json.dumps({'filters': None, 'seed': 7})))" +
        "['ok']",
    );
  } catch (error) {
    result.error = String(error?.stack ?? error);
  }
  result.transfer = performance
    .getEntriesByType("resource")
    .reduce((acc, e) => acc + (e.transferSize || 0), 0);
  self.postMessage(JSON.stringify(result));
};
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_site(dest: Path, given: Path | None) -> None:
    if given:
        shutil.copytree(given, dest)
        return
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(dest)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def sparse(raw: bytes, page: int = 4096) -> bytes:
    """The snapshot without its all-zero pages (about half of a 30 MiB heap), for
    unsparse() in the worker: less to read from cache and to gunzip on every visit."""
    count = -(-len(raw) // page)
    bitmap = bytearray(-(-count // 8))
    kept = []
    for i in range(count):
        chunk = raw[i * page : (i + 1) * page]
        if chunk.count(0) != len(chunk):
            bitmap[i >> 3] |= 1 << (i & 7)
            kept.append(chunk)
    head = b"PYSPARS1" + len(raw).to_bytes(4, "little") + page.to_bytes(4, "little")
    return head + count.to_bytes(4, "little") + bytes(bitmap) + b"".join(kept)


def make_snapshots(site: Path) -> tuple[Path, dict]:
    manifest = json.loads((site / "assets/quiz/runtime.json").read_text())
    runtime = site / manifest["pyodide"]["dir"]
    pinned = ROOT / "node_modules" / "pyodide"
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs"):
        if sha256(runtime / name) != sha256(pinned / name):
            sys.exit(f"{runtime / name} differs from {pinned / name}: a snapshot must match it")
    info = {}
    for strategy in ("packages", "stdlib"):
        out = runtime / f"snapshot-{strategy}.bin"
        subprocess.run(
            ["node", "tests/support/make_snapshot.mjs", "--strategy", strategy, str(out)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        raw = out.read_bytes()
        packed = gzip.compress(raw, compresslevel=6, mtime=0)
        Path(f"{out}.gz").write_bytes(packed)
        # The same bytes under a name our test server (like many hosts) sends with
        # Content-Encoding: gzip, so the browser's network stack inflates them natively.
        shutil.copy(out, f"{out}.wasm")
        thin = sparse(raw)
        Path(f"{out}.sparse").write_bytes(thin)
        thin_packed = gzip.compress(thin, compresslevel=6, mtime=0)
        Path(f"{out}.sparse.gz").write_bytes(thin_packed)
        sidecar = json.loads(Path(f"{out}.json").read_text())
        info[strategy] = {
            "raw": len(raw),
            "gzip": len(packed),
            "sparse": len(thin),
            "sparse_gzip": len(thin_packed),
            "sidecar": sidecar,
        }
    site_wheels = {p.name: sha256(p) for p in (site / "assets/py").glob("*.whl")}
    for wheel in info["packages"]["sidecar"]["wheels"]:
        if site_wheels.get(wheel["name"]) != wheel["sha256"]:
            print(f"warning: {wheel['name']} in the snapshot differs from the site's copy")
    return runtime, info


def damaged_snapshots(runtime: Path, other: Path | None) -> dict[str, Path | str]:
    """Snapshot files a site could end up serving, and what each does to loadPyodide."""
    good = (runtime / "snapshot-packages.bin").read_bytes()
    rel = runtime.relative_to(runtime.parents[2])  # assets/pyodide/<version>
    cases: dict[str, Path | str] = {}
    cases["missing (HTTP 404)"] = f"{rel}/snapshot-missing.bin"
    (runtime / "snapshot-truncated.bin").write_bytes(good[: len(good) - (1 << 20)])
    cases["truncated by 1 MiB"] = f"{rel}/snapshot-truncated.bin"
    (runtime / "snapshot-half.bin").write_bytes(good[: len(good) // 2])
    cases["truncated to half"] = f"{rel}/snapshot-half.bin"
    damaged = bytearray(good)
    damaged[14 << 20 : (14 << 20) + 65536] = bytes(65536)
    (runtime / "snapshot-zeroed.bin").write_bytes(damaged)
    cases["64 KiB zeroed at 14 MiB"] = f"{rel}/snapshot-zeroed.bin"
    if other:
        shutil.copy(other, runtime / "snapshot-other-build.bin")
        cases[f"other build ({other.name})"] = f"{rel}/snapshot-other-build.bin"
    return cases


@contextmanager
def profile(p, tmp: Path) -> Iterator:
    """A fresh browser profile on disk, so its HTTP cache (and V8's wasm code cache, which
    lives beside it) behaves as a reader's does; an in-memory incognito cache is too small
    to keep the snapshot, the wasm and the stdlib at once."""
    user_data = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
    context = p.chromium.launch_persistent_context(
        str(user_data),
        executable_path=find() or "/usr/bin/chromium",
        args=LAUNCH_ARGS,
        headless=True,
    )
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(user_data, ignore_errors=True)


def visit(context, base: str, job: dict, watchdog: int = 0) -> dict:
    page = context.new_page()
    try:
        query = f"?job={json.dumps(job, separators=(',', ':'))}"
        if watchdog:
            query += f"&watchdog={watchdog}"
        page.goto(urljoin(base, "snapshot-probe/") + query)
        page.wait_for_function("window.__result !== undefined", timeout=TIMEOUT_MS)
        return page.evaluate("window.__result")
    finally:
        page.close()


def jobs(runtime_rel: str) -> dict[str, dict]:
    return {
        "plain": {"variant": "plain"},
        "snap-a": {
            "variant": "snap-a",
            "snapshot": f"{runtime_rel}/snapshot-packages.bin.gz",
            "gz": True,
            "engineInside": True,
        },
        "snap-a-raw": {
            "variant": "snap-a-raw",
            "snapshot": f"{runtime_rel}/snapshot-packages.bin",
            "gz": False,
            "engineInside": True,
        },
        "snap-a-sparse": {
            "variant": "snap-a-sparse",
            "snapshot": f"{runtime_rel}/snapshot-packages.bin.sparse.gz",
            "gz": True,
            "sparse": True,
            "engineInside": True,
        },
        "snap-a-sparse-raw": {
            "variant": "snap-a-sparse-raw",
            "snapshot": f"{runtime_rel}/snapshot-packages.bin.sparse",
            "sparse": True,
            "engineInside": True,
        },
        "snap-a-sparse+pc": {
            "variant": "snap-a-sparse+pc",
            "snapshot": f"{runtime_rel}/snapshot-packages.bin.sparse.gz",
            "gz": True,
            "sparse": True,
            "precompile": True,
            "engineInside": True,
        },
        "snap-a-http-gzip": {
            "variant": "snap-a-http-gzip",
            "snapshot": f"{runtime_rel}/snapshot-packages.bin.wasm",
            "engineInside": True,
        },
        "snap-b": {
            "variant": "snap-b",
            "snapshot": f"{runtime_rel}/snapshot-stdlib.bin.gz",
            "gz": True,
        },
    }


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built site to copy")
    parser.add_argument("--failures", action="store_true", help="also try damaged snapshots")
    parser.add_argument("--other", type=Path, help="a snapshot made by another Pyodide build")
    parser.add_argument(
        "--variants", default=",".join(VARIANTS), help="comma-separated subset of the variants"
    )
    args = parser.parse_args()
    chosen = [v for v in args.variants.split(",") if v]
    unknown = set(chosen) - set(VARIANTS)
    if unknown:
        sys.exit(f"unknown variants {sorted(unknown)}; choose from {', '.join(VARIANTS)}")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="snapprobe-") as tmp:
        site = Path(tmp) / "site"
        build_site(site, args.site)
        runtime, sizes = make_snapshots(site)
        rel = runtime.relative_to(site).as_posix()
        probe = site / "snapshot-probe"
        probe.mkdir()
        (probe / "index.html").write_text(PAGE)
        (probe / "probe-worker.mjs").write_text(WORKER)
        cases = damaged_snapshots(runtime, args.other) if args.failures else {}
        variant_jobs = jobs(rel)

        print(f"Pyodide {sizes['packages']['sidecar']['pyodide']}; snapshots (bytes):")
        for strategy, s in sizes.items():
            print(
                f"  {strategy:9} raw {s['raw']:>10,}  gzip-6 {s['gzip']:>10,}"
                f"  sparse {s['sparse']:>10,}  sparse+gzip-6 {s['sparse_gzip']:>10,}"
            )

        results: dict[str, dict[str, list[dict]]] = {v: {"first": [], "repeat": []} for v in chosen}
        with serve(site, prefix=PREFIX, gzip_on=True) as base, sync_playwright() as p:
            for rep in range(args.reps):
                for variant in chosen:
                    with profile(p, Path(tmp)) as context:
                        for visit_kind in ("first", "repeat"):
                            r = visit(context, base, variant_jobs[variant])
                            if not r.get("ok") or r.get("fell_back"):
                                sys.exit(f"{variant} {visit_kind}: {json.dumps(r)[:2000]}")
                            results[variant][visit_kind].append(r)
                print(f"\rrep {rep + 1}/{args.reps}", end="", flush=True)
            print()
            report(results, args.reps)
            if cases:
                failure_report(p, Path(tmp), base, cases)


STAGES = (
    ("module", "module"),
    ("snapshot_fetched", "fetched"),
    ("snapshot_bytes", "snap"),
    ("wasm_start", "wasm0"),
    ("wasm_done", "wasm1"),
    ("pyodide", "pyodide"),
    ("wheels", "wheels"),
    ("import", "import"),
    ("ready", "bank"),
)


def report(results: dict, reps: int) -> None:
    print(
        f"\nmedians over {reps} interleaved runs: READY = ms from navigation start to bank"
        " loaded; stages = ms from worker start; transfer = bytes over the network"
    )
    head = "".join(f"{label:>8}" for _, label in STAGES)
    print(f"  {'variant':17} {'visit':6} {'READY':>6} {head} {'transfer':>12}  heap")
    for variant, visits in results.items():
        for kind, runs in visits.items():
            ready = median([r["page_ms"] for r in runs])
            stages = "".join(
                f"{median([r['marks'].get(k, float('nan')) for r in runs]):8.0f}" for k, _ in STAGES
            )
            transfer = median([r["transfer"] for r in runs])
            heap = median([r["heap_bytes"] for r in runs]) / 2**20
            digest = [r["sha256_ms"] for r in runs if "sha256_ms" in r]
            extra = f"  sha256 {median(digest):.0f} ms" if digest else ""
            print(
                f"  {variant:17} {kind:6} {ready:6.0f} {stages} {transfer:>12,.0f}"
                f"  {heap:.0f} MiB{extra}"
            )
    print()
    for variant, visits in results.items():
        if variant.startswith("snap-a"):
            a = median([r["page_ms"] for r in visits["repeat"]])
            verdict = "yes" if a <= 600 else "no"
            print(f"{variant} repeat-visit ready {a:.0f} ms: <= 600 ms? {verdict}")


def failure_report(p, tmp: Path, base: str, cases: dict[str, str]) -> None:
    print(
        "\ndamaged snapshots passed to loadPyodide unchecked "
        f"(fallback: plain boot in the same worker, or a new worker after {WATCHDOG_MS} ms)"
    )
    for name, url in cases.items():
        with profile(p, tmp) as context:
            job = {"variant": name, "snapshot": url, "gz": False, "engineInside": True}
            r = visit(context, base, job, watchdog=WATCHDOG_MS)
        if r.get("worker") == "fallback worker":
            what = f"worker HUNG; {r['events'][0]['what']}"
        elif r.get("fell_back"):
            after = r["marks"].get("snapshot_failed")
            what = f"loadPyodide rejected after {after} ms: {r['snapshot_error']}"
        elif r.get("ok"):
            what = "loadPyodide RESOLVED; engine answered"
        else:
            what = f"error: {r.get('error')}"
        print(f"  {name}: {what}")
        print(
            f"      -> engine ready at {r['page_ms']:.0f} ms"
            f" (ok={r.get('ok')}, new_session ok={r.get('answer')})"
        )


if __name__ == "__main__":
    main()
