"""Headless Chromium through Playwright, with a guard that fails any test in which the
page asks a host other than the local test server for anything."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from devtools.chromium import LAUNCH_ARGS, find

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = find()
    if path is None:
        pytest.fail("no Chromium found; `make test` installs one (see devtools/chromium.py)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=LAUNCH_ARGS, headless=True)
        yield b
        b.close()


class RequestLog:
    """Every URL the page requested, so a test can assert none left the local server."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def foreign(self) -> list[str]:
        local = {"127.0.0.1", "localhost"}
        return [
            u
            for u in self.urls
            if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).hostname not in local
        ]


@pytest.fixture
def requests_log() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser, requests_log: RequestLog) -> Iterator:
    # The service worker is exercised by test_offline; elsewhere it would answer requests
    # that tests route to simulate failures, so it is blocked.
    context = browser.new_context(service_workers="block")
    pg = context.new_page()
    pg.on("request", lambda r: requests_log.urls.append(r.url))
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
    assert requests_log.foreign() == [], "requests to other hosts"
    assert errors == [], f"uncaught page errors: {errors}"
