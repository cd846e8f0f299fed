"""Build the practice engine's wheel with the standard `build` frontend, once per change,
and find the pinned third-party wheels that travel with it to the browser.

The wheel is pure Python (`py3-none-any`), which is all Pyodide needs; `pyodide-build` is
for compiled packages. It is built from a scratch copy of practice_engine/ and its own
pyproject.toml, so it holds the engine and nothing else, and the source tree gets no build
folders. Builds are cached by a hash of the sources, so `mkdocs serve` rebuilds stay fast
and an unchanged engine yields a byte-identical wheel.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ENGINE = "practice_engine"


class WheelError(RuntimeError):
    """The wheel could not be built; the message carries the build's own output."""


def _sources(root: Path) -> list[Path]:
    """The engine's packaging file and modules, subpackages included: everything the
    wheel is made of."""
    return [root / ENGINE / "pyproject.toml", *sorted((root / ENGINE).rglob("*.py"))]


def source_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in _sources(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_engine_wheel(root: Path) -> Path:
    """The engine wheel for the current sources, building it only when they changed.

    Test workers and site builds ask for it at the same time; a lock file makes the
    first one build and the others wait and reuse its wheel. The path is made absolute:
    the build runs in a scratch folder, where a relative --outdir would land the wheel in
    the folder that is deleted next."""
    root = root.resolve()
    out = root / "build" / "wheels" / source_hash(root)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        existing = sorted(out.glob("*.whl"))
        if existing:
            return existing[0]
        shutil.rmtree(out, ignore_errors=True)  # a folder without a wheel is no cache
        _build_into(root, out)
    wheels = sorted(out.glob("*.whl"))
    if len(wheels) != 1:
        raise WheelError(f"building the engine wheel left {len(wheels)} wheels in {out}")
    return wheels[0]


def _build_into(root: Path, out: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=out.parent))
    src = tmp / "src"
    src.mkdir()
    for path in _sources(root):
        target = src / path.relative_to(root / ENGINE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}  # reproducible zip timestamps
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp)],
        cwd=src,
        capture_output=True,
        text=True,
        env=env,
    )
    shutil.rmtree(src, ignore_errors=True)
    if proc.returncode != 0 or not list(tmp.glob("*.whl")):
        shutil.rmtree(tmp, ignore_errors=True)
        raise WheelError(f"building the engine wheel failed:\n{proc.stdout}\n{proc.stderr}")
    tmp.rename(out)


BROWSER_WHEELS = "requirements-browser.txt"


def browser_wheels(root: Path) -> list[Path]:
    """The pinned third-party wheels the engine needs in the browser, in load order
    (dependencies first, as listed in requirements-browser.txt)."""
    folder = root / "build" / "browser-wheels"
    wheels = []
    for line in (root / BROWSER_WHEELS).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, version = line.split()[0].partition("==")
        pattern = f"{name.replace('-', '_')}-{version}-*.whl"
        found = sorted(folder.glob(pattern))
        if not found:
            raise WheelError(
                f"{folder}/{pattern} not found: run `make install` to download the browser wheels"
            )
        wheels.append(found[0])
    return wheels
