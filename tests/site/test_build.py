"""The built site: strict build, a service worker that lists every file, redirects from
moved URLs, nothing loaded from another host, and every asset served under a sub-path
with the right MIME type. (That bank, pages and JSON agree is checked by the build itself,
which fails otherwise; tests/macros/test_plugin.py shows that check failing.)"""

from __future__ import annotations

import json
import re
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from macros.publish.service_worker import site_files

# Attributes through which a page makes the browser fetch something by itself.
FETCHING = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}
# <link rel> values that are navigation hints, not fetches.
NON_FETCHING_REL = {"canonical", "alternate", "author", "license", "next", "prev", "me"}


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and set((a.get("rel") or "").split()) <= NON_FETCHING_REL:
            return
        for name, value in attrs:
            if (tag, name) in FETCHING and value:
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]


def assets_of(html: str) -> list[str]:
    parser = _Assets()
    parser.feed(html)
    return parser.urls


def test_strict_build_has_no_warnings(build_result) -> None:
    _, output = build_result
    assert "WARNING" not in output, output


def _sw_list(site: Path, name: str) -> list[str]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    found = re.search(rf"const {name} = (\[.*?\]);", text, re.S)
    assert found, name
    return list(json.loads(found.group(1)))


def test_the_service_worker_lists_every_file_the_build_wrote(built_site: Path) -> None:
    """It is written from MkDocs' list of files, not by scanning the site: nothing on disk
    may be missing from that list."""
    on_disk = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()]
    lists = (_sw_list(built_site, "PRECACHE"), _sw_list(built_site, "RUNTIME"))
    assert lists == site_files(on_disk)


@pytest.mark.parametrize(
    ("old", "new"),
    [("practice/", "problems/"), ("practice/debugging/", "problems/debugging/"),
     ("practise/quiz/", "drill/quiz/"), ("practise/dashboard/", "drill/dashboard/")],
)  # fmt: skip
def test_old_urls_send_readers_to_the_new_ones(built_site: Path, site_url: str, old, new) -> None:
    html = (built_site / old / "index.html").read_text(encoding="utf-8")
    target = "../" * old.count("/") + new
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in html
    assert f'<a href="{target}">{new}</a>' in html
    assert f'<link rel="canonical" href="{urljoin(site_url, new)}">' in html
    assert 'http-equiv="Content-Security-Policy"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script


def _external(url: str) -> bool:
    return urlparse(url).scheme in ("http", "https") or url.startswith("//")


def test_no_page_loads_an_asset_from_another_host(built_site: Path) -> None:
    offenders = []
    for page in built_site.rglob("*.html"):
        for url in assets_of(page.read_text(encoding="utf-8")):
            if _external(url):
                offenders.append(f"{page.relative_to(built_site)}: {url}")
    assert offenders == []


CSS_URL = re.compile(r"url\(\s*['\"]?(https?:)?//|@import\s+['\"]?(https?:)?//")


def test_no_stylesheet_imports_from_another_host(built_site: Path) -> None:
    offenders = [
        str(css.relative_to(built_site))
        for css in built_site.rglob("*.css")
        if CSS_URL.search(css.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


# XML namespace names look like addresses but are only names: nothing fetches them (the
# SVG charts are made with document.createElementNS and this one).
NAMESPACES = ("http://www.w3.org/2000/svg",)


def test_our_scripts_name_no_other_host(built_site: Path) -> None:
    """Our own JS must not reach out. (The theme bundle names CDNs only for features this
    site does not enable, e.g. Mermaid; the browser tests assert no such request is made.)"""
    ours = list((built_site / "assets" / "js").rglob("*.js"))
    assert ours
    offenders = []
    for js in ours:
        text = js.read_text()
        for name in NAMESPACES:
            text = text.replace(name, "")
        offenders += [f"{js.name}: {url}" for url in re.findall(r"https?://\S*", text)]
    assert offenders == []


def test_every_asset_url_is_relative(built_site: Path, site_url: str) -> None:
    offenders = []
    for page in built_site.rglob("*.html"):
        urls = assets_of(page.read_text(encoding="utf-8"))
        if page.name == "404.html" and page.parent == built_site:
            # Pages serves 404.html at whatever path was missed, so MkDocs anchors its
            # assets at the site_url path instead: they must point under the sub-path.
            base = urlparse(site_url).path
            assert all(u.startswith(base) or not u.startswith("/") for u in urls)
            continue
        for url in urls:
            if url.startswith("/") and not url.startswith("//"):
                offenders.append(f"{page.relative_to(built_site)}: {url}")
    assert offenders == []


EXPECTED_TYPES = {
    ".css": "text/css",
    ".js": "javascript",
    ".mjs": "javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
}


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.status, resp.headers["Content-Type"]


@pytest.mark.parametrize("page", ["", "tracks/fundamentals/", "questions/", "problems/worked/"])
def test_pages_and_their_assets_load_under_a_sub_path(site_url: str, page: str) -> None:
    url = urljoin(site_url, page)
    with urllib.request.urlopen(url, timeout=10) as resp:
        assert resp.status == 200
        html = resp.read().decode()
    for asset in assets_of(html):
        status, ctype = _get(urljoin(url, asset))
        assert status == 200, asset
        suffix = Path(urlparse(asset).path).suffix
        if suffix in EXPECTED_TYPES:
            assert EXPECTED_TYPES[suffix] in ctype, (asset, ctype)


def test_pyodide_runtime_is_served_with_the_right_types(site_url: str, built_site: Path) -> None:
    (version_dir,) = (built_site / "assets" / "pyodide").iterdir()
    base = urljoin(site_url, f"assets/pyodide/{version_dir.name}/")
    for name, kind in [
        ("pyodide.mjs", "javascript"),
        ("pyodide.asm.mjs", "javascript"),
        ("pyodide.asm.wasm", "application/wasm"),
        ("python_stdlib.zip", "application/zip"),
        ("pyodide-lock.json", "application/json"),
    ]:
        status, ctype = _get(base + name)
        assert status == 200 and kind in ctype, (name, ctype)
