"""The flashcards page holds only the deck's first chunk; the widget fetches a chunk page when
its queue needs one of its cards (macros/render/deck_chunks.py, flashcards-store.js). A
reader grades through cards of several chunks, sees the first card before Python with no
chunk fetched, reviews a card of another chunk offline (the service worker keeps the chunk
pages like every page), and gets a
clear error with a Retry when a chunk cannot be fetched."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from macros.render.deck_chunks import CHUNK_SIZE
from tests.browser.page_types_practice import (
    DAY_MS,
    FLASHCARDS,
    SEED_JS,
    TIMEOUT,
    flashcards_ready,
)
from tests.browser.quiz_helpers import STORAGE_KEY
from tests.browser.test_offline import _practised_once

pytestmark = pytest.mark.browser
CHUNK_URL = "/flashcard-deck-"
RUNTIME = "**/assets/quiz/runtime.json"
POINTERS = "[...document.querySelectorAll('.fc-chunk')].map(c => c.dataset.fcIds.split(' '))"
PY_READY = "() => window.MLGuide && MLGuide.py.isReady"


def is_chunk(url: str) -> bool:
    return CHUNK_URL in url


def chunks_of(page) -> list[list[str]]:
    """The ids of each chunk page the flashcards page names (its own chunk left out)."""
    return page.evaluate(POINTERS)


def due_now(page, ids: list[str]) -> None:
    """Each of `ids` missed a few days ago, most overdue first: due now, in that order."""
    page.wait_for_function(PY_READY, timeout=TIMEOUT)
    reviews = [(qid, "didnt_know", -(len(ids) - n) - 1) for n, qid in enumerate(ids)]
    page.evaluate(SEED_JS, [reviews, [], DAY_MS])


def grade_strong(page, qid: str) -> None:
    """Wait for card `qid`, reveal it and grade it Strong hire; then the result shows."""
    page.locator(f"#fc-note-{qid}").wait_for(timeout=TIMEOUT)
    page.locator(".mlw-fc__reveal").click()
    page.locator(".mlw-fc .mlw-grade--strong_hire").click(timeout=TIMEOUT)
    page.locator(".mlw-fc__result").wait_for(timeout=TIMEOUT)


def reviewed(page) -> set[str]:
    raw = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return {r[0] for r in json.loads(raw).get("reviews", [])} if raw else set()


def test_grades_through_cards_of_three_chunks_each_fetched_once(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    later = chunks_of(page)
    assert len(later) >= 2
    due = [later[0][0], later[1][0]]  # due cards of chunks 2 and 3; new ones are in chunk 1
    due_now(page, due)
    fetched: list[str] = []
    page.on("request", lambda r: CHUNK_URL in r.url and fetched.append(r.url))
    page.reload()
    flashcards_ready(page)
    first_new = page.evaluate("document.querySelector('.fc-store .fc-card').dataset.fcId")
    for qid in [*due, first_new]:
        grade_strong(page, qid)
        page.locator(".mlw-fc__next").click()
    assert {*due, first_new} <= reviewed(page)
    assert len(fetched) == len(set(fetched))  # each chunk fetched once
    assert {u.rsplit(CHUNK_URL, 1)[1] for u in fetched} == {"2/", "3/"}


def test_first_card_shows_before_python_with_no_chunk_fetched(page, site_url: str) -> None:
    held: list = []
    page.route(RUNTIME, lambda route: held.append(route))  # Python waits
    fetched: list[str] = []
    page.on("request", lambda r: CHUNK_URL in r.url and fetched.append(r.url))
    page.goto(urljoin(site_url, FLASHCARDS))
    page.locator(".mlw-fc__prompt").wait_for()
    first = page.evaluate("document.querySelector('.fc-store .fc-card').dataset.fcId")
    assert page.locator(f"#fc-note-{first}").count() == 1
    assert page.locator(".mlw-fc__wait").is_visible()
    assert page.locator(".fc-store .fc-card").count() == CHUNK_SIZE  # the page's own chunk
    assert not page.evaluate("!!window.MLGuide?.py.isReady") and fetched == []
    for route in held:
        route.continue_()


def test_a_card_of_another_chunk_is_reviewed_offline(browser, site_url: str) -> None:
    context = browser.new_context(service_workers="allow")
    context.set_default_timeout(TIMEOUT)
    try:
        page = _practised_once(context, site_url)  # the worker installed, Python kept
        page.goto(urljoin(site_url, FLASHCARDS))
        qid = chunks_of(page)[-1][0]  # the last chunk's: never shown online
        due_now(page, [qid])
        context.set_offline(True)
        served: list = []
        page.on("response", lambda r: CHUNK_URL in r.url and served.append(r))
        page.reload()
        grade_strong(page, qid)
        assert qid in reviewed(page)
        assert served and all(r.ok and r.from_service_worker for r in served)
    finally:
        context.close()


def test_a_chunk_that_cannot_be_fetched_says_so_with_a_retry(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    qid = chunks_of(page)[0][0]
    due_now(page, [qid])
    page.route(is_chunk, lambda route: route.abort())  # as offline with no cache
    page.reload()
    error = page.locator(".mlw-fc .mlw-error")
    error.wait_for(timeout=TIMEOUT)
    assert "could not be loaded" in error.inner_text()
    assert page.locator(f"#fc-note-{qid}").count() == 0
    page.unroute(is_chunk)
    error.get_by_role("button", name="Retry").click()
    page.locator(f"#fc-note-{qid}").wait_for(timeout=TIMEOUT)
    assert page.locator(".mlw-fc__heading").inner_text() == "Card due for review"
