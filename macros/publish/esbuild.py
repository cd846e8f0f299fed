"""Run the pinned esbuild (node_modules/.bin/esbuild) over one entry into one file, cached
under build/<name>/<hash>/ by everything that shapes the result: the source files, the
package-lock.json (the exact versions bundled) and the options.

esbuild takes a fraction of a second, but `mkdocs serve` rebuilds on every save, so an
unchanged bundle is never built twice. Used for the code editor (editor.py) and the
site's scripts (scripts.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path


class BundleBuildError(RuntimeError):
    """esbuild could not make a bundle; the message says why and what to run."""


def check_node_modules(root: Path, needed: Iterable[str], what: str) -> Path:
    """The esbuild binary, once every package the bundle needs is installed."""
    node_modules = root / "node_modules"
    missing = [name for name in needed if not (node_modules / name / "package.json").is_file()]
    if missing:
        raise BundleBuildError(
            f"{what} cannot be bundled: {', '.join(missing)} not found in "
            f"{node_modules}. Run `npm ci` (or `make install`) first."
        )
    esbuild = node_modules / ".bin" / "esbuild"
    if not esbuild.exists():
        raise BundleBuildError(f"{esbuild} not found: run `npm ci` (or `make install`) first")
    return esbuild


def input_hash(root: Path, sources: Iterable[Path], options: Iterable[str]) -> str:
    """A hash of the sources' names and bytes, the lock file and the options."""
    digest = hashlib.sha256()
    for part in [*sorted(sources), root / "package-lock.json"]:
        digest.update(str(part.relative_to(root) if part.is_absolute() else part).encode())
        digest.update(part.read_bytes() if part.is_file() else b"<missing>")
    digest.update(json.dumps(list(options)).encode())
    return digest.hexdigest()[:16]


def _run(root: Path, esbuild: Path, entry: Path, options: Iterable[str], out: Path) -> None:
    """esbuild into a scratch folder, renamed to `out`'s folder in one step, so an
    interrupted build never leaves a half-written bundle that looks cached."""
    folder = out.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        proc = subprocess.run(
            [str(esbuild), str(root / entry), *options, f"--outfile={tmp / out.name}"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if proc.returncode != 0:
            raise BundleBuildError(f"esbuild failed to bundle {entry}:\n{proc.stderr.strip()}")
        # A parallel build may have got there first; its bundle is the same bytes.
        with contextlib.suppress(OSError):
            tmp.rename(folder)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BundleBuildError(f"esbuild could not run: {exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cached_bundle(
    root: Path,
    entry: Path,
    *,
    sources: Iterable[Path],
    options: tuple[str, ...],
    needed: Iterable[str],
    cache: Path,
    name: str,
    what: str,
) -> Path:
    """The bundle of `entry` for the current inputs, built only when they changed."""
    root = Path(root)
    if not (root / entry).is_file():
        raise BundleBuildError(f"{root / entry} not found: it is the entry of {what}")
    esbuild = check_node_modules(root, needed, what)
    out = root / cache / input_hash(root, sources, options) / name
    if not out.is_file():
        _run(root, esbuild, entry, options, out)
    return out
