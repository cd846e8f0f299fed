"""Offline after the first visit, through the service worker; a new build's cache replaces
the old one without ever serving a page from one build with assets from another."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from devtools.pages import eventually
from devtools.server import serve
from devtools.site import rewrite_service_worker
from tests.browser.axe_helpers import AXE, RULES
from tests.browser.page_types_exercises import (
    BOOT_TIMEOUT,
    PRINTED,
    press,
    type_code,
    wait_for_editor,
)
from tests.browser.page_types_exercises import (
    EXAMPLE_PATH as EXERCISE_PATH,
)
from tests.browser.quiz_helpers import answer_current, answer_key

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


def _practised_once(context, site_url: str):
    """A first visit, then the quiz page used once online, which keeps the Python runtime
    for offline use; returns the page."""
    page = _first_visit(context, site_url)
    page.goto(urljoin(site_url, "drill/quiz/"))
    kept = page.evaluate("MLGuide.py.start().then(() => MLGuide.offline.keepRuntime())")
    assert kept["ok"], kept
    return page


def test_offline_after_first_visit(browser, site_url: str, built_site: Path) -> None:
    context = browser.new_context(service_workers="allow")
    try:
        page = _practised_once(context, site_url)

        context.set_offline(True)
        for path, text in [
            ("tracks/statistics/", "What is a p-value"),
            ("problems/worked/", "High test accuracy"),
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


def test_every_page_type_works_offline_after_one_practice_visit(browser, site_url: str) -> None:
    """A reader who used the quiz online, but never opened an exercise, goes offline: the
    exercise page has its editor (it was cached on first use only, so it fell back to a
    plain text box) and runs code; the other practice pages work too."""
    context = browser.new_context(service_workers="allow")
    try:
        page = _practised_once(context, site_url)

        context.set_offline(True)
        page.goto(urljoin(site_url, EXERCISE_PATH))
        wait_for_editor(page)
        help_text = page.locator(".mlw-exercise__help").inner_text()
        assert help_text.startswith("Tab indents")  # the editor's keys, and the editor is there
        type_code(page, "print(6 * 7)")
        press(page, "run")
        printed = page.locator(PRINTED, has_text="42")
        printed.wait_for(timeout=BOOT_TIMEOUT)
        assert printed.inner_text().strip() == "42"
        for path, ready in [
            ("drill/flashcards/", ".mlw-fc .mlw-answer__keep input:not([disabled])"),
            ("drill/mock/", ".mlw-mock fieldset:not([disabled])"),
            ("drill/dashboard/", ".mlw-dash__readiness"),
            ("print/", ".qcard"),
            ("questions/tags/", "article h1"),
        ]:
            page.goto(urljoin(site_url, path))
            page.locator(ready).first.wait_for(timeout=TIMEOUT)
    finally:
        context.close()


def _new_build(site: Path, mark: str) -> None:
    """What a redeploy looks like to a reader: one page, one stylesheet and sw.js change."""
    faq = site / "study" / "faq" / "index.html"
    faq.write_text(faq.read_text().replace("</article>", f"<p>{mark}</p></article>"))
    css = site / "assets" / "css" / "guide.css"
    css.write_text(css.read_text() + f"\n/* {mark} */\n")
    rewrite_service_worker(site)


WAITING = """() => navigator.serviceWorker.getRegistration()
  .then(r => r.update().then(() => !!r.waiting))"""
ACTIVATED = """(scope) => navigator.serviceWorker.getRegistration(scope)
  .then(r => !!r && !r.waiting && !r.installing && r.active?.state === "activated")"""
CACHED_FAQ = """async () => {
  if (typeof MLGuide === "undefined") return null;  // the reloaded page's script not run yet
  const keys = await caches.keys();
  if (keys.length !== 1) return null;
  const hit = await (await caches.open(keys[0])).match(new URL("study/faq/", MLGuide.siteRoot));
  return hit ? [keys[0], await hit.text()] : null;
}"""
CSS = "() => fetch(new URL('assets/css/guide.css', MLGuide.siteRoot)).then(r => r.text())"


def test_a_new_build_waits_then_replaces_the_old_cache(
    browser, built_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with serve(site, prefix="/ml-guide/") as url:
        # bypass_csp only so that axe can be injected to check the update notice.
        context = browser.new_context(service_workers="allow", bypass_csp=True)
        try:
            page = _first_visit(context, url)
            old = page.evaluate("caches.keys()")
            assert len(old) == 1

            _new_build(site, "SECOND-BUILD")
            eventually(page, WAITING)
            # While the new build waits, open pages keep the old one, page and assets alike,
            # and say that a new version is ready.
            page.goto(urljoin(url, "study/faq/"))
            assert "SECOND-BUILD" not in page.content()
            assert "SECOND-BUILD" not in page.evaluate(CSS)
            notice = page.locator(".mlw-update")
            expect(notice).to_contain_text("A new version of the guide is ready")
            page.evaluate(AXE)
            found = page.evaluate(
                "rules => axe.run('.mlw-update', {runOnly: {type: 'tag', values: rules}})", RULES
            )
            assert found["violations"] == []

            # The reader accepts: the page reloads from the new build, whose cache is alone.
            notice.get_by_role("button").click()
            expect(page.locator("article")).to_contain_text("SECOND-BUILD", timeout=TIMEOUT)
            key, html = eventually(page, CACHED_FAQ)
            assert key != old[0] and "SECOND-BUILD" in html
            assert "SECOND-BUILD" in page.evaluate(CSS)
            expect(page.locator(".mlw-update")).to_have_count(0)

            # Without the reader's click, the next build takes over once no page of the
            # current one is open.
            _new_build(site, "THIRD-BUILD")
            eventually(page, WAITING)
            page.close()
            # Wait for the take-over itself, from a page outside the worker's scope (a page
            # inside it would be a client of the old build and hold the new one back).
            outside = context.new_page()
            outside.goto(urljoin(url, "/outside-the-scope"))
            eventually(outside, ACTIVATED, urljoin(url, "./"))
            outside.close()
            page = context.new_page()
            page.goto(urljoin(url, "study/faq/"))
            page.reload()
            expect(page.locator("article")).to_contain_text("THIRD-BUILD", timeout=TIMEOUT)
            newest, html = eventually(page, CACHED_FAQ)
            assert newest not in (old[0], key) and "THIRD-BUILD" in html
        finally:
            context.close()
