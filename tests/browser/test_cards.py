"""A reader opens a track page, finds the Full Answer + Rubric closed, and opens it; the
same works after arriving through Material's instant navigation."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser


def _first_card_block_toggles(page) -> None:
    details = page.locator(".qcard details.answer").first
    details.wait_for(state="attached")
    assert details.get_attribute("open") is None
    rubric = details.locator(".rubric-strong-hire").first
    assert not rubric.is_visible()
    details.locator("summary").click()
    page.wait_for_function(
        "() => document.querySelector('.qcard details.answer').hasAttribute('open')"
    )
    rubric.wait_for(state="visible")
    assert rubric.is_visible()


def test_track_page_answer_block_opens_on_click(page, site_url: str) -> None:
    response = page.goto(urljoin(site_url, "tracks/fundamentals/"))
    assert response.status == 200
    assert page.locator(".qcard").count() >= 1
    _first_card_block_toggles(page)


def test_answer_block_opens_after_instant_navigation(page, site_url: str) -> None:
    page.goto(site_url)
    page.evaluate("window.__notReloaded = true")
    page.locator("article a[href$='tracks/fundamentals/']").first.click()
    page.locator(".qcard").first.wait_for()  # the page itself, not its URL: it comes first
    # the flag survives only if Material swapped the page in place instead of reloading
    assert page.evaluate("window.__notReloaded === true")
    _first_card_block_toggles(page)


def test_answer_block_opens_by_keyboard(page, site_url: str) -> None:
    page.goto(urljoin(site_url, "tracks/fundamentals/"))
    summary = page.locator(".qcard details.answer summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator(".qcard details.answer").first.get_attribute("open") is not None
