"""Give every page one stylesheet and one script of the site's own, made at build time.

Why: every page listed four stylesheets in the head (each one blocks the first paint) and
many scripts, each its own request; on a slow mobile link every request costs a round
trip before the page can paint or start.

Stylesheets: the sources stay one file per widget under docs/assets/css/, listed in
`mkdocs.yml` `extra_css` (that is what a contributor edits); they are joined in the listed
order. Scripts: ES modules under frontend/, bundled by esbuild from frontend/main.js
(scripts.py) and loaded as one module; `extra_javascript` stays empty. Each bundle's name
carries a hash of its content, so a new build never meets a stale copy in a cache.
"""

from __future__ import annotations

import hashlib
import re

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

CSS_DIR = "assets/css"
JS_DIR = "assets/js"


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


def bundle(files: Files, config: MkDocsConfig, script: str) -> Files:
    """Add the two bundles to the site's files and point the pages at them (an on_files
    step: the theme reads `extra_css` / `extra_javascript` only when it renders pages).
    `script` is the text of the scripts' bundle (scripts.site_script)."""
    css_paths = list(config["extra_css"])
    if config["extra_javascript"]:
        listed = ", ".join(str(s) for s in config["extra_javascript"])
        raise BundleError(
            f"extra_javascript lists {listed}: the site's scripts are ES modules under "
            "frontend/, imported from frontend/main.js (CONTRIBUTING.md: a widget)"
        )
    if css_paths:
        css = join_css({p: _source(files, p) for p in css_paths})
        css_uri = _hashed(CSS_DIR, "site", css, ".css")
        files.append(File.generated(config, css_uri, content=css))
        config["extra_css"] = [css_uri]
    js_uri = _hashed(JS_DIR, "site", script, ".js")
    files.append(File.generated(config, js_uri, content=script))
    module = ExtraScriptValue(js_uri)
    module.type = "module"
    config["extra_javascript"] = [module]
    return files
