"""Pages that send readers on from URLs that moved, so bookmarks and links from elsewhere
keep working.

For every page in a folder that moved, the build writes a small static page at the old
URL: a meta refresh to the new URL, a link a reader can follow, and a canonical link
naming the new URL for search engines. A meta refresh drops the "#anchor" of the old URL
(a bookmarked card), so one small script of the site's own, moved.js, goes there first
and keeps it. No inline script; the page carries the same Content-Security-Policy as
every page.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

from . import Outputs
from .csp import with_csp

SCRIPT = "assets/js/moved.js"

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>This page has moved</title>
<meta name="description" content="This page of the ML interview guide has moved to {text}.">
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<script src="{script}" data-to="{target}"></script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>This page has moved to <a href="{target}">{text}</a>.</p>
</body>
</html>
"""


def _url(md_path: str) -> str:
    """The folder URL MkDocs gives a page (use_directory_urls): a/b.md -> a/b/."""
    stem = md_path.removesuffix(".md")
    return stem.removesuffix("index") if posixpath.basename(stem) == "index" else stem + "/"


REFRESH = '<meta http-equiv="refresh"'


def is_redirect(html: str) -> bool:
    """True for a page this module wrote (checks of the guide's own pages skip them)."""
    return REFRESH in html


def redirect_page(old: str, new: str, site_url: str) -> str:
    """The page at the site-relative folder URL `old` that sends readers to `new`."""
    target = posixpath.relpath(new, old.rstrip("/") or ".") + "/"
    script = posixpath.relpath(SCRIPT, old.rstrip("/") or ".")
    canonical = site_url.rstrip("/") + "/" + new if site_url else target
    page = TEMPLATE.format(
        target=escape(target),
        script=escape(script),
        canonical=escape(canonical),
        text=escape(new or "the home page"),
    )
    return with_csp(page)


def redirect_outputs(pages: list[str], moved: dict[str, str], site_url: str) -> Outputs:
    """A redirect page for every page in `pages` (docs-relative Markdown paths) that lies
    in a new folder of `moved` (old folder -> new folder, both ending in "/")."""
    out: Outputs = {SCRIPT: Path(__file__).with_name("moved.js")} if moved else {}
    for page in pages:
        for old_dir, new_dir in moved.items():
            if page.startswith(new_dir):
                new = _url(page)
                old = old_dir + new.removeprefix(new_dir)
                out[old + "index.html"] = redirect_page(old, new, site_url)
    return out
