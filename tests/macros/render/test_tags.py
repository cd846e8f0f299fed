"""The page's tag line: tracks, the run of levels and how many roles, in one short line."""

from __future__ import annotations

import pytest

from macros.render.tags import level_span, page_tags, tag_summary


@pytest.mark.parametrize(
    ("levels", "shown"),
    [(["L3"], "L3"), (["L4", "L3"], "L3–L4"), (["L4", "L5", "L6+"], "L4–L6+"),
     (["L3", "L5"], "L3, L5")],
)  # fmt: skip
def test_levels_in_a_row_are_a_run(levels: list[str], shown: str) -> None:
    assert level_span(levels) == shown


def test_the_tag_line_summarises_every_tag_of_the_page(fixture_bank) -> None:
    entries = [e for e in fixture_bank.entries if e.track == fixture_bank.tracks[0].id]
    line = tag_summary(entries, fixture_bank)
    tags = page_tags(entries, fixture_bank)
    roles = [t for t in tags if t not in {fixture_bank.tracks[0].title, "L3", "L4", "L5", "L6+"}]
    assert line.startswith(fixture_bank.tracks[0].title + " · L")
    assert line.endswith(f"· {len(roles)} roles")
