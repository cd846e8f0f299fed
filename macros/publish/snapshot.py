"""Make a Pyodide memory snapshot of the booted engine at build time, so the worker can
restore Python with the engine already imported instead of booting it.

The snapshot is taken by snapshot.mjs (beside this file) under Node with the very runtime
files and wheels the site serves, gzipped, and listed in the runtime manifest with its
length and SHA-256 so the worker restores only exactly these bytes. A snapshot is about 31 MB of
wasm heap, so it is cached under build/snapshots/<input hash>/ (like the wheels and the
editor bundle): a rebuild with the same runtime and engine costs a file copy.

It goes under assets/pyodide/<version>/, which the service worker caches with the rest of
the runtime once a reader has used Python, and its name carries the input hash, so a new
snapshot never meets a stale cached one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from . import Outputs
from .runtime import PYODIDE_FILES

SCRIPT = Path(__file__).with_name("snapshot.mjs")
CACHE = Path("build/snapshots")
STRATEGIES = ("packages", "stdlib")
GZIP_LEVEL = 9  # the same inflate speed as level 6, and a few percent fewer bytes
TIMEOUT_S = 300


class SnapshotError(RuntimeError):
    """The snapshot could not be made; the message carries Node's own output."""


def input_hash(runtime: Path, wheels: list[Path], strategy: str) -> str:
    """Everything that shapes the snapshot's bytes: the script, the runtime, the wheels in
    load order, the strategy and the compression level."""
    digest = hashlib.sha256()
    parts = [SCRIPT, *(runtime / name for name in PYODIDE_FILES), *wheels]
    for part in parts:
        digest.update(part.name.encode())
        digest.update(hashlib.sha256(part.read_bytes()).digest())
    digest.update(f"{strategy}:{GZIP_LEVEL}".encode())
    return digest.hexdigest()[:16]


def _run_node(runtime: Path, wheels: list[Path], strategy: str, out: Path) -> dict:
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("Node is needed to make the Python snapshot (`make install`)")
    args = [node, str(SCRIPT), "--index", f"{runtime}/", "--strategy", strategy]
    proc = subprocess.run(
        [*args, "--out", str(out), *map(str, wheels)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    if proc.returncode != 0:
        raise SnapshotError(f"making the Python snapshot failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _make_into(folder: Path, runtime: Path, wheels: list[Path], strategy: str) -> None:
    info = _run_node(runtime, wheels, strategy, folder / "snapshot.bin")
    raw = (folder / "snapshot.bin").read_bytes()
    (folder / "snapshot.bin").unlink()
    (folder / "snapshot.bin.gz").write_bytes(gzip.compress(raw, GZIP_LEVEL, mtime=0))
    info.update(raw_bytes=len(raw), raw_sha256=hashlib.sha256(raw).hexdigest())
    (folder / "info.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")


def cached_snapshot(root: Path, runtime: Path, wheels: list[Path], strategy: str) -> Path:
    """build/snapshots/<hash>/ with snapshot.bin.gz and info.json, made only when missing.
    Written to a scratch folder and renamed in one step, so a half-made one never looks
    cached."""
    folder = root / CACHE / input_hash(runtime, wheels, strategy)
    if (folder / "info.json").is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        _make_into(tmp, runtime, wheels, strategy)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    try:
        tmp.rename(folder)
    except OSError:  # a parallel build finished first; its snapshot is the same
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def snapshot_outputs(
    root: Path, runtime: Outputs, wheels: list[Path], strategy: str = "packages"
) -> tuple[Outputs, dict[str, Any]]:
    """Make (or reuse) the snapshot of `runtime` (Pyodide's files by their site paths, as
    runtime.pyodide_files gives them) with `wheels` loaded in that order. Returns the file
    for the site, beside the runtime, and the record the runtime manifest carries."""
    if strategy not in STRATEGIES:
        raise SnapshotError(f"unknown snapshot strategy {strategy!r}: one of {STRATEGIES}")
    loader = next(uri for uri in runtime if uri.endswith("/pyodide.mjs"))
    directory, source = loader.removesuffix("pyodide.mjs"), Path(runtime[loader]).parent  # type: ignore[arg-type]
    version = directory.rstrip("/").rsplit("/", 1)[1]
    folder = cached_snapshot(root, source, wheels if strategy == "packages" else [], strategy)
    info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
    if info["pyodide"] != version:
        raise SnapshotError(
            f"the snapshot was made by Pyodide {info['pyodide']}, the site serves {version}"
        )
    packed = (folder / "snapshot.bin.gz").read_bytes()
    uri = f"{directory}snapshot-{folder.name}.bin.gz"
    record = {
        "file": uri,
        "bytes": len(packed),
        "sha256": hashlib.sha256(packed).hexdigest(),
        "encoding": "gzip",
        "raw_bytes": info["raw_bytes"],
        "pyodide": info["pyodide"],
        "build_id": info["build_id"],
        "strategy": strategy,
        "modules": info["modules"],
    }
    return {uri: folder / "snapshot.bin.gz"}, record
