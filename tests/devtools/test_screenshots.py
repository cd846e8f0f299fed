"""The screenshot gallery's plan and index page (the pictures themselves need a browser and
are taken by `make screenshots`)."""

from __future__ import annotations

from pathlib import Path

from devtools import screenshots
from tests.browser.page_types import PAGE_TYPES


def test_every_state_is_shot_on_a_phone_and_a_desktop_in_both_palettes() -> None:
    plan = screenshots.shots(PAGE_TYPES)
    assert len(plan) == len(PAGE_TYPES) * 4
    assert {(vp, s) for _, vp, s in plan} == {
        ("phone", "light"), ("phone", "dark"), ("desktop", "light"), ("desktop", "dark")
    }  # fmt: skip
    assert "home" in PAGE_TYPES and "flashcards-summary" in PAGE_TYPES


def test_the_index_shows_each_picture_and_says_which_are_missing(tmp_path: Path) -> None:
    (tmp_path / screenshots.file_name("home", "phone", "dark")).write_bytes(b"png")
    page = screenshots.index_page(["home", "a<b"], tmp_path)
    assert '<img src="home--phone--dark.png" alt="home, phone, dark"' in page
    assert page.count("missing") == 7  # the other three of home and all four of the other
    assert "a&lt;b" in page and "a<b" not in page  # names are escaped everywhere
