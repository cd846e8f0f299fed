"""Computed figures on pages. Alt text and captions live once, in figures/CAPTIONS.yml,
beside the scripts that draw the figures (their tests check the numbers the alt text
quotes); cards and pages refer to a figure by name only."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import yaml

from .links import rel_md

CAPTIONS = Path(__file__).resolve().parents[2] / "figures" / "CAPTIONS.yml"


@cache
def captions(path: Path = CAPTIONS) -> dict[str, dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def figure_md(name: str, page: str) -> str:
    """A figure block for `page`, with the image as a Markdown link MkDocs checks."""
    text = captions().get(name)
    if text is None:
        raise ValueError(f"unknown figure {name!r}: not in {CAPTIONS.name}")
    alt = " ".join(text["alt"].split()).replace("[", "(").replace("]", ")")
    caption = html.escape(" ".join(text["caption"].split()))
    src = rel_md(page, f"assets/figures/{name}.svg")
    return (
        f'<figure class="qfigure" markdown="span">\n![{alt}]({src})\n'
        f"<figcaption>{caption}</figcaption>\n</figure>"
    )
