"""Bundle the code editor (CodeMirror 6 from the pinned npm packages) with esbuild into one
ES module the exercise pages import from the site itself: assets/js/editor.mjs.

esbuild takes a fraction of a second, but `mkdocs serve` rebuilds on every save, so the
bundle is cached under build/editor/<hash>/, keyed by everything that shapes it: the entry
file, package-lock.json (the exact versions bundled) and the esbuild options below.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import Outputs

ENTRY = Path("frontend/editor.mjs")
OUTPUT = "assets/js/editor.mjs"
CACHE = Path("build/editor")
# Chromium, Firefox and Safari versions from 2021 on; CodeMirror itself needs ES2020.
OPTIONS = ("--bundle", "--format=esm", "--minify", "--target=es2020", "--legal-comments=none")
NEEDED = ("esbuild", "@codemirror/view", "@codemirror/state", "@codemirror/lang-python")


class EditorBundleError(RuntimeError):
    """The bundle could not be built; the message says why and what to run."""


def _check_node_modules(root: Path) -> Path:
    node_modules = root / "node_modules"
    missing = [name for name in NEEDED if not (node_modules / name / "package.json").is_file()]
    if missing:
        raise EditorBundleError(
            f"the code editor cannot be bundled: {', '.join(missing)} not found in "
            f"{node_modules}. Run `npm ci` (or `make install`) first."
        )
    esbuild = node_modules / ".bin" / "esbuild"
    if not esbuild.exists():
        raise EditorBundleError(f"{esbuild} not found: run `npm ci` (or `make install`) first")
    return esbuild


def input_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for part in (root / ENTRY, root / "package-lock.json"):
        digest.update(part.read_bytes() if part.is_file() else b"<missing>")
    digest.update(json.dumps(OPTIONS).encode())
    return digest.hexdigest()[:16]


def _bundle(root: Path, esbuild: Path, folder: Path) -> None:
    """Run esbuild into a scratch folder, then rename it to `folder` in one step, so an
    interrupted build never leaves a half-written bundle that looks cached."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        proc = subprocess.run(
            [str(esbuild), str(root / ENTRY), *OPTIONS, f"--outfile={tmp / 'editor.mjs'}"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if proc.returncode != 0:
            raise EditorBundleError(f"esbuild failed to bundle {ENTRY}:\n{proc.stderr.strip()}")
        # A parallel build may have got there first; its bundle is the same bytes.
        with contextlib.suppress(OSError):
            tmp.rename(folder)
    except (OSError, subprocess.SubprocessError) as exc:
        raise EditorBundleError(f"esbuild could not run: {exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def editor_bundle(root: Path) -> Path:
    """The cached bundle for the current inputs, building it only when they changed."""
    root = Path(root)
    if not (root / ENTRY).is_file():
        raise EditorBundleError(f"{root / ENTRY} not found: it is the editor bundle's entry")
    esbuild = _check_node_modules(root)
    folder = root / CACHE / input_hash(root)
    if not (folder / "editor.mjs").is_file():
        _bundle(root, esbuild, folder)
    return folder / "editor.mjs"


def editor_outputs(root: Path) -> Outputs:
    """assets/js/editor.mjs, from the cache."""
    return {OUTPUT: editor_bundle(root)}
