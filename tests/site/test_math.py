"""Formulas in the built site are typeset already (macros/render/math.py): KaTeX's HTML and
MathML, no inline style (the CSP refuses them), no KaTeX script, and KaTeX's stylesheet
linked only from the pages that have a formula."""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.publish.service_worker import site_files

STYLE_ATTR = re.compile(r"<[^>]*?\sstyle\s*=", re.I)
ELEMENT = re.compile(r'<(span|div) class="arithmatex">(.{0,40})', re.S)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*(assets/katex/[^"]+)">')
KATEX_URL = re.compile(r"assets/katex/")
STYLE_CLASS = re.compile(r"\bks-[0-9a-f]{10}\b")


def _pages(built_site: Path) -> dict[str, str]:
    return {
        p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(built_site.rglob("*.html"))
    }


def _fragments(built_site: Path) -> dict[str, str]:
    """Each exercise's HTML fragments (hints, follow-ups, remarks, model answers), joined,
    by the page that shows them."""
    out: dict[str, str] = {}
    for path in sorted((built_site / "assets/exercises").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "id" not in data:
            continue  # the index and the schema
        parts = [*data.get("hints", []), *(f["q"] for f in data.get("followups", []))]
        parts += [data.get("remarks", ""), *data.get("answers", [])]
        page = f"exercises/{data['id']}/index.html"
        out[page] = out.get(page, "") + "\n".join(parts)
    return out


def _exercise_pages_with_math(built_site: Path) -> set[str]:
    return {page for page, html in _fragments(built_site).items() if "arithmatex" in html}


def test_exercise_fragments_arrive_typeset_and_their_page_links_the_stylesheet(
    built_site: Path,
) -> None:
    """Hints, remarks and model answers are fetched as JSON when revealed, and no script
    on the page could typeset them: the build does."""
    fragments = _fragments(built_site)
    raw = [f"{page}: {start}" for page, html in fragments.items()
           for _, start in ELEMENT.findall(html) if not start.startswith('<span class="katex')]  # fmt: skip
    styled = [f"{page}: {m.group(0)[:80]}" for page, html in fragments.items()
              for m in STYLE_ATTR.finditer(html)]  # fmt: skip
    assert raw == [] and styled == []
    with_math = _exercise_pages_with_math(built_site)
    assert len(with_math) >= 10  # most exercises explain their cost with a formula
    pages = _pages(built_site)
    assert [p for p in with_math if len(STYLESHEET.findall(pages[p])) != 1] == []


def test_no_page_has_an_inline_style_or_untypeset_tex(built_site: Path) -> None:
    styled, raw = [], []
    for name, html in _pages(built_site).items():
        styled += [f"{name}: {m.group(0)[:80]}" for m in STYLE_ATTR.finditer(html)]
        raw += [f"{name}: {start}" for _, start in ELEMENT.findall(html)
                if not start.startswith('<span class="katex')]  # fmt: skip
    assert styled == [] and raw == []


def test_katex_stylesheet_only_where_there_is_a_formula_and_no_katex_script(
    built_site: Path,
) -> None:
    with_math, wrong = 0, []
    sheets = set()
    for name, html in _pages(built_site).items():
        formulas = html.count('class="arithmatex"')
        linked = STYLESHEET.findall(html)
        if formulas:
            with_math += 1
            sheets.update(linked)
            if len(linked) != 1:
                wrong.append(f"{name}: {formulas} formulas, stylesheets {linked}")
        elif KATEX_URL.search(html) and name not in _exercise_pages_with_math(built_site):
            wrong.append(f"{name}: no formula, yet names a KaTeX file")
        if re.search(r"<script[^>]*katex", html, re.I):
            wrong.append(f"{name}: loads a KaTeX script")
    assert wrong == []
    assert with_math >= 20 and len(sheets) == 1
    assert not list(built_site.glob("assets/katex/*.js"))


def test_every_class_on_a_formula_has_its_rule(built_site: Path) -> None:
    (sheet,) = built_site.glob("assets/katex/katex.*.css")
    css = sheet.read_text(encoding="utf-8")
    defined = set(re.findall(r"\.(ks-[0-9a-f]{10})\{", css))
    used = set()
    for html in _pages(built_site).values():
        used.update(STYLE_CLASS.findall(html))
    assert len(used) > 100 and used <= defined
    # the fonts KaTeX's own rules point at are in the site, beside the stylesheet
    fonts = set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css))
    assert fonts and all((sheet.parent / f).is_file() for f in fonts)


def test_the_service_worker_precaches_the_stylesheet_and_fonts(built_site: Path) -> None:
    text = (built_site / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", text, re.S).group(1))
    katex = [p for p in precache if p.startswith("assets/katex/")]
    assert any(re.fullmatch(r"assets/katex/katex\.[0-9a-f]{10}\.css", p) for p in katex)
    assert any(p.endswith("KaTeX_Main-Regular.woff2") for p in katex)
    paths = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()]
    assert sorted(katex) == sorted(p for p in site_files(paths)[0] if p.startswith("assets/katex"))
