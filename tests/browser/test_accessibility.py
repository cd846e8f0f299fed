"""axe-core in the light and the dark palette: zero violations of the WCAG 2.0/2.1/2.2 A and
AA rules, on every page the build writes with every collapsed block open, and on every
widget state (quiz answered, flashcard revealed, mock scorecard, import preview...). No
rule is disabled. (A sample of page types let code-block contrast through on the pages
that carry Python code.)"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import violations
from tests.browser.page_types import PAGE_TYPES, SETTLED

pytestmark = pytest.mark.browser
TIMEOUT = 120_000
ALL_LAID = "() => !document.querySelector('.qcard__answer:not(.qcard__answer--laid)')"
OPEN_ALL = "() => { for (const d of document.querySelectorAll('details')) d.open = true; }"


def _summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {n['target']} {n['failureSummary'].splitlines()[-1]}"
        for v in violations
        for n in v["nodes"][:3]
    ]


def _axe(page) -> list[str]:
    return _summary(violations(page))


def built_pages(site: Path) -> list[str]:
    """Every page of the site, as a path from its root ("" for the home page)."""
    pages = [p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html")]
    pages = [("" if p == "./" else p) for p in pages if not p.startswith("bench")]
    return [*sorted(pages), "404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_with_every_block_open(browser, site_url: str, built_site, scheme) -> None:
    # axe is injected by evaluate; bypass_csp lets it run without loosening the site's CSP.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, service_workers="block")
    context.set_default_timeout(TIMEOUT)
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        pages = built_pages(built_site)
        assert len(pages) > 50
        for path in pages:
            page.goto(urljoin(site_url, path))
            page.wait_for_function(SETTLED, timeout=TIMEOUT)
            page.evaluate(OPEN_ALL)
            # Answers far from the screen are skipped by layout while the page loads
            # (content-visibility: auto in guide.css); the page lays them all out once idle
            # (frontend/page/cards.js), and axe must read them then.
            page.wait_for_function(ALL_LAID, timeout=TIMEOUT)
            problems = _axe(page)
            if problems:
                found[path] = problems
    finally:
        context.close()
    assert found == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", [n for n, (_, setup) in PAGE_TYPES.items() if setup])
def test_no_axe_violations_in_any_widget_state(
    browser, site_url: str, name: str, scheme: str
) -> None:
    path, setup = PAGE_TYPES[name]
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, service_workers="block")
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, path))
        page.wait_for_function(SETTLED, timeout=TIMEOUT)
        setup(page)
        assert _axe(page) == []
    finally:
        context.close()
