"""Build and serve the site for a benchmark, the way a reader's browser meets it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools.server import serve
from devtools.site import ROOT
from devtools.site import build as build_site


def build(site: Path, url: str, config: str = "mkdocs.yml", root: Path = ROOT) -> float:
    """Build strictly into `site` for `url`; returns the wall time in seconds. `root`:
    another copy of the sources (a generated bank, benchmarks/growth.py)."""
    built = build_site(site, url, config, root)
    if not built.ok:
        raise RuntimeError(f"the site did not build:\n{built.output}")
    return built.seconds


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
