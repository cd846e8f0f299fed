"""Markdown from the bank rendered to HTML outside a page, for what a widget fetches and
shows when the reader asks (an exercise's hints, remarks and follow-up answers).

The extensions are the site's own (mkdocs.yml), so a fragment looks like the pages around
it: code fenced and highlighted with the same classes, formulas left as `arithmatex`
spans for the page's KaTeX to typeset. Bank text never holds raw HTML (the models refuse
it), so every tag in a fragment is one this renderer made.
"""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]

EXTENSIONS = [
    "abbr",
    "attr_list",
    "tables",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.arithmatex",
]
CONFIG = {"pymdownx.arithmatex": {"generic": True}}


def to_html(text: str) -> str:
    """One piece of bank Markdown as HTML."""
    renderer = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG)
    return renderer.convert(text.strip())
