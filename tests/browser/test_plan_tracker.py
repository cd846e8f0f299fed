"""The study plan page as a checklist for a candidate with progress: the four stages dated
to their interview (today's stage marked), each linked question's status beside its link
in words, and each week's count of those done. A reader with nothing stored keeps the plan
as written, without Python. Axe clean in both palettes, no sideways scroll at 360 px."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean
from tests.browser.page_types_practice import DAY_MS, FLASHCARDS, SEED_JS, TIMEOUT
from tests.browser.test_today import LOCAL_DATE

pytestmark = pytest.mark.browser
PLAN = "study/plan/"
REVIEWS = [("bias-variance", "strong_hire", -1), ("overfitting", "lean_hire", 0)]
PROFILE_JS = """async (date) => {
  const { py, progressStore } = MLGuide;
  const progress = await progressStore.get();
  const next = await py.call("set_profile", { progress, profile: { interview_date: date },
    now_ms: Date.now(), tz_offset_min: -new Date().getTimezoneOffset() });
  await progressStore.save(next, progress);
}"""
FITS = "document.scrollingElement.scrollWidth <= window.innerWidth"


def seed(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    page.wait_for_function("() => window.MLGuide && MLGuide.py.isReady", timeout=TIMEOUT)
    page.evaluate(SEED_JS, [REVIEWS, [], DAY_MS])
    page.evaluate(PROFILE_JS, page.evaluate(LOCAL_DATE, 14))


def test_the_weeks_are_dated_and_ticked_by_what_was_done(page, site_url: str) -> None:
    seed(page, site_url)
    page.goto(urljoin(site_url, PLAN))
    week1 = page.locator("#week-1 + .mlw-plan__week")
    week1.wait_for(timeout=TIMEOUT)
    text = week1.inner_text()
    assert text.startswith("Your dates: ") and "(you are here)" in text, text
    assert "Done: 2 of " in text, text
    assert "is-current" in (week1.get_attribute("class") or "")
    assert "(you are here)" not in page.locator("#week-2 + .mlw-plan__week").inner_text()
    assert "Day 1 of your 14-day plan" in page.locator(".mlw-plan__line").inner_text()
    mark = page.locator("a[href$='#q-bias-variance'] + .mlw-plan__mark").first
    assert mark.inner_text().strip() in ("(Learning)", "(Due)")
    # a question not studied carries no mark
    assert page.locator("a[href$='#q-l1-vs-l2'] + .mlw-plan__mark").count() == 0
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        axe_clean(page, f"the study plan, tracked ({scheme})")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate(FITS)


def test_a_reader_with_nothing_stored_gets_the_plan_as_written(page, site_url: str) -> None:
    page.goto(urljoin(site_url, PLAN))
    page.wait_for_function("() => document.querySelector('.mlw-plan')?.dataset.bound")
    assert page.evaluate("MLGuide.py.ready === null")
    assert page.locator(".mlw-plan__week, .mlw-plan__mark").count() == 0
