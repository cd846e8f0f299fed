"""What the offline copy costs a reader, in bytes over the wire with gzip as GitHub Pages
serves them: the precache every reader's browser fetches once the service worker
installs, and what is kept on top once a reader first uses a practice widget (the Python
runtime, mostly copied from the HTTP cache it was just loaded into, and the code editor),
and the memory snapshot the Python worker keeps for later boots (a download of its own)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from devtools.server import COMPRESSIBLE


def _file(site: Path, url: str) -> Path:
    rel = "index.html" if url == "./" else url + "index.html" if url.endswith("/") else url
    return site / rel


def _wire(path: Path) -> int:
    body = path.read_bytes()
    return len(gzip.compress(body, 6, mtime=0)) if path.suffix in COMPRESSIBLE else len(body)


def _listed(site: Path, name: str) -> list[str]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(rf"const {name} = (\[.*?\]);", text, re.S).group(1))


def run(site: Path) -> dict:
    precache = sum(_wire(_file(site, u)) for u in _listed(site, "PRECACHE"))
    runtime = _listed(site, "RUNTIME")
    editor = sum(_wire(site / u) for u in runtime if u.endswith("editor.mjs"))
    python = sum(_wire(site / u) for u in runtime if not u.endswith("editor.mjs"))
    snap = json.loads((site / "assets/quiz/runtime.json").read_text()).get("snapshot")
    return {
        "precache_kb": precache / 1024,
        "python_kb": python / 1024,
        "editor_kb": editor / 1024,
        "snapshot_kb": (snap["bytes"] if snap else 0) / 1024,
    }
