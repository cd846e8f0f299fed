"""Search loads its index only when the reader reaches for it (docs/assets/js/search-gate.js):
no request for search/search_index.json while a page loads or scrolls; the index is asked
for when the box is focused or the f, s, / keys open it; whatever was typed before it
arrived is searched once it does; offline, search works once it was opened online."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Route, expect

from tests.browser.conftest import RequestLog

pytestmark = pytest.mark.browser
INDEX = "search/search_index.json"
TERM = "p-value"
HIT = "What is a p-value"
RESULTS = ".md-search-result__item"
TIMEOUT = 30_000


def _asked(log: RequestLog) -> list[str]:
    return [u for u in log.urls if u.endswith(INDEX)]


def _settled(page) -> None:
    """The page loaded, its scripts ran and nothing is in flight (the theme's bundle asks
    for the index while it starts, so before the gate it would be asked for by now)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !!window.MLGuide && !!window.component$")


def test_no_index_at_load_or_scroll_and_a_search_after_focus(
    page, site_url: str, requests_log: RequestLog
) -> None:
    page.goto(urljoin(site_url, "tracks/statistics/"))
    _settled(page)
    page.mouse.wheel(0, 4000)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert _asked(requests_log) == []

    box = page.locator(".md-search__input")
    box.click()
    box.fill(TERM)
    expect(page.locator(RESULTS).filter(has_text=HIT).first).to_be_visible(timeout=TIMEOUT)
    assert len(_asked(requests_log)) == 1
    assert "/ml-guide/" in _asked(requests_log)[0]  # under the site's sub-path


def test_the_shortcut_asks_and_what_was_typed_first_is_searched(
    page, site_url: str, requests_log: RequestLog
) -> None:
    held: list[Route] = []
    page.route(f"**/{INDEX}", lambda route: held.append(route))  # sent when the test says
    page.goto(site_url)
    _settled(page)
    assert held == []

    # Keyboard only: Material's shortcut focuses the box, which asks for the index.
    with page.expect_request(lambda r: r.url.endswith(INDEX)):
        page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement?.matches('.md-search__input')")
    page.keyboard.type(TERM)
    assert len(held) == 1
    assert page.locator(RESULTS).count() == 0  # nothing to search yet

    held[0].continue_()
    hit = page.locator(RESULTS).filter(has_text=HIT).first
    expect(hit).to_be_visible(timeout=TIMEOUT)
    page.keyboard.press("ArrowDown")  # and on into the results, by keyboard
    page.wait_for_function("() => !!document.activeElement?.closest('.md-search-result')")


def test_offline_search_after_it_was_opened_online(browser, site_url: str) -> None:
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("navigator.serviceWorker.ready")
        page.reload()
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        _settled(page)

        # Offline before any search: the box says why there are no results.
        context.set_offline(True)
        page.locator(".md-search__input").click()
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_have_text("Search works offline once you have opened it while online.")

        # Opened once online, then offline on a fresh load: it searches.
        context.set_offline(False)
        page.reload()
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").fill(TERM)
        expect(page.locator(RESULTS).filter(has_text=HIT).first).to_be_visible(timeout=TIMEOUT)
        context.set_offline(True)
        page.reload()
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").fill(TERM)
        expect(page.locator(RESULTS).filter(has_text=HIT).first).to_be_visible(timeout=TIMEOUT)
    finally:
        context.close()
