"""The growth table (benchmarks/growth.py): a column per N, the ratios to the smallest N,
#15's targets marked met or not; and the static measures of a built site."""

from __future__ import annotations

from pathlib import Path

from benchmarks import growth

ROW = {
    "build time": 10.0,
    "framework page (first visit)": 400.0,
    "quiz-ready (median)": 10.0,
    "largest page: elements": 1000.0,
}


def test_the_table_has_a_column_per_size_and_the_ratios() -> None:
    bigger = {**ROW, "build time": 45.0, "framework page (first visit)": 420.0}
    text = growth.section({30: ROW, 150: ROW, 300: bigger}, {30: "print", 150: "", 300: "x"})
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("| measure"))
    assert header == (
        "| measure | N = 30 | N = 150 | N = 300 | 150/30 | 300/30 | #15 target (300/30) |"
    )
    build = next(line for line in lines if line.startswith("| build time"))
    assert (
        build
        == "| build time | 10.00 s | 10.00 s | 45.00 s | 1.00x | 4.50x | <= 4.00x: **not met** |"
    )
    page = next(line for line in lines if line.startswith("| framework page"))
    assert page.endswith("| 1.00x | 1.05x | <= 1.10x: met |"), page
    assert "| 400 KiB |" in page
    assert "| largest page: elements | 1,000 | 1,000 | 1,000 | 1.00x | 1.00x |  |" in lines
    assert "print at N = 30, home at N = 150, x at N = 300" in text


def test_site_bytes_and_the_largest_page(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<html><body><p>hi</p></body></html>")
    (tmp_path / "a" / "index.html").write_text("<html><body>" + "<p>x</p>" * 50 + "</body></html>")
    assert growth.site_bytes(tmp_path) == sum(p.stat().st_size for p in tmp_path.rglob("*.html"))
    assert growth.largest_page(tmp_path) == ("a", 52)
