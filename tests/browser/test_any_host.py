"""Instant navigation wherever the site is served. Material only swaps in the pages it
finds in sitemap.xml, mapped through SITE_URL, so served from another address or path
every click reloaded the page and Python booted again. The site here was built for the
test server's /ml-guide/ address; these serve the same files elsewhere and check that a
navigation keeps the page's state and its one Python worker."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest

from tests.support.server import serve

pytestmark = pytest.mark.browser
TIMEOUT = 90_000


@contextlib.contextmanager
def plain_http_server(site: Path):
    """`python -m http.server` over site/, as a reader would try a downloaded copy."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urlopen(url, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextlib.contextmanager
def elsewhere(site: Path, how: str):
    if how == "plain-http-server":
        with plain_http_server(site) as url:
            yield url
    else:  # another port and another path than the build's SITE_URL
        with serve(site, prefix="/somewhere/else/") as url:
            yield url


@pytest.mark.parametrize("how", ["other-path-and-port", "plain-http-server"])
def test_navigation_stays_instant_where_site_url_does_not_match(
    page, built_site: Path, site_url: str, how: str
) -> None:
    with elsewhere(built_site, how) as url:
        assert not url.startswith(site_url)
        page.goto(urljoin(url, "tracks/fundamentals/"))
        # the guide's own handler is in place once it has read the sitemap
        page.wait_for_function("() => window.MLGuide && MLGuide.py", timeout=TIMEOUT)
        page.evaluate("MLGuide.nav?.ready")
        page.evaluate("MLGuide.py.start()")
        page.evaluate("window.__samePage = 'yes'")
        page.locator("nav a[href$='deep-learning/']").first.click()
        quiz = page.locator(".mlw-quiz[data-tracks='deep-learning']")
        quiz.wait_for(timeout=TIMEOUT)
        assert page.evaluate("window.__samePage") == "yes", "the click reloaded the page"
        quiz.locator(".mlw-start").click()
        quiz.locator(".mlw-question").wait_for(timeout=TIMEOUT)
        assert page.evaluate("MLGuide.py.workersStarted") == 1
        # back again: Material's own history handling, still the same page and worker
        page.go_back()
        page.locator(".mlw-quiz[data-tracks='fundamentals']").wait_for(timeout=TIMEOUT)
        assert page.evaluate("window.__samePage") == "yes"
        assert page.evaluate("MLGuide.py.workersStarted") == 1
