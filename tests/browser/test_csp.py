"""Every page carries the Content-Security-Policy, and no page type, in any widget state,
triggers a violation while the widgets work."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser
RECORD = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
    "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"
)


def test_every_page_has_the_policy(built_site) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        head = html[: html.find("<script")]
        assert 'http-equiv="Content-Security-Policy"' in head, page
        # styles from the site's own files only: a formula's layout comes from classes the
        # build made of KaTeX's style attributes (macros/render/katex_styles.py)
        assert "style-src 'self';" in head, page
        assert "'unsafe-inline'" not in html and "'unsafe-eval'" not in html, page


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_csp_violation(browser, site_url: str, name: str) -> None:
    path, setup = PAGE_TYPES[name]
    context = browser.new_context(service_workers="block")
    context.add_init_script(RECORD)
    messages: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: messages.append(m.text))
        page.goto(urljoin(site_url, path))
        page.wait_for_load_state("networkidle")
        if setup:
            setup(page)
        assert page.evaluate("window.__csp") == []
        assert [m for m in messages if "Content Security Policy" in m] == []
    finally:
        context.close()
