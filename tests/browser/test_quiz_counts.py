"""The quiz filters say how many questions each option holds given the others ("Deep
learning (23)"), heard in words, updated as boxes are ticked; counted by the engine, the
same selection the quiz draws from. axe in both palettes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from practice_engine import quiz
from practice_engine.bankdata import BankData, parse_bank
from tests.browser.axe_helpers import axe_clean

pytestmark = pytest.mark.browser
TIMEOUT = 60_000
QUIZ = "drill/quiz/"


@pytest.fixture(scope="module")
def bank(built_site: Path) -> BankData:
    return parse_bank(json.loads((built_site / "assets/quiz/bank.json").read_text()))


def _shown(page, name: str, value: str) -> str:
    box = f".mlw-quiz input[name={name}][value='{value}']"
    return page.locator(box).locator("xpath=..").locator(".mlw-check__count").inner_text()


def _wait_count(page, name: str, value: str, n: int) -> None:
    """Until the option's label shows `n` (the engine answers after Python is up)."""
    page.wait_for_function(
        """([name, value, n]) => {
          const box = document.querySelector(`.mlw-quiz input[name=${name}][value="${value}"]`);
          return box?.closest("label").querySelector(".mlw-check__count")?.textContent
            .startsWith(`(${n})`);
        }""",
        arg=[name, value, n],
        timeout=TIMEOUT,
    )


def test_each_option_counts_its_questions_given_the_other_filters(
    page, site_url: str, bank: BankData
) -> None:
    page.goto(urljoin(site_url, QUIZ))
    counts = quiz.filter_counts(bank, {})
    track = bank.tracks[1]
    _wait_count(page, "tracks", track["id"], counts["tracks"][track["id"]])
    for name in ("tracks", "levels", "roles"):
        for value, n in counts[name].items():
            assert _shown(page, name, value).startswith(f"({n})"), (name, value)
    # the accessible name says it in words
    n = counts["tracks"][track["id"]]
    # (a space may come before the comma: the label is a flex box, its parts blocks)
    words = re.compile(rf"^{re.escape(track['title'])}\s*, {n} questions$")
    assert page.get_by_role("checkbox", name=words).count() == 1

    # ticking a level recounts the tracks and roles within it, live
    page.locator(".mlw-quiz input[name=levels][value=L3]").press("Space")
    within = quiz.filter_counts(bank, {"levels": ["L3"]})
    assert within["tracks"][track["id"]] != n  # the test would see a stale count
    _wait_count(page, "tracks", track["id"], within["tracks"][track["id"]])
    for name in ("tracks", "roles"):
        for value, m in within[name].items():
            _wait_count(page, name, value, m)
    # the level's own count does not narrow itself
    assert _shown(page, "levels", "L5").startswith(f"({within['levels']['L5']})")
    assert within["levels"]["L5"] == counts["levels"]["L5"]
    # and the quiz's summary line still names the track in its own words
    page.locator(f".mlw-quiz input[name=tracks][value='{track['id']}']").press("Space")
    page.locator(".mlw-quiz select[name=count]").select_option("5")
    page.locator(".mlw-quiz form button[type=submit]").press("Enter")
    setup = page.locator(".mlw-setup__text")
    setup.wait_for(timeout=TIMEOUT)
    assert setup.inner_text().startswith(f"{track['title']} · L3 · ")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_counted_filters_are_axe_clean(browser, site_url: str, bank: BankData, scheme) -> None:
    context = browser.new_context(service_workers="block", bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, QUIZ))
        first = bank.tracks[0]["id"]
        _wait_count(page, "tracks", first, quiz.filter_counts(bank, {})["tracks"][first])
        axe_clean(page, f"quiz filters with counts ({scheme})")
    finally:
        context.close()


def test_a_count_stays_on_the_last_line_of_a_name_that_wraps(page, site_url: str) -> None:
    """On a narrow phone a long track name wraps; its count follows the last word instead of
    standing apart beside the whole name (a label is a flex row)."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(urljoin(site_url, QUIZ))
    page.locator(".mlw-quiz .mlw-check__count").first.wait_for(timeout=TIMEOUT)
    places = page.evaluate(
        """() => [...document.querySelectorAll(".mlw-quiz .mlw-check__count")].map((count) => {
          const words = count.closest("label").querySelector(".mlw-check__text");
          const w = words.getBoundingClientRect(), c = count.getBoundingClientRect();
          const line = parseFloat(getComputedStyle(words).lineHeight);
          const gap = Math.abs(w.bottom - c.bottom);
          return { wraps: w.height > 1.5 * line, line, below: c.top - w.top, gap };
        })"""
    )
    wrapped = [p for p in places if p["wraps"]]
    assert wrapped, "no option wraps at 320 px: the test would check nothing"
    # on the last line: level with the words' bottom, below their first line
    assert all(p["gap"] < p["line"] / 4 for p in places), places
    assert all(p["below"] > p["line"] / 2 for p in wrapped), wrapped
