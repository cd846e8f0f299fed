"""Bundle the code editor (CodeMirror 6 from the pinned npm packages) with esbuild into one
ES module the exercise pages import from the site itself, when the reader opens an
exercise: assets/js/editor.mjs. Cached by its inputs (esbuild.py).
"""

from __future__ import annotations

from pathlib import Path

from . import Outputs
from .esbuild import BundleBuildError, cached_bundle
from .esbuild import input_hash as _input_hash

ENTRY = Path("frontend/editor.mjs")
OUTPUT = "assets/js/editor.mjs"
CACHE = Path("build/editor")
# Chromium, Firefox and Safari versions from 2021 on; CodeMirror itself needs ES2020.
OPTIONS = ("--bundle", "--format=esm", "--minify", "--target=es2020", "--legal-comments=none")
NEEDED = ("esbuild", "@codemirror/view", "@codemirror/state", "@codemirror/lang-python")
EditorBundleError = BundleBuildError


def input_hash(root: Path) -> str:
    return _input_hash(root, [root / ENTRY], OPTIONS)


def editor_bundle(root: Path) -> Path:
    """The cached bundle for the current inputs, building it only when they changed."""
    root = Path(root)
    return cached_bundle(
        root,
        ENTRY,
        sources=[root / ENTRY],
        options=OPTIONS,
        needed=NEEDED,
        cache=CACHE,
        name="editor.mjs",
        what="the code editor",
    )


def editor_outputs(root: Path) -> Outputs:
    """assets/js/editor.mjs, from the cache."""
    return {OUTPUT: editor_bundle(root)}
