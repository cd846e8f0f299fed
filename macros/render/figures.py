"""Computed figures on pages. Alt text and captions live once, in figures/CAPTIONS.yml,
beside the scripts that draw the figures (their tests check the numbers the alt text
quotes); cards and pages refer to a figure by name only."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import yaml

from .links import rel_md

ROOT = Path(__file__).resolve().parents[2]
CAPTIONS = ROOT / "figures" / "CAPTIONS.yml"
DRAWN = ROOT / "docs" / "assets" / "figures"
_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_LENGTH = r'="(?P<value>[\d.]+)(?P<unit>pt|px)?"'
_PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}
# The one-page print version (render/print_page.py's PRINT_PAGE; imported from there it
# would be a cycle): paper is not scrolled, so its figures load with the page.
PRINT_PAGE = "print/index.md"


@cache
def captions(path: Path = CAPTIONS) -> dict[str, dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def size(name: str, folder: Path = DRAWN) -> tuple[int, int]:
    """The drawn figure's width and height in CSS pixels, from its SVG's root element."""
    svg = folder / f"{name}.svg"
    tag = _SVG_TAG.search(svg.read_text(encoding="utf-8")[:4000])
    found = []
    for attr in ("width", "height"):
        match = re.search(rf"\s{attr}{_LENGTH}", tag.group(0)) if tag else None
        if match is None:
            raise ValueError(f"{svg}: no {attr} in pt or px on its <svg> element")
        found.append(round(float(match.group("value")) * _PX_PER[match.group("unit")]))
    return found[0], found[1]


def figure_md(name: str, page: str) -> str:
    """A figure block for `page`, with the image as a Markdown link MkDocs checks. Its size
    is given, so the page keeps the figure's room before it loads (no layout shift), and it
    loads lazily: figures sit in answers far down the page, and fetched at load they took
    bandwidth from the page's first paint on a phone."""
    text = captions().get(name)
    if text is None:
        raise ValueError(f"unknown figure {name!r}: not in {CAPTIONS.name}")
    alt = " ".join(text["alt"].split()).replace("[", "(").replace("]", ")")
    caption = html.escape(" ".join(text["caption"].split()))
    src = rel_md(page, f"assets/figures/{name}.svg")
    width, height = size(name)
    lazy = ' loading="lazy" decoding="async"' if page != PRINT_PAGE else ""
    attrs = f'{{ width="{width}" height="{height}"{lazy} }}'
    return (
        f'<figure class="qfigure" markdown="span">\n![{alt}]({src}){attrs}\n'
        f"<figcaption>{caption}</figcaption>\n</figure>"
    )
