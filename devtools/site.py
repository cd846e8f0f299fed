"""Build the site as `make build` does, and change a built site the way a later build
would: add a memory snapshot, take it out again, rewrite the service worker for what the
site holds now. Tests and benchmarks use these to compare variants of one build without
building twice."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

from macros.publish.runtime import MANIFEST, PYODIDE_FILES
from macros.publish.service_worker import write_service_worker
from macros.publish.snapshot import snapshot_outputs

ROOT = Path(__file__).resolve().parent.parent


class Built(NamedTuple):
    ok: bool
    output: str  # MkDocs' log: warnings and errors
    seconds: float


def build(site: Path, url: str, config: str = "mkdocs.yml", root: Path = ROOT, **env: str) -> Built:
    """`mkdocs build --strict` into `site` for the address `url` (Material's instant
    navigation and the sitemap need the real one), with extra environment `env`. `root`:
    another checkout of the project (an older commit, for a before-and-after benchmark);
    `python -m` puts it first on the import path, so its own build code runs."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url, **env}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env=environ,
    )
    return Built(proc.returncode == 0, proc.stdout + proc.stderr, time.perf_counter() - start)


def rewrite_service_worker(site: Path) -> Path:
    """sw.js for what `site` holds now, as a redeploy of a changed build would write it.
    The build itself lists its files from MkDocs; a site changed on disk has only the disk."""
    paths = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    return write_service_worker(site, paths)


def _manifest(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / MANIFEST).read_text(encoding="utf-8")))


def _write_manifest(site: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, sort_keys=True, indent=1) + "\n"
    (site / MANIFEST).write_text(text, encoding="utf-8")


def remove_snapshot(site: Path) -> None:
    """Take the memory snapshot out of a built site, if it has one."""
    data = _manifest(site)
    for stale in (site / data["pyodide"]["dir"]).glob("snapshot-*"):
        stale.unlink()
    if data.pop("snapshot", None) is not None:
        _write_manifest(site, data)
        rewrite_service_worker(site)


def add_snapshot(site: Path, strategy: str = "packages") -> dict[str, Any]:
    """Give a built site the memory snapshot a build with `python_snapshot: true` would
    make (the same module, the same cache), listed in its manifest and service worker."""
    remove_snapshot(site)
    data = _manifest(site)
    directory = data["pyodide"]["dir"]
    runtime: dict[str, str | bytes | Path] = {
        directory + name: site / directory / name for name in PYODIDE_FILES
    }
    wheels = [site / w for w in data["wheels"]]
    outputs, record = snapshot_outputs(ROOT, runtime, wheels, strategy)
    for uri, source in outputs.items():
        shutil.copyfile(source, site / uri)
    _write_manifest(site, {**data, "snapshot": record})
    rewrite_service_worker(site)
    return record
