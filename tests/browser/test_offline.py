"""Offline after the first visit, through the service worker; a new build's cache replaces
the old one without ever serving a page from one build with assets from another."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

from macros.service_worker import write_service_worker
from tests.browser.quiz_helpers import answer_current, answer_key
from tests.support.server import serve

pytestmark = pytest.mark.browser
TIMEOUT = 90_000
WAIT_CONTROLLED = "navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)"


def _controlled(page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=TIMEOUT)


def _first_visit(context, url: str):
    """A page of `context` controlled by the service worker, as after a first visit."""
    page = context.new_page()
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    _controlled(page)
    return page


def test_offline_after_first_visit(browser, site_url: str, built_site: Path) -> None:
    context = browser.new_context(service_workers="allow")
    try:
        page = _first_visit(context, site_url)
        page.goto(urljoin(site_url, "practise/quiz/"))
        kept = page.evaluate("MLGuide.py.start().then(() => MLGuide.offline.keepRuntime())")
        assert kept["ok"], kept

        context.set_offline(True)
        for path, text in [
            ("tracks/statistics/", "What is a p-value"),
            ("practice/worked/", "High test accuracy"),
            ("questions/", "All questions"),
        ]:
            page.goto(urljoin(site_url, path))
            assert text in page.content()
        page.goto(urljoin(site_url, "tracks/fundamentals/"))
        quiz = page.locator(".mlw-quiz")
        quiz.locator(".mlw-start").click()
        answer_current(page, quiz, answer_key(built_site), right=True)
        assert quiz.locator(".mlw-verdict").inner_text() == "Correct."
    finally:
        context.close()


def test_a_new_build_replaces_the_old_cache(browser, built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with serve(site, prefix="/ml-guide/") as url:
        context = browser.new_context(service_workers="allow")
        try:
            page = _first_visit(context, url)
            old = page.evaluate("caches.keys()")
            assert len(old) == 1

            # A new build: one page and one stylesheet change, and so does sw.js.
            faq = site / "study" / "faq" / "index.html"
            faq.write_text(faq.read_text().replace("</article>", "<p>NEW-BUILD</p></article>"))
            css = site / "assets" / "css" / "guide.css"
            css.write_text(css.read_text() + "\n/* NEW-BUILD */\n")
            write_service_worker(site)

            page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
            # The open page keeps the old build, page and assets alike.
            page.goto(urljoin(url, "study/faq/"))
            assert "NEW-BUILD" not in page.content()
            old_css = page.evaluate("fetch('../../assets/css/guide.css').then(r => r.text())")
            assert "NEW-BUILD" not in old_css
            page.close()

            # With no page of the old build open, the new one takes over, alone.
            page = context.new_page()
            page.goto(urljoin(url, "study/faq/"))
            page.wait_for_function(
                "old => caches.keys().then(k => k.length === 1 && k[0] !== old)",
                arg=old[0],
                timeout=TIMEOUT,
                polling=200,
            )
            assert page.evaluate("caches.keys()") != old
        finally:
            context.close()
