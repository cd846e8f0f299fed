"""axe-core on every page type and widget state, in the light and the dark palette: zero
violations of the WCAG 2.0/2.1/2.2 A and AA rules. No rule is disabled."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import AXE, RULES
from tests.browser.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser


def _summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {n['target']} {n['failureSummary'].splitlines()[-1]}"
        for v in violations
        for n in v["nodes"][:3]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_axe_violations(browser, site_url: str, name: str, scheme: str) -> None:
    path, setup = PAGE_TYPES[name]
    # axe is injected by evaluate; bypass_csp lets it run without loosening the site's CSP.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, service_workers="block")
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, path))
        page.wait_for_load_state("networkidle")
        if setup:
            setup(page)
        page.evaluate(AXE)
        result = page.evaluate(
            "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES
        )
        assert _summary(result["violations"]) == []
    finally:
        context.close()
