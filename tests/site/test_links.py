"""Every internal link and anchor in the built site resolves: the page or file exists, and
the fragment names an element id (or anchor name) on that page."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

BASE = "http://site.invalid/"
SKIP_SCHEMES = ("http", "https", "mailto", "javascript", "data", "tel")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append(a[key])


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def _target(site: Path, url: str) -> Path | None:
    rel = unquote(urlparse(url).path)[len(urlparse(BASE).path) :]
    path = site / rel
    if rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def broken_links(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel == "404.html":
            continue  # served at any path; its links are root-anchored (see test_build)
        here = urljoin(BASE, rel)
        for link in _parse(page).links:
            if urlparse(link).scheme in SKIP_SCHEMES or link.startswith("//"):
                continue
            url, fragment = urldefrag(urljoin(here, link))
            target = _target(site, url)
            if target is None:
                problems.append(f"{rel}: {link} -> no such file")
            elif fragment and target.suffix == ".html":
                if unquote(fragment) not in _parse(target).ids and not re.match(r"^__", fragment):
                    problems.append(f"{rel}: {link} -> no #{fragment} on that page")
    return problems


def test_no_broken_internal_links_or_anchors(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_the_checker_finds_a_broken_anchor(built_site: Path, tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.html").write_text('<h2 id="real">x</h2>')
    page.write_text(
        '<a href="other/#real">ok</a><a href="other/#missing">bad</a><a href="nope/">bad</a>'
    )
    _parse.cache_clear()
    assert broken_links(tmp_path) == [
        "index.html: other/#missing -> no #missing on that page",
        "index.html: nope/ -> no such file",
    ]
