"""Bundle the site's own scripts (frontend/main.js and the ES modules it imports) with
esbuild into one module every page loads: assets/js/site.<hash>.js.

Why one bundle for every page: Material's instant navigation swaps a page's content
without loading scripts again, so the script of the first page a reader opens must be
able to start any widget a later page shows. The name carries a hash of the content, so
a new build never meets a stale copy in a cache. Cached by its inputs (esbuild.py).
"""

from __future__ import annotations

from pathlib import Path

from .esbuild import cached_bundle

ENTRY = Path("frontend/main.js")
SOURCES = Path("frontend")
CACHE = Path("build/scripts")
# The same browsers as the code editor (2021 on). Minified: it is on every page.
OPTIONS = ("--bundle", "--format=esm", "--minify", "--target=es2020", "--legal-comments=none")


def sources(root: Path) -> list[Path]:
    """Every module the bundle may import (the editor is bundled on its own)."""
    return [p for p in (root / SOURCES).rglob("*.js") if "node_modules" not in p.parts]


def site_script(root: Path) -> str:
    """The text of the bundle, from the cache."""
    root = Path(root)
    bundle = cached_bundle(
        root,
        ENTRY,
        sources=sources(root),
        options=OPTIONS,
        needed=("esbuild",),
        cache=CACHE,
        name="site.js",
        what="the site's scripts",
    )
    return bundle.read_text(encoding="utf-8")
