"""The Content-Security-Policy every page carries, as a meta tag computed at build time.

Our own templates and widgets use no inline script, no inline handler and no `eval`. The
theme does ship a few small inline scripts (palette, scope, hash target); rather than
allowing inline script wholesale, each is allowed by the SHA-256 of its exact text, so any
other inline script, including one injected through content, is refused by the browser.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline <script> elements the browser would execute (not JSON data blocks).
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPES = ("application/json", "application/ld+json", "text/template")
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)

STATIC_DIRECTIVES = {
    "default-src": ["'self'"],
    # Said outright though default-src implies it: no inline style, so KaTeX's style
    # attributes are classes in a stylesheet the build writes (render/katex_styles.py).
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme's icons are data: SVGs in its stylesheet
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def _is_executable(attrs: str) -> bool:
    match = re.search(r"""type=["']?([^"'\s>]+)""", attrs)
    return not match or match.group(1) not in _DATA_TYPES


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for m in _INLINE_SCRIPT.finditer(html):
        if _is_executable(m.group("attrs")):
            digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
            hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    directives = dict(STATIC_DIRECTIVES)
    directives["script-src"] = ["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)]
    return "; ".join(f"{k} {' '.join(v)}" for k, v in directives.items())


def with_csp(html: str) -> str:
    """The page with its CSP meta tag placed right after the charset declaration, before
    any script it governs."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    match = _CHARSET.search(html)
    if match is None:
        raise ValueError("page has no <meta charset>; cannot place the CSP before its scripts")
    return html[: match.end()] + "\n    " + tag + html[match.end() :]
