"""KaTeX's inline `style` attributes, moved into classes of a generated stylesheet.

The site's CSP has no 'unsafe-inline' for styles, so a `style="..."` attribute in the
HTML is ignored by the browser, and KaTeX positions every part of a formula with them
(heights, depths, offsets of superscripts and fraction bars). Each distinct style string
becomes one class, named by a hash of the string, so identical styles share one rule and
a class name never changes while its style does not. Each declaration is marked
`!important`: an inline style beats every normal rule of any stylesheet, and so must the
class that replaces it, or KaTeX's own rules (`.katex .vlist > span { height: 0 }`) would
win where they overlap.
"""

from __future__ import annotations

import hashlib
import html
import re

PREFIX = "ks-"
# A start tag: KaTeX escapes <, >, " and ' inside attribute values, so none ends early.
_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_STYLE = re.compile(r'\sstyle="(?P<value>[^"]*)"')
# A style attribute in any form, in any tag, even one the start-tag pattern did not match.
_ANY_STYLE = re.compile(r"<[^>]*?\sstyle\s*=", re.I)
_CLASS = re.compile(r'\sclass="(?P<value>[^"]*)"')
# What KaTeX writes: property:value; pairs with plain values (lengths, colours, keywords).
_DECLARATIONS = re.compile(r"(?:\s*[a-z-]+\s*:\s*[#%(),.\w\s-]+;?)+\s*")


class StyleError(ValueError):
    """KaTeX wrote a style this module cannot move into a stylesheet safely."""


def _declarations(style: str) -> list[str]:
    """The style's declarations, checked to hold nothing that could end a CSS rule."""
    if not _DECLARATIONS.fullmatch(style):
        raise StyleError(f"unexpected style attribute from KaTeX: {style!r}")
    return [d.strip() for d in style.split(";") if d.strip()]


class Styles:
    """The style strings met so far in a build, each with its class name."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def name(self, style: str) -> str:
        """The class for `style` (a style attribute's text, unescaped)."""
        if style not in self.names:
            _declarations(style)
            name = PREFIX + hashlib.sha256(style.encode("utf-8")).hexdigest()[:10]
            if name in self.names.values():  # 40 bits: not expected in any real build
                raise StyleError(f"two KaTeX styles hash to the class {name}")
            self.names[style] = name
        return self.names[style]

    def _tag(self, match: re.Match[str]) -> str:
        tag = match.group(0)
        style = _STYLE.search(tag)
        if style is None:
            return tag
        name = self.name(html.unescape(style.group("value")))
        tag = tag[: style.start()] + tag[style.end() :]
        classes = _CLASS.search(tag)
        if classes is None:
            end = tag.index(" ") if " " in tag else len(tag) - 1
            return f'{tag[:end]} class="{name}"{tag[end:]}'
        joined = f"{classes.group('value')} {name}".strip()
        return f'{tag[: classes.start()]} class="{joined}"{tag[classes.end() :]}'

    def classed(self, markup: str) -> str:
        """KaTeX's HTML with every style attribute replaced by its class."""
        out = _START_TAG.sub(self._tag, markup)
        left = _ANY_STYLE.search(out)
        if left:
            raise StyleError(
                f"a style attribute is left in KaTeX's HTML: {out[left.start() :][:80]}"
            )
        return out

    def css(self) -> str:
        """One rule per class, in a stable order, each declaration as strong as inline."""
        rules = []
        for style, name in sorted(self.names.items(), key=lambda item: item[1]):
            body = ";".join(f"{d}!important" for d in _declarations(style))
            rules.append(f".{name}{{{body}}}")
        return "\n".join(rules) + ("\n" if rules else "")
