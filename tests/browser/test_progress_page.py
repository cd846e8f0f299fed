"""The progress page on a 360 px phone and a desktop: the study calendar with the streak
and the interview countdown, readiness per track against the target level, the seven-day
due forecast, coverage and the mock trend, each chart an SVG named by a summary with a
table behind a keyboard-operable toggle; an empty progress; nothing wider than the phone;
axe clean in both palettes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean
from tests.browser.page_types_practice import DASHBOARD, TIMEOUT, dashboard_ready

pytestmark = pytest.mark.browser
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}
NOW = datetime(2025, 11, 23, 15, 0, tzinfo=UTC)  # a Sunday
DAY_MS = 86_400_000

# Three days in a row of study ending today, each of a different kind: an exercise pass
# two days ago, a quiz answer yesterday, today a flashcard graded strong twice (out of
# FSRS's learning steps, so not due again for days: ready) and a mock round; the interview
# two weeks ahead and the target level L4.
SEED_JS = """async ([day]) => {
  const { py, progressStore } = MLGuide;
  const now = Date.now();
  let progress = await progressStore.get();
  progress = await py.call("set_profile", {
    progress, profile: { interview_date: "2025-12-07", level: "L4" },
    now_ms: now, tz_offset_min: 0 });
  for (const ago of [3_600_000, 1_800_000]) {
    progress = await py.call("review", {
      progress, question_id: "bias-variance", grade: "strong_hire", now_ms: now - ago });
  }
  progress = await py.call("record", {
    progress, item_id: "bias-variance-1", correct: true, now_ms: now - day });
  const { exercises } = await (await fetch("../../assets/exercises/index.json")).json();
  progress = (await py.call("exercise_event", {
    progress, exercise_id: exercises[0].id, version: "0123456789abcdef", event: "check_passed",
    now_ms: now - 2 * day })).progress;
  let mock = await py.call("new_mock", { role: "mle", level: "L4", seed: 7 });
  for (const _ of mock.questions) mock = await py.call("grade_mock", { mock, grade: "lean_hire" });
  progress = await py.call("record_mock", { progress, mock, finished_ms: now - 30_000 });
  await progressStore.save(progress);
  return { exercises: exercises.length, mock: mock.questions.length };
}"""

OPEN_TABLES = "() => document.querySelectorAll('.mlw-dash details.mlw-fig__table[open]').length"


@pytest.fixture
def open_page(browser) -> Iterator:
    """Opens the progress page at a viewport and palette, the clock fixed at NOW; fails on
    any uncaught page error."""
    contexts, errors = [], []

    def opener(viewport: str = "desktop", scheme: str = "light"):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport], color_scheme=scheme, service_workers="block"
        )
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.clock.set_fixed_time(NOW)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == [], f"uncaught page errors: {errors}"


def seeded(page, site_url: str) -> dict:
    page.goto(urljoin(site_url, DASHBOARD))
    page.wait_for_function("() => window.MLGuide && MLGuide.py.isReady", timeout=TIMEOUT)
    counts = page.evaluate(SEED_JS, [DAY_MS])
    page.reload()
    dashboard_ready(page)
    return counts


def no_overflow(page, where: str) -> None:
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"{where}: the page is {wide}px wider than the screen"


def open_every_table(page) -> None:
    """Opens each "Show as a table" toggle from the keyboard: focus, then Enter."""
    toggles = page.locator(".mlw-dash details.mlw-fig__table > summary")
    for n in range(toggles.count()):
        toggles.nth(n).focus()
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => {OPEN_TABLES}() > {n}")


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_seeded_progress_draws_every_figure(open_page, site_url: str, viewport: str) -> None:
    page = open_page(viewport)
    counts = seeded(page, site_url)
    dash = page.locator(".mlw-dash")
    streak = dash.locator(".mlw-dash__streak").inner_text()
    assert "3 days in a row" in streak and "Your interview is in 14 days." in streak

    heat = dash.locator("svg.mlw-heat[role=img]")
    assert "you studied on 3 days" in heat.get_attribute("aria-label")
    assert heat.locator("rect.mlw-heat__day:not(.mlw-heat--0)").count() == 3
    assert heat.locator("rect.mlw-heat__today").count() == 1
    # the tiles stay a size one can see and tap, the calendar spans the column
    tile = heat.locator("rect.mlw-heat__today").bounding_box()
    assert tile["width"] >= 12, f"a day's tile is {tile['width']:.1f}px wide"
    column = dash.locator("figure.mlw-fig").first.bounding_box()["width"]
    assert heat.bounding_box()["width"] >= max(250, min(column, 480) - 1)

    readiness = dash.locator(".mlw-dash__readiness li")
    assert readiness.count() >= 5
    fundamentals = readiness.filter(has_text="Fundamentals").inner_text()
    assert "1 of" in fundamentals and "ready" in fundamentals  # the strong_hire card
    assert "Ready for L4 (mid)" in dash.locator("h3", has_text="Ready for").inner_text()

    forecast = dash.locator("svg.mlw-forecast[role=img]").get_attribute("aria-label")
    assert forecast.startswith("Flashcards due in the next seven days")
    cover = dash.locator(".mlw-dash__coverage").inner_text()
    assert f"1 of {counts['exercises']} passed" in cover
    assert "Concept questions" in cover and "Practice problems" in cover

    trend = dash.locator("svg.mlw-trend[role=img]")
    assert trend.locator("circle.mlw-trend__dot").count() == 1
    assert "on a scale of 1 to 5" in trend.get_attribute("aria-label")

    open_every_table(page)
    days = dash.locator(".mlw-dash__history table tbody tr")
    assert days.count() == 3 and days.first.locator("th").inner_text() == "2025-11-23"
    assert days.last.locator("td").nth(2).inner_text() == "1"  # the exercise pass
    assert dash.locator(".mlw-dash__forecast table tbody tr").count() == 7
    assert dash.locator(".mlw-dash__mocks table tbody tr").count() == 1
    no_overflow(page, f"progress page, every table open, {viewport}")


def test_focus_is_visible_on_a_table_toggle(open_page, site_url: str) -> None:
    page = open_page("phone")
    seeded(page, site_url)
    summary = page.locator(".mlw-dash__history > summary")
    summary.focus()
    outline = summary.evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert not outline.startswith("none"), outline
    page.keyboard.press("Enter")
    page.locator(".mlw-dash__history table").wait_for()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('.mlw-dash__history').open")


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_an_empty_progress_says_what_will_show(open_page, site_url: str, viewport: str) -> None:
    page = open_page(viewport)
    page.goto(urljoin(site_url, DASHBOARD))
    dashboard_ready(page)
    dash = page.locator(".mlw-dash")
    assert "No streak yet" in dash.locator(".mlw-dash__streak").inner_text()
    assert "you studied on 0 days" in dash.locator("svg.mlw-heat").get_attribute("aria-label")
    assert dash.locator("svg.mlw-heat rect.mlw-heat__day:not(.mlw-heat--0)").count() == 0
    assert all("0 of" in t for t in dash.locator(".mlw-dash__readiness li").all_inner_texts())
    assert "0 cards" in dash.locator("svg.mlw-forecast").get_attribute("aria-label")
    assert "No mock round yet" in dash.inner_text()
    open_every_table(page)
    assert "No study day yet" in dash.locator(".mlw-dash__history").inner_text()
    no_overflow(page, f"empty progress page, {viewport}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_page_is_axe_clean(open_page, site_url: str, viewport: str, scheme: str) -> None:
    page = open_page(viewport, scheme)
    seeded(page, site_url)
    open_every_table(page)
    axe_clean(page, f"progress page, {viewport}, {scheme}")
