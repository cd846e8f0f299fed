"""A reader's bookmark to a page that moved (practice/ is now problems/, practise/ is now
drill/) still takes them there, to the same card when the bookmark names one, and with
JavaScript off too (to the top of the page, then: a meta refresh drops the anchor)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser


def test_an_old_bookmark_reaches_the_same_card(page, site_url: str) -> None:
    page.goto(urljoin(site_url, "practice/debugging/#q-val-loss-rises"))
    page.wait_for_url(urljoin(site_url, "problems/debugging/#q-val-loss-rises"))
    page.locator('.qcard[data-qid="val-loss-rises"]').wait_for()


def test_without_javascript_the_refresh_still_reaches_the_page(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, "practise/quiz/"))
        page.wait_for_url(urljoin(site_url, "drill/quiz/"))
        page.locator(".mlw-quiz").first.wait_for(state="attached")
    finally:
        context.close()
