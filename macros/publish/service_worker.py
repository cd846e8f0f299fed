"""Write the site's service worker: the precache list and a version that changes with
any byte of the build, so a new build always gets a fresh, consistent cache.

It is the one file written after every other: it lists them. The plugin hands it the
site-relative paths of everything the build wrote (MkDocs' own list of files, plus what
MkDocs and other plugins write after that list is final); the bytes are read from the
built site to compute the version.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

TEMPLATE = Path(__file__).with_name("sw.js")
OUTPUT = "sw.js"
# Cached when the reader first uses Python, not at install (13 MB most readers never need).
RUNTIME_DIRS = ("assets/pyodide/", "assets/py/")
SKIP_SUFFIXES = (".map", ".gz", ".woff", ".ttf", ".whl")
SKIP_NAMES = ("sw.js", "sitemap.xml", "bank.schema.json")
# Kept when first fetched, not at install: the search index (2 MB with 208 questions, and it
# grows with the bank) is asked for only once the reader opens search
# (docs/assets/js/search-gate.js), and the worker's fetch handler keeps what it fetches, so
# search works offline once it was opened online. Most readers never search.
ON_FIRST_USE = ("search/search_index.json",)
# Kept with the Python runtime, the first time a reader uses any practice widget: the code
# editor (~370 KB, ~110 KB gzip) matters only to readers who practise, and then it must be
# there offline even if no exercise was opened online.
# The Python worker's own parts that no page imports, its byte meter and its wheel
# unzipping (#20), stay out of the precache every reader downloads too.
WITH_PYTHON = ("assets/js/editor.mjs", "assets/js/byte-meter.mjs", "assets/js/wheel-files.mjs")
# Each question's answer-feedback file and the lexicon, which the worker fetches before a
# typed answer's first check (macros/publish/export.py): kept with the runtime, so typed
# answers are checked offline too after one practice visit.
WITH_PYTHON_DIRS = ("assets/quiz/feedback/",)
# The memory snapshot is kept by the Python worker in a cache of its own, once the reader
# has used Python (docs/assets/js/snapshot-store.mjs); the service worker leaves it alone.
SNAPSHOT_PREFIX = "snapshot-"


def _url_of(rel: str) -> str:
    """The URL readers use for a file: folders for pages (use_directory_urls)."""
    if rel == "index.html":
        return "./"
    if rel.endswith("/index.html"):
        return rel.removesuffix("index.html")
    return rel


def site_files(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """(precached at install, cached once Python is used), from the site-relative paths of
    the built files."""
    precache, runtime = [], []
    for rel in sorted(set(paths)):
        name = rel.rsplit("/", 1)[-1]
        if rel.startswith(RUNTIME_DIRS):
            if name.startswith(SNAPSHOT_PREFIX):
                continue
            if rel.endswith(".whl") or "/pyodide/" in f"/{rel}":
                runtime.append(rel)
            continue
        if rel in WITH_PYTHON or rel.startswith(WITH_PYTHON_DIRS):
            runtime.append(rel)
            continue
        if rel.endswith(SKIP_SUFFIXES) or name in SKIP_NAMES or rel in ON_FIRST_USE:
            continue
        precache.append(_url_of(rel))
    return precache, sorted(runtime)


def build_version(site: Path, paths: Iterable[str]) -> str:
    """A hash of every built file's path and bytes (the worker itself left out)."""
    digest = hashlib.sha256()
    for rel in sorted(set(paths) - {OUTPUT}):
        digest.update(rel.encode())
        digest.update(hashlib.sha256((site / rel).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(site: Path, paths: Iterable[str]) -> Path:
    """site/sw.js for the built files at `paths`."""
    paths = list(paths)
    precache, runtime = site_files(paths)
    text = (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("__VERSION__", build_version(site, paths))
        .replace("__PRECACHE__", json.dumps(precache, indent=0))
        .replace("__RUNTIME__", json.dumps(runtime, indent=0))
    )
    out = site / OUTPUT
    out.write_text(text, encoding="utf-8")
    return out
