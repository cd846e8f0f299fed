"""The browser runtime the site serves itself, so nothing is fetched from another host:
Pyodide and KaTeX's fonts from the pinned npm packages, the Python wheels, and the
manifest the worker reads to boot.

Pyodide lands under a versioned path, so a new runtime never mixes with files a browser
cached for the old one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import Outputs
from .export import FEEDBACK_DIR, FEEDBACK_LEXICON

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
MANIFEST = "assets/quiz/runtime.json"
BANK = "assets/quiz/bank.json"
WHEELS_DIR = "assets/py"


class AssetError(RuntimeError):
    """A runtime file the site needs is missing; the message says how to get it."""


def pyodide_version(node_modules: Path) -> str:
    pkg = node_modules / "pyodide" / "package.json"
    if not pkg.is_file():
        raise AssetError(f"{pkg} not found: run `npm ci` (or `make install`) first")
    return str(json.loads(pkg.read_text(encoding="utf-8"))["version"])


def pyodide_dir(node_modules: Path) -> str:
    """Where the runtime goes in the site: assets/pyodide/<version>/."""
    return f"assets/pyodide/{pyodide_version(node_modules)}/"


def pyodide_files(node_modules: Path) -> Outputs:
    """Pyodide's loader, wasm, standard library and lock file, under pyodide_dir."""
    dest = pyodide_dir(node_modules)
    out: Outputs = {}
    for name in PYODIDE_FILES:
        src = node_modules / "pyodide" / name
        if not src.is_file():
            raise AssetError(f"{src} is missing from the pyodide package")
        out[dest + name] = src
    return out


def katex_files(node_modules: Path) -> Outputs:
    """KaTeX's fonts, beside the stylesheet the build writes for the formulas it typeset
    (render/math.py), so formulas render with no CDN. No KaTeX script: pages need none."""
    fonts = node_modules / "katex" / "dist" / "fonts"
    if not fonts.is_dir():
        raise AssetError(f"{fonts} not found: run `npm ci` (or `make install`) first")
    out: Outputs = {}
    for font in sorted(fonts.iterdir()):
        out[f"assets/katex/fonts/{font.name}"] = font
    return out


def wheel_files(wheels: list[Path]) -> Outputs:
    """The wheels under assets/py/, in load order (dependencies first)."""
    return {f"{WHEELS_DIR}/{wheel.name}": wheel for wheel in wheels}


def _size(source: str | bytes | Path) -> int:
    return source.stat().st_size if isinstance(source, Path) else len(source)


def manifest(runtime: Outputs, wheels: Outputs, snapshot: dict[str, Any] | None) -> str:
    """What the worker fetches to boot, with sizes so it can show real download progress,
    and the memory snapshot's record when there is one. Paths are relative to the site
    root; the worker resolves them against its own URL."""
    loader = next(uri for uri in runtime if uri.endswith("/pyodide.mjs"))
    directory = loader.removesuffix("pyodide.mjs")
    boot = {uri: src for uri, src in runtime.items() if uri != loader}
    data: dict[str, Any] = {
        "version": 1,
        "pyodide": {"version": directory.rstrip("/").rsplit("/", 1)[1], "dir": directory},
        "wheels": list(wheels),
        "bank": BANK,
        # Fetched by the worker before a question's first answer feedback (export.py).
        "feedback": {"dir": FEEDBACK_DIR + "/", "lexicon": FEEDBACK_LEXICON},
        "sizes": {uri: _size(src) for uri, src in {**boot, **wheels}.items()},
    }
    if snapshot is not None:
        data["snapshot"] = snapshot
    return json.dumps(data, sort_keys=True, indent=1) + "\n"
