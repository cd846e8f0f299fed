"""Every computed figure is used on a page, with non-empty alt text and a caption."""

from __future__ import annotations

import re
from pathlib import Path

from macros.render.figures import captions


def test_every_figure_is_on_a_page_with_alt_text(built_site: Path) -> None:
    pages = {p: p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
    for name in captions():
        pattern = re.compile(rf'<img alt="([^"]+)"[^>]*src="[^"]*assets/figures/{name}\.svg"')
        uses = [m for html in pages.values() for m in pattern.finditer(html)]
        assert uses, f"figure {name} is not used on any page"
        assert all(len(m.group(1).split()) >= 10 for m in uses), f"{name}: alt text too thin"
        assert (built_site / "assets" / "figures" / f"{name}.svg").is_file()


def test_every_figure_on_a_page_loads_lazily_with_its_size(built_site: Path) -> None:
    """Room is kept for a figure before it loads, and fetching it waits until the reader
    comes near it: at load, six figures of a track page took bandwidth from first paint."""
    imgs = [
        tag
        for page in built_site.rglob("*.html")
        if page.parent.name != "print"  # paper is not scrolled: its figures load at once
        for tag in re.findall(r"<img [^>]*assets/figures/[^>]*>", page.read_text(encoding="utf-8"))
    ]
    assert len(imgs) >= len(captions())
    for tag in imgs:
        assert 'loading="lazy"' in tag and 'decoding="async"' in tag, tag[-200:]
        assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag), tag[-200:]


def test_the_print_page_loads_its_figures_with_it(built_site: Path) -> None:
    html = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    imgs = re.findall(r"<img [^>]*assets/figures/[^>]*>", html)
    assert imgs and not [tag for tag in imgs if "lazy" in tag]
