"""Storage that never lies and never loses, in a real browser: a backup is claimed only when
it reads back; when none fits, the data is offered as a download and saving goes on after;
saving that stops at any time is shown on every practice page with "Export now"; data
from a newer guide is left exactly as it is; every backup can be seen, downloaded and
restored from the Progress page."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from practice_engine.vocab import PROGRESS_VERSION
from tests.browser.page_types_practice import DASHBOARD, FLASHCARDS, TIMEOUT, dashboard_ready
from tests.browser.quiz_helpers import STORAGE_KEY
from tests.browser.storage_helpers import backups, fill_storage, page_with_script, saving_notice

pytestmark = pytest.mark.browser
QUIZ = "tracks/fundamentals/"
# Unreadable progress large enough that a second copy cannot fit beside it in localStorage
# (about 5.2 million characters per site in Chromium).
HUGE = "{" + "x" * 2_700_000

ANSWER_ONE = """async () => {
  const { py, progressStore } = MLGuide;
  const before = await progressStore.get();
  const after = await py.call("record", { progress: before, item_id: "bias-variance-1",
                                          correct: true, now_ms: Date.now() });
  await progressStore.save(after, before);
}"""
STORED_ANSWERS = "k => Object.keys(JSON.parse(localStorage.getItem(k)).quiz).length"


def ready(page) -> None:
    page.wait_for_function("() => window.MLGuide && MLGuide.py.isReady", timeout=TIMEOUT)
    page.evaluate("MLGuide.progressStore.get()")


def store_raw(page, text: str) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, text])


def notice_on_opening(page, site_url: str, raw: str):
    """Store `raw` as the progress, open the flashcards and wait for their notice about it."""
    page.goto(site_url)
    store_raw(page, raw)
    page.goto(urljoin(site_url, FLASHCARDS))
    note = page.locator(".mlw-fc .mlw-notice").first
    note.wait_for(timeout=TIMEOUT)
    return note


def test_a_backup_that_fits_elsewhere_is_kept_and_saving_goes_on(page, site_url: str) -> None:
    """localStorage is too full for a second copy: the copy goes to IndexedDB, and the
    notice's claim is checked from the Progress page (it named a key never written)."""
    note = notice_on_opening(page, site_url, HUGE)
    assert "could not be read" in note.inner_text()
    assert "A copy is kept in this browser" in note.inner_text()
    ready(page)
    page.evaluate(ANSWER_ONE)
    page.reload()
    ready(page)
    assert page.evaluate(STORED_ANSWERS, STORAGE_KEY) == 1  # saved, and kept over a reload
    assert saving_notice(page).count() == 0
    assert page.locator(".mlw-fc .mlw-notice").count() == 0  # said once, not every visit

    page.goto(urljoin(site_url, DASHBOARD))
    row = page.locator(".mlw-backups tbody tr")
    row.first.wait_for(timeout=TIMEOUT)
    assert row.count() == 1 and "Progress" in row.inner_text()
    with page.expect_download() as got:
        row.get_by_role("button", name="Download the backup").click()
    assert Path(got.value.path()).read_text(encoding="utf-8") == HUGE


def test_no_room_for_a_backup_offers_a_download_then_saving_goes_on(browser, site_url: str) -> None:
    no_indexed_db = "Object.defineProperty(window, 'indexedDB', {get() { return undefined; }})"
    with page_with_script(browser, no_indexed_db) as page:
        note = notice_on_opening(page, site_url, HUGE)
        assert "no room left to keep a copy" in note.inner_text()
        assert "A copy is kept" not in note.inner_text()
        banner = saving_notice(page)
        assert "nothing new is saved in its place until you download it" in banner.inner_text()
        ready(page)
        page.evaluate(ANSWER_ONE)
        assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) == HUGE  # untouched
        with page.expect_download() as got:
            banner.get_by_role("button", name="Download the unreadable progress").click()
        assert Path(got.value.path()).read_text(encoding="utf-8") == HUGE
        page.wait_for_function(
            "([k, huge]) => localStorage.getItem(k) !== huge", arg=[STORAGE_KEY, HUGE]
        )
        assert page.evaluate(STORED_ANSWERS, STORAGE_KEY) == 1  # what was done meanwhile
        saving_notice(page).wait_for(state="detached", timeout=TIMEOUT)


