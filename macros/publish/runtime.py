"""Copy the browser runtime into the built site so nothing is fetched from another host.

Pyodide comes from the pinned npm package and lands under a versioned path, so a new
runtime never mixes with files a browser cached for the old one.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


class AssetError(RuntimeError):
    """A runtime file the site needs is missing; the message says how to get it."""


def pyodide_version(node_modules: Path) -> str:
    pkg = node_modules / "pyodide" / "package.json"
    if not pkg.is_file():
        raise AssetError(f"{pkg} not found: run `npm ci` (or `make install`) first")
    return json.loads(pkg.read_text(encoding="utf-8"))["version"]


def copy_if_changed(src: Path, dest: Path) -> None:
    """Copy unless an identical file is already there (keeps `mkdocs serve` rebuilds fast)."""
    if (
        dest.is_file()
        and dest.stat().st_size == src.stat().st_size
        and dest.stat().st_mtime >= src.stat().st_mtime
    ):
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)


def copy_pyodide(node_modules: Path, site_dir: Path) -> Path:
    version = pyodide_version(node_modules)
    dest = site_dir / "assets" / "pyodide" / version
    for name in PYODIDE_FILES:
        src = node_modules / "pyodide" / name
        if not src.is_file():
            raise AssetError(f"{src} is missing from the pyodide package")
        copy_if_changed(src, dest / name)
    return dest


KATEX_FILES = ("katex.min.js", "katex.min.css")


def copy_katex(node_modules: Path, site_dir: Path) -> Path:
    """KaTeX's script, stylesheet and fonts, so formulas render with no CDN."""
    dist = node_modules / "katex" / "dist"
    dest = site_dir / "assets" / "katex"
    for name in KATEX_FILES:
        if not (dist / name).is_file():
            raise AssetError(f"{dist / name} not found: run `npm ci` (or `make install`) first")
        copy_if_changed(dist / name, dest / name)
    for font in sorted((dist / "fonts").iterdir()):
        copy_if_changed(font, dest / "fonts" / font.name)
    return dest


def copy_wheels(wheels: list[Path], site_dir: Path) -> list[Path]:
    dest = site_dir / "assets" / "py"
    out = []
    for wheel in wheels:
        copy_if_changed(wheel, dest / wheel.name)
        out.append(dest / wheel.name)
    return out


def runtime_manifest(site_dir: Path, pyodide_dir: Path, wheels: list[Path]) -> dict:
    """What the worker fetches to boot, with sizes so it can show real download progress.
    Paths are relative to the site root; the worker resolves them against its own URL."""

    def rel(p: Path) -> str:
        return p.relative_to(site_dir).as_posix()

    boot = [pyodide_dir / n for n in PYODIDE_FILES if n != "pyodide.mjs"]
    return {
        "version": 1,
        "pyodide": {"version": pyodide_dir.name, "dir": rel(pyodide_dir) + "/"},
        "wheels": [rel(w) for w in wheels],
        "bank": "assets/quiz/bank.json",
        "sizes": {rel(p): p.stat().st_size for p in [*boot, *wheels]},
    }


def write_runtime_manifest(site_dir: Path, pyodide_dir: Path, wheels: list[Path]) -> Path:
    path = site_dir / "assets" / "quiz" / "runtime.json"
    data = runtime_manifest(site_dir, pyodide_dir, wheels)
    path.write_text(json.dumps(data, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return path


def read_runtime_manifest(site_dir: Path) -> dict:
    path = site_dir / "assets" / "quiz" / "runtime.json"
    return json.loads(path.read_text(encoding="utf-8"))


def add_to_runtime_manifest(site_dir: Path, **fields: object) -> Path:
    """Add fields written by a later build step (the memory snapshot's record)."""
    path = site_dir / "assets" / "quiz" / "runtime.json"
    data = {**read_runtime_manifest(site_dir), **fields}
    path.write_text(json.dumps(data, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return path
