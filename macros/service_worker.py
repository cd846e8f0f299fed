"""Write the site's service worker: the precache list and a version that changes with
any byte of the build, so a new build always gets a fresh, consistent cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

TEMPLATE = Path(__file__).with_name("templates") / "sw.js"
# Cached when the reader first uses Python, not at install (13 MB most readers never need).
RUNTIME_DIRS = ("assets/pyodide/", "assets/py/")
SKIP_SUFFIXES = (".map", ".gz", ".woff", ".ttf", ".whl")
SKIP_NAMES = ("sw.js", "sitemap.xml", "bank.schema.json")
# Kept with the Python runtime, the first time a reader uses any practice widget: the code
# editor (~370 KB, ~110 KB gzip) matters only to readers who practise, and then it must be
# there offline even if no exercise was opened online.
WITH_PYTHON = ("assets/js/editor.mjs",)


def _url_of(rel: str) -> str:
    """The URL readers use for a file: folders for pages (use_directory_urls)."""
    if rel == "index.html":
        return "./"
    if rel.endswith("/index.html"):
        return rel.removesuffix("index.html")
    return rel


def site_files(site: Path) -> tuple[list[str], list[str]]:
    """(precached at install, cached once Python is used), as paths relative to the site
    root."""
    precache, runtime = [], []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(RUNTIME_DIRS):
            if rel.endswith(".whl") or "/pyodide/" in f"/{rel}":
                runtime.append(rel)
            continue
        if rel in WITH_PYTHON:
            runtime.append(rel)
            continue
        skip = rel.endswith(SKIP_SUFFIXES) or path.name in SKIP_NAMES
        if skip or rel.startswith("bench"):
            continue
        precache.append(_url_of(rel))
    return precache, sorted(runtime)


def build_version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.name != "sw.js"):
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(site: Path) -> Path:
    precache, runtime = site_files(site)
    text = (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("__VERSION__", build_version(site, precache))
        .replace("__PRECACHE__", json.dumps(precache, indent=0))
        .replace("__RUNTIME__", json.dumps(runtime, indent=0))
    )
    out = site / "sw.js"
    out.write_text(text, encoding="utf-8")
    return out
