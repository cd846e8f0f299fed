"""Whole-page listings: what every practice problem page carries once."""

from __future__ import annotations

from macros.bank import Bank
from macros.render import listings


def test_each_problem_page_says_once_how_it_is_used_and_keeps_that_out_of_search(
    real_bank: Bank,
) -> None:
    areas = {p.area for p in real_bank.problems}
    assert len(areas) >= 7
    for area in areas:
        md = listings.problem_area(real_bank, area, f"problems/{area}.md")
        assert md.count("press **Answer first**") == 1
        how_to = md.index("press **Answer first**")
        assert how_to < md.index('class="mlw-first-mode')
        assert md[how_to:].split("\n")[1] == "{ data-search-exclude }"
