"""Formulas typeset at build time (macros/render/math.py): KaTeX under one Node process,
a cache that spares Node on an unchanged page, and a bad formula that stops the build
naming where it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.render import math
from macros.render.math import Formula, MathError, MathPages, Typesetter
from tests.conftest import ROOT

INLINE = '<span class="arithmatex">\\(x^2 &lt; y\\)</span>'
DISPLAY = '<div class="arithmatex">\\[\n\\frac{a}{b}\n\\]</div>'
STYLE_ATTR = re.compile(r"\sstyle=")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project folder with the real KaTeX package and one page of docs."""
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "katex").symlink_to(ROOT / "node_modules" / "katex")
    (tmp_path / "docs").mkdir()
    return tmp_path


def test_formulas_are_read_with_their_delimiters_off_and_entities_decoded() -> None:
    found = [math.formula_of(m) for m in math.FORMULA.finditer(f"<p>{INLINE}</p>{DISPLAY}")]
    assert found == [Formula("x^2 < y", False), Formula("\\frac{a}{b}", True)]


def test_a_page_gets_katex_html_and_mathml_with_no_style_attribute(root: Path) -> None:
    pages = MathPages(root)
    pages.collect(f"<p>Loss {INLINE}.</p>{DISPLAY}", "one.md")
    uri, css = pages.stylesheet()
    out = pages.typeset_page(f"<html><p>Loss {INLINE}.</p>{DISPLAY}</html>")
    assert "arithmatex" in out and "\\(" not in out
    assert out.count('<span class="katex">') == 2 and out.count('class="katex-display"') == 1
    assert '<annotation encoding="application/x-tex">x^2 &lt; y</annotation>' in out  # MathML
    assert not STYLE_ATTR.search(out)
    # every class the build made has its rule, with the inline style's strength
    used = set(re.findall(r"\bks-[0-9a-f]{10}\b", out))
    assert used and all(f".{name}{{" in css for name in used)
    assert "height:" in css and "!important" in css
    assert re.fullmatch(r"assets/katex/katex\.[0-9a-f]{10}\.css", uri)
    assert "@font-face" in css and "url(fonts/KaTeX_Main-Regular.woff2)" in css
    assert pages.has_math("one.md") and not pages.has_math("two.md")


def test_one_node_process_a_build_and_one_request_a_page(root: Path) -> None:
    pages = MathPages(root)
    for n in range(3):
        pages.collect(f'<p>{INLINE} <span class="arithmatex">\\({n}+1\\)</span></p>', f"{n}.md")
    node = pages.typesetter.proc
    assert node is not None and pages.typesetter.requests == 3
    pages.collect(f"<p>{INLINE}</p><p>no formula here</p>", "again.md")  # all known already
    pages.collect("<p>no formula at all</p>", "plain.md")
    assert pages.typesetter.requests == 3 and pages.typesetter.proc is node
    pages.stylesheet()
    assert pages.typesetter.proc is None and node.returncode == 0  # ended with the build


def test_an_unchanged_page_is_served_from_the_cache_without_node(root: Path) -> None:
    content = f"<p>{INLINE}</p>{DISPLAY}"
    first = MathPages(root)
    first.collect(content, "one.md")
    assert first.typesetter.requests == 1
    first.stylesheet()
    again = MathPages(root)
    again.collect(content, "one.md")
    assert again.typesetter.requests == 0 and again.typesetter.proc is None
    assert again.stylesheet() == first.stylesheet()
    changed = MathPages(root)
    changed.collect(content.replace("x^2", "x^3"), "one.md")
    assert changed.typesetter.requests == 1
    changed.close()


def test_the_cache_is_kept_apart_per_katex_version_and_script(root: Path, tmp_path: Path) -> None:
    typesetter = Typesetter(root, tmp_path / "cache")
    version = json.loads((root / "node_modules/katex/package.json").read_text())["version"]
    assert typesetter.cache.parent == tmp_path / "cache"
    assert re.fullmatch(re.escape(version) + r"-[0-9a-f]{12}", typesetter.cache.name)


def test_a_bad_formula_fails_the_build_naming_the_page_the_formula_and_its_file(
    root: Path,
) -> None:
    (root / "docs" / "tracks").mkdir()
    (root / "docs" / "tracks" / "one.md").write_text("{{ cards() }}\n", encoding="utf-8")
    bank = root / "quiz_data" / "questions"
    bank.mkdir(parents=True)
    (bank / "loss.yml").write_text("prompt: Why is $\\frac{1}{2$ there?\n", encoding="utf-8")
    pages = MathPages(root)
    pages.collect('<p><span class="arithmatex">\\(\\frac{1}{2\\)</span></p>', "tracks/one.md")
    pages.collect('<p><span class="arithmatex">\\(\\nosuchmacro\\)</span></p>', "two.md")
    with pytest.raises(MathError) as info:
        pages.stylesheet()
    message = str(info.value)
    assert 'docs/tracks/one.md: formula "\\frac{1}{2"' in message
    assert "quiz_data/questions/loss.yml" in message
    assert 'docs/two.md: formula "\\nosuchmacro"' in message  # every error at once
    assert "Undefined control sequence" in message
    assert pages.typesetter.proc is None


def test_latex_katex_only_warns_about_fails_too(root: Path) -> None:
    pages = MathPages(root)
    pages.collect('<span class="arithmatex">\\(é\\)</span>', "one.md")  # text in math mode
    with pytest.raises(MathError, match="unicodeTextInMathMode"):
        pages.stylesheet()


def test_a_formula_the_build_never_saw_is_an_error_not_raw_tex(root: Path) -> None:
    pages = MathPages(root)
    with pytest.raises(MathError, match="never typeset"):
        pages.typeset_page(f"<p>{INLINE}</p>")


def test_node_missing_is_a_clear_error(root: Path, monkeypatch) -> None:
    monkeypatch.setattr(math.shutil, "which", lambda name: None)
    with pytest.raises(MathError, match="Node is needed"):
        MathPages(root).collect(f"<p>{INLINE}</p>", "one.md")


def test_katex_missing_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(MathError, match="npm ci"):
        MathPages(tmp_path)
