"""A figure on a page carries its drawn size and loads lazily (macros/render/figures.py):
room is kept for it before it loads, and it does not compete with the page's first paint."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.render import print_page
from macros.render.figures import PRINT_PAGE, captions, figure_md, size


def test_every_figure_has_its_drawn_size_in_css_pixels() -> None:
    for name in captions():
        width, height = size(name)
        assert 300 <= width <= 1200 and 150 <= height <= 1200, name
    assert size("clt") == (672, 403)  # matplotlib's 504 x 302.4 pt


def test_a_figure_loads_lazily_with_its_size() -> None:
    md = figure_md("clt", "tracks/fundamentals.md")
    assert '{ width="672" height="403" loading="lazy" decoding="async" }' in md


def test_the_print_page_loads_its_figures_with_it() -> None:
    assert figure_md("clt", PRINT_PAGE).count('{ width="672" height="403" }') == 1
    assert PRINT_PAGE == print_page.PRINT_PAGE


def test_sizes_in_px_and_pt_and_none(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_text('<svg width="300px" height="150"><g/></svg>')
    (tmp_path / "b.svg").write_text('<svg xmlns="x" width="30pt" height="15pt"></svg>')
    (tmp_path / "c.svg").write_text('<svg viewBox="0 0 3 1"></svg>')
    assert size("a", tmp_path) == (300, 150)
    assert size("b", tmp_path) == (40, 20)
    with pytest.raises(ValueError, match="no width"):
        size("c", tmp_path)
