"""The built site: strict build, one set of ids across bank, pages and JSON, nothing loaded
from another host, and every asset served under a sub-path with the right MIME type."""

from __future__ import annotations

import json
import re
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from macros.export import bank_json, dumps
from macros.parity import json_ids, mismatches, page_ids

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


def test_ids_agree_between_bank_pages_and_json(real_bank, built_site: Path) -> None:
    exported = json_ids(built_site / "assets/quiz/bank.json")
    problems = mismatches({e.id for e in real_bank.entries}, page_ids(built_site), exported)
    assert problems == []
    assert exported == {e.id for e in real_bank.entries}


def test_parity_check_catches_a_missing_card(real_bank, built_site: Path) -> None:
    pages = page_ids(built_site)
    dropped = next(iter(pages))
    del pages[dropped]
    problems = mismatches({e.id for e in real_bank.entries}, pages, set(pages))
    assert any(dropped in p for p in problems)


def test_export_is_deterministic_and_declared(real_bank, built_site: Path) -> None:
    on_disk = (built_site / "assets/quiz/bank.json").read_text(encoding="utf-8")
    assert on_disk == dumps(bank_json(real_bank))
    data = json.loads(on_disk)
    assert data["version"] == 1
    schema = json.loads((built_site / "assets/quiz/bank.schema.json").read_text())
    assert "question" in json.dumps(schema["entry"])


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


def test_our_scripts_name_no_other_host(built_site: Path) -> None:
    """Our own JS must not reach out. (The theme bundle names CDNs only for features this
    site does not enable, e.g. Mermaid; the browser tests assert no such request is made.)"""
    ours = list((built_site / "assets" / "js").rglob("*.js"))
    assert ours
    offenders = [str(js) for js in ours if re.search(r"https?://", js.read_text())]
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


@pytest.mark.parametrize("page", ["", "tracks/fundamentals/", "questions/", "practice/worked/"])
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
