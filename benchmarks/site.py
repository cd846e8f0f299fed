"""Build and serve the site for a benchmark, the way a reader's browser meets it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.server import serve

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, url: str, config: str = "mkdocs.yml") -> float:
    """Build strictly into `site` for `url`; returns the wall time in seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", config, "-d", str(site)],
        cwd=ROOT,
        check=True,
        env=env,
    )
    return time.perf_counter() - start


@contextmanager
def served_site(gzip_on: bool = True) -> Iterator[tuple[Path, str]]:
    """The built site plus the benchmark's bare page, served with gzip like GitHub Pages."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        with serve(site, prefix="/ml-guide/", gzip_on=gzip_on) as url:
            build(site, url)
            shutil.copytree(ROOT / "benchmarks" / "bare", site / "bench-bare")
            yield site, url
