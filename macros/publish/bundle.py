"""Join the site's own stylesheets into one file and its scripts into one, at build time.

Why: every page listed four stylesheets in the head (each one blocks the first paint) and
eleven scripts, each its own request; on a slow mobile link every request costs a round
trip before the page can paint or start. The sources stay as they are, one file per
widget, listed in `mkdocs.yml` `extra_css` / `extra_javascript` (that is what a
contributor edits); the build writes one bundle of each and the pages link the bundles.

Order and semantics are kept: files are joined in the listed order; each script still
runs in strict mode (every source starts with "use strict"), and each runs in its own
try block, so a script that throws at start-up stops only itself, as a separate <script>
would, and its error still reaches window.onerror. The bundle's name carries a hash of
its content, so a new build never meets a stale copy in a cache.
"""

from __future__ import annotations

import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

CSS_DIR = "assets/css"
JS_DIR = "assets/js"
# Loaded first in the scripts bundle: the worker client every widget uses. On pages that
# start Python at once it is also loaded from the head (overrides/main.html); it runs once.
PY_CLIENT = "assets/js/py-client.js"
# Hand a start-up error to window.onerror, as a failing separate <script> would.
_REPORT = "(globalThis.reportError ?? console.error)(error);"
_STRICT = re.compile(r'^\s*"use strict";\s*$', re.M)


class BundleError(ValueError):
    """A file listed for bundling is missing or cannot be joined safely."""


def _source(files: Files, path: str) -> str:
    file = files.get_file_from_path(path)
    if file is None:
        raise BundleError(f"{path} is listed in mkdocs.yml but is not in docs/")
    return file.content_string


def _hashed(directory: str, stem: str, text: str, suffix: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{directory}/{stem}.{digest}{suffix}"


def join_css(sources: dict[str, str]) -> str:
    """Stylesheets in order; each must sit in assets/css so its relative url()s still
    resolve, and none may use @import or @charset (only valid at a file's top)."""
    parts = []
    for path, text in sources.items():
        if not path.startswith(CSS_DIR + "/") or "/" in path[len(CSS_DIR) + 1 :]:
            raise BundleError(f"{path}: only stylesheets directly in {CSS_DIR}/ can be joined")
        if re.search(r"@(import|charset)\b", text):
            raise BundleError(f"{path}: @import or @charset cannot be joined into a bundle")
        parts.append(f"/* {path} */\n{text.strip()}\n")
    return "\n".join(parts)


def join_js(sources: dict[str, str]) -> str:
    """Scripts in order, each in its own block: strict, and failing alone."""
    parts = ['"use strict";\n']
    for path, text in sources.items():
        if not path.startswith(JS_DIR + "/"):
            raise BundleError(f"{path}: only scripts in {JS_DIR}/ can be joined")
        if not _STRICT.search(text):
            raise BundleError(f'{path}: a bundled script must start with "use strict"')
        parts.append(f"// {path}\ntry {{\n{text.strip()}\n}} catch (error) {{\n  {_REPORT}\n}}\n")
    return "\n".join(parts)


def bundle(files: Files, config: MkDocsConfig) -> Files:
    """Add the two bundles to the site's files and point the pages at them (an on_files
    step: the theme reads `extra_css` / `extra_javascript` only when it renders pages)."""
    css_paths = list(config["extra_css"])
    js_paths = [str(s) for s in config["extra_javascript"]]  # str or ExtraScriptValue
    if any(getattr(s, "defer", False) or getattr(s, "async_", False) or getattr(s, "type", "")
           for s in config["extra_javascript"]):  # fmt: skip
        raise BundleError("bundled scripts must be plain classic scripts (no defer/async/type)")
    if css_paths:
        css = join_css({p: _source(files, p) for p in css_paths})
        css_uri = _hashed(CSS_DIR, "site", css, ".css")
        files.append(File.generated(config, css_uri, content=css))
        config["extra_css"] = [css_uri]
    if js_paths:
        ordered = [PY_CLIENT, *(p for p in js_paths if p != PY_CLIENT)]
        js = join_js({p: _source(files, p) for p in ordered})
        js_uri = _hashed(JS_DIR, "site", js, ".js")
        files.append(File.generated(config, js_uri, content=js))
        config["extra_javascript"] = [js_uri]
    return files
