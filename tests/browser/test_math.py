"""Formulas are typeset as they come near the screen (frontend/page/math.js), not all at
load: typesetting every formula at once was the longest task on long pages."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser
TRACK = "tracks/fundamentals/"
COUNTS = """() => [document.querySelectorAll('.arithmatex[data-katex]').length,
                   document.querySelectorAll('.arithmatex').length]"""


def _settled(page) -> None:
    """Load done and two idle periods past, when eager typesetting would have finished."""
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(r => requestIdleCallback(() => requestIdleCallback(r)))")


def test_formulas_far_below_the_screen_wait_until_the_reader_gets_near(page, site_url: str) -> None:
    page.set_viewport_size({"width": 412, "height": 823})
    page.goto(urljoin(site_url, TRACK))
    _settled(page)
    done, total = page.evaluate(COUNTS)
    assert total > 10 and done < total
    # A formula inside a closed answer block never comes into sight by scrolling; the
    # last one a reader can see is the one scrolling must reach.
    last = page.locator(".arithmatex:visible").last
    assert last.get_attribute("data-katex") is None
    last.scroll_into_view_if_needed()
    page.wait_for_function("el => el.dataset.katex === '1'", arg=last.element_handle())
    assert last.locator(".katex").count() == 1


def test_a_formula_in_a_closed_block_is_typeset_when_opened(page, site_url: str) -> None:
    page.goto(urljoin(site_url, TRACK))
    details = page.locator("details:not([open])", has=page.locator(".arithmatex")).first
    details.scroll_into_view_if_needed()
    _settled(page)
    summary, hidden = details.locator("summary").element_handle(), details.locator(".arithmatex")
    formula = hidden.first.element_handle()
    assert formula.get_attribute("data-katex") is None
    summary.click()
    page.wait_for_function("el => el.dataset.katex === '1'", arg=formula)


def test_printing_typesets_every_formula(page, site_url: str) -> None:
    page.goto(urljoin(site_url, TRACK))
    page.locator(".arithmatex").first.scroll_into_view_if_needed()
    page.wait_for_function("() => typeof katex !== 'undefined'")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    done, total = page.evaluate(COUNTS)
    assert done == total


def test_the_print_page_typesets_every_formula_without_scrolling(page, site_url: str) -> None:
    page.goto(urljoin(site_url, "print/"))
    page.wait_for_function(
        """() => { const all = document.querySelectorAll('.arithmatex');
                   return all.length > 50 && [...all].every(el => el.dataset.katex === '1'); }""",
        timeout=60_000,
    )