def test_storage_that_fills_up_later_is_shown_on_every_practice_page(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    ready(page)
    assert saving_notice(page).count() == 0
    fill_storage(page)
    page.evaluate(ANSWER_ONE)
    banner = saving_notice(page)
    banner.wait_for(timeout=TIMEOUT)
    assert "storage for the guide is full" in banner.inner_text()
    assert "kept until you close this tab" in banner.inner_text()
    # instant navigation to another practice page: still said, still an Export button
    page.locator("a[href$='mock/']").first.click()
    page.locator(".mlw-mock").wait_for(timeout=TIMEOUT)
    banner.wait_for(timeout=TIMEOUT)
    with page.expect_download() as got:
        banner.get_by_role("button", name="Export now").click()
    exported = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert list(exported["progress"]["quiz"]) == ["bias-variance-1"]
    page.evaluate(
        "() => Object.keys(localStorage).filter((k) => k.startsWith('filler:'))"
        ".forEach((k) => localStorage.removeItem(k))"
    )
    page.evaluate(ANSWER_ONE)
    banner.wait_for(state="detached", timeout=TIMEOUT)  # saving works again: said so


NEWER = json.dumps(
    {"version": PROGRESS_VERSION + 1, "quiz": {}, "cards": {}, "decks": ["from the future"]}
)


def test_progress_from_a_newer_guide_is_left_alone(page, site_url: str) -> None:
    note = notice_on_opening(page, site_url, NEWER)
    assert "saved by a newer version of the guide" in note.inner_text()
    banner = saving_notice(page)
    assert "written by a newer version of the guide" in banner.inner_text()
    fc = page.locator(".mlw-fc")
    fc.locator(".mlw-answer__keep input:not([disabled])").wait_for(timeout=TIMEOUT)
    fc.locator(".mlw-fc__reveal").click()
    fc.get_by_role("button", name="Strong hire").click()
    fc.locator(".mlw-fc__result").wait_for(timeout=TIMEOUT)  # works, in this tab
    page.evaluate("MLGuide.progressStore.save(MLGuide.progressStore.peek())")
    assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) == NEWER
    assert backups(page, "progress") == []  # never backed up and emptied
    page.reload()
    page.locator(".mlw-fc .mlw-notice").first.wait_for(timeout=TIMEOUT)
    assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) == NEWER


def test_a_backup_from_an_earlier_version_is_restored_through_the_preview(
    page, site_url: str
) -> None:
    """Earlier versions kept backups in localStorage; the Progress page finds them too."""
    kept = {
        "version": 1,
        "quiz": {"bias-variance-1": [[1_767_225_600_000, 1], [1_767_312_000_000, 0]]},
    }
    backup_key = f"{STORAGE_KEY}:backup:2026-01-02T10:00:00.000Z"
    page.goto(site_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [backup_key, json.dumps(kept)])
    page.goto(urljoin(site_url, DASHBOARD))
    dashboard_ready(page)
    row = page.locator(".mlw-backups tbody tr")
    row.first.wait_for(timeout=TIMEOUT)
    row.get_by_role("button", name="Restore the backup").click()
    preview = page.locator(".mlw-transfer__preview")
    preview.wait_for(timeout=TIMEOUT)
    assert "2" in preview.locator("tr", has_text="Quiz answers added").inner_text()
    page.locator(".mlw-transfer__merge").click()
    page.locator(".mlw-transfer__done").wait_for(timeout=TIMEOUT)
    assert page.evaluate(STORED_ANSWERS, STORAGE_KEY) == 1
    history = json.loads(page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY))["quiz"]
    assert history == kept["quiz"]
    # and a backup can be deleted, in two presses
    delete = row.get_by_role("button", name="Delete the backup")
    delete.click()
    delete.click()
    page.locator(".mlw-backups__none").wait_for(timeout=TIMEOUT)
    assert page.evaluate("k => localStorage.getItem(k)", backup_key) is None
