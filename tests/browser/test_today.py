"""The home page's Today panel as a candidate meets it: the interview form asked once and
skippable, Python left alone for a reader with nothing stored, the plan fitted to the date
they give (with a link into the study plan that lands on its stage), a past date refused
with the reason at the field, everything by keyboard, axe clean in both palettes and no
sideways scrolling on a phone."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean

BOOT_TIMEOUT = 90_000
PANEL = ".mlw-today"
FORM = ".mlw-today__profile"
STORED = "JSON.parse(localStorage.getItem(MLGuide.store.key('progress')))"
# The reader's local calendar date `n` days from now, as the date field takes it.
LOCAL_DATE = """(n) => { const d = new Date(); d.setDate(d.getDate() + n);
  const pad = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; }"""


def open_home(page, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_function(
        "() => document.querySelector('.mlw-today')?.dataset.bound"
        " && !document.querySelector('.mlw-today .mlw-noscript, .mlw-today .mlw-progress')",
        timeout=BOOT_TIMEOUT,
    )


def fill_date_by_keyboard(page, iso: str) -> None:
    """Chromium's date field takes the digits in the locale's order (en-US: MM DD YYYY)."""
    year, month, day = iso.split("-")
    page.locator("#today-date").focus()
    page.keyboard.type(month + day + year)


def test_a_first_visit_asks_once_without_starting_python(page, site_url: str) -> None:
    open_home(page, site_url)
    form = page.locator(FORM)
    assert form.is_visible()
    assert "Nothing studied in this browser yet" in page.locator(PANEL).inner_text()
    assert page.evaluate("MLGuide.py.ready === null")  # no Python for a first visit
    page.locator(".mlw-today__skip").focus()
    page.keyboard.press("Enter")
    form.wait_for(state="hidden")
    # the focus goes to the button that brings the form back, and the choice is kept
    assert page.evaluate("document.activeElement.classList.contains('mlw-today__change')")
    page.reload()
    open_home(page, site_url)
    assert form.is_hidden()
    page.locator(".mlw-today__change").focus()
    page.keyboard.press("Enter")
    form.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "today-date"


def test_the_plan_is_fitted_to_the_date_and_kept(page, site_url: str, built_site) -> None:
    open_home(page, site_url)
    in_ten_days = page.evaluate(LOCAL_DATE, 10)
    fill_date_by_keyboard(page, in_ten_days)
    page.locator("#today-role").select_option("mle")
    page.locator("#today-level").select_option("L5")
    page.locator(FORM).get_by_role("button", name="Save").press("Enter")
    panel = page.locator(PANEL)
    panel.get_by_text("Day 5 of your 14-day plan").wait_for(timeout=BOOT_TIMEOUT)
    assert "10 days before your interview" in panel.inner_text()
    assert f"ML engineer, L5, interview on {in_ten_days}" in panel.inner_text()
    assert page.locator(FORM).is_hidden()
    settings = page.evaluate(STORED)["settings"]
    assert (settings["interview_date"], settings["role"], settings["level"]) == (
        in_ten_days,
        "mle",
        "L5",
    )
    # the stage link lands on that week of the study plan
    stage = panel.get_by_role("link", name="stage 2 of the study plan")
    href = stage.get_attribute("href")
    assert href and href.endswith("study/plan/#week-2")
    plan_html = (built_site / "study" / "plan" / "index.html").read_text("utf-8")
    assert 'id="week-2"' in plan_html
    # a returning reader gets the same plan back, Python started for them
    page.reload()
    open_home(page, site_url)
    panel.get_by_text("Day 5 of your 14-day plan").wait_for(timeout=BOOT_TIMEOUT)
    assert page.locator(FORM).is_hidden()


def test_a_past_date_is_refused_at_the_field_and_nothing_is_saved(page, site_url: str) -> None:
    open_home(page, site_url)
    yesterday = page.evaluate(LOCAL_DATE, -1)
    page.evaluate(
        "(v) => { const d = document.querySelector('#today-date'); d.min = ''; d.value = v; }",
        yesterday,
    )
    page.locator(FORM).get_by_role("button", name="Save").click()
    error = page.locator("#today-date-error")
    error.get_by_text("is in the past").wait_for(timeout=BOOT_TIMEOUT)
    assert page.locator("#today-date").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "today-date"
    page.wait_for_function(
        "() => document.querySelector('.mlw-today__status').textContent.includes('past')"
    )
    stored = page.evaluate(STORED)
    assert stored is None or stored["settings"]["interview_date"] is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_both_states_are_axe_clean_and_fit_a_phone(browser, site_url: str, scheme, width) -> None:
    context = browser.new_context(
        bypass_csp=True, color_scheme=scheme, service_workers="block",
        viewport={"width": width, "height": 800},
    )  # fmt: skip
    try:
        page = context.new_page()
        open_home(page, site_url)
        axe_clean(page, f"the Today form ({scheme}, {width} px)")
        fits = "document.scrollingElement.scrollWidth <= window.innerWidth"
        assert page.evaluate(fits)
        page.locator("#today-date").fill(page.evaluate(LOCAL_DATE, 30))
        page.locator(FORM).get_by_role("button", name="Save").click()
        page.locator(PANEL).get_by_text("starts in").wait_for(timeout=BOOT_TIMEOUT)
        axe_clean(page, f"the Today plan ({scheme}, {width} px)")
        assert page.evaluate(fits)
    finally:
        context.close()


def test_the_profile_travels_with_the_progress(page, site_url: str) -> None:
    open_home(page, site_url)
    page.locator("#today-date").fill(page.evaluate(LOCAL_DATE, 21))
    page.locator(FORM).get_by_role("button", name="Save").click()
    page.locator(PANEL).get_by_text("Day 1 of your 21-day plan").wait_for(timeout=BOOT_TIMEOUT)
    exported = page.evaluate(
        "async () => JSON.stringify(await MLGuide.py.call('export_file',"
        " {progress: MLGuide.progressStore.peek(), now_ms: Date.now()}))"
    )
    assert json.loads(exported)["progress"]["settings"]["interview_date"] == page.evaluate(
        LOCAL_DATE, 21
    )


def test_the_home_page_links_each_practice_tool(page, site_url: str) -> None:
    page.goto(urljoin(site_url, ""))
    body = page.locator(".md-content")
    for name in ("quiz", "flashcards", "mock round", "coding exercise", "progress"):
        assert body.get_by_role("link", name=name, exact=True).count() >= 1, name


def test_track_pages_mark_the_target_level_once_the_reader_chose_it(page, site_url: str) -> None:
    track = urljoin(site_url, "tracks/fundamentals/")
    page.goto(track)
    page.wait_for_function("() => document.querySelector('.qladder__step')")
    assert page.locator(".qladder__step.is-target").count() == 0  # no default level marked
    open_home(page, site_url)
    page.locator("#today-role").select_option("ds")
    page.locator("#today-level").select_option("L5")
    page.locator(FORM).get_by_role("button", name="Save").click()
    page.locator(PANEL).get_by_text("Preparing for: Data scientist, L5").wait_for(
        timeout=BOOT_TIMEOUT
    )
    page.goto(track)
    marked = page.locator(".qladder__step.is-target")
    marked.first.wait_for(state="attached")
    ladders = page.locator("ol.qladder").count()
    assert marked.count() == ladders > 0  # one step in every ladder, the L5 one
    assert {marked.nth(n).get_attribute("data-level") for n in range(ladders)} == {"L5"}
    assert "your target level" in marked.first.locator(".qladder__level").text_content()
