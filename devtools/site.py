"""Build the site as `make build` does, and keep a built site's service worker true to its
files after a test or a benchmark changed them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from macros.publish.service_worker import write_service_worker

ROOT = Path(__file__).resolve().parent.parent


class Built(NamedTuple):
    ok: bool
    output: str  # MkDocs' log: warnings and errors
    seconds: float


def build(site: Path, url: str, config: str = "mkdocs.yml", **env: str) -> Built:
    """`mkdocs build --strict` into `site` for the address `url` (Material's instant
    navigation and the sitemap need the real one), with extra environment `env`."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url, **env}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)],
        cwd=ROOT,
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
