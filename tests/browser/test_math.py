"""Formulas arrive typeset (macros/render/math.py): a page with formulas loads KaTeX's
stylesheet and fonts but no KaTeX script, and its formulas are laid out by the classes the
build made from KaTeX's style attributes; a page without formulas loads no KaTeX file."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser
TRACK = "tracks/fundamentals/"
# How far a superscript sits above its base, in px. KaTeX lifts it with `top` on a
# relatively placed span: a style attribute in KaTeX's own output, a class here. Without
# the class (or with an inline style the CSP refuses) it drops about 16 px below the base
# instead of 5-9 px above it. Only formulas with a superscript and no subscript, so the
# first script is the superscript.
SUPERSCRIPT = ".arithmatex:has(math msup):not(:has(math msub, math msubsup))"
LIFT = """el => {
  const base = el.querySelector('.msupsub').previousElementSibling.getBoundingClientRect();
  const sup = el.querySelector('.msupsub .mtight').getBoundingClientRect();
  return base.bottom - sup.bottom;
}"""
RECORD_CSP = (
    "window.__csp = []; document.addEventListener('securitypolicyviolation',"
    " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def _katex_files(requests_log) -> list[str]:
    return [u.rsplit("/assets/", 1)[1] for u in requests_log.urls if "/assets/katex/" in u]


def _with_superscript(page):
    return page.locator(SUPERSCRIPT).first


def test_a_page_with_formulas_shows_them_typeset_with_no_katex_script(
    page, site_url: str, requests_log
) -> None:
    page.add_init_script(RECORD_CSP)
    page.goto(urljoin(site_url, TRACK))
    formula = _with_superscript(page)
    formula.scroll_into_view_if_needed()
    page.wait_for_function("() => document.fonts.check('16px KaTeX_Main')")
    assert formula.locator(".katex-html").is_visible()
    assert formula.evaluate(LIFT) > 3
    # MathML stays for screen readers; the HTML rendering is hidden from them
    assert formula.locator("math annotation").count() == 1
    assert formula.locator(".katex-html").get_attribute("aria-hidden") == "true"
    page.wait_for_load_state("networkidle")
    files = _katex_files(requests_log)
    assert [f for f in files if f.endswith(".css")] == [
        next(f for f in files if f.startswith("katex/katex."))
    ]
    assert any(f.endswith(".woff2") for f in files)
    assert not [u for u in requests_log.urls if "katex" in u.lower() and ".js" in u]
    assert page.evaluate("typeof katex") == "undefined"
    assert page.evaluate("window.__csp") == []


@pytest.mark.parametrize("path", ["", "drill/quiz/", "exercises/"])
def test_a_page_without_formulas_loads_no_katex_file(
    page, site_url: str, requests_log, path: str
) -> None:
    page.goto(urljoin(site_url, path))
    page.wait_for_load_state("networkidle")
    assert page.locator(".arithmatex").count() == 0
    assert _katex_files(requests_log) == []


def test_a_formula_in_a_closed_block_is_typeset_when_it_is_opened(page, site_url: str) -> None:
    page.goto(urljoin(site_url, TRACK))
    # handles, not locators: once the block opens, a ":not([open])" locator means another
    hidden = page.locator(f"details:not([open]) {SUPERSCRIPT}").first.element_handle()
    summary = hidden.evaluate_handle("el => el.closest('details').querySelector('summary')")
    assert not hidden.is_visible()
    summary.as_element().click()
    hidden.scroll_into_view_if_needed()
    page.wait_for_function("() => document.fonts.check('16px KaTeX_Main')")
    assert hidden.is_visible() and hidden.evaluate(LIFT) > 3


def test_the_flashcards_answers_carry_typeset_formulas(page, site_url: str) -> None:
    """The cards wait hidden in the page until the widget shows one; shown, their formulas
    are laid out like any other (the widget moves the card's nodes, it adds no markup)."""
    page.goto(urljoin(site_url, "drill/flashcards/"))
    stored = page.locator(f".fc-store .fc-card__answer:has({SUPERSCRIPT})").first
    answer = stored.element_handle()
    page.evaluate("a => document.querySelector('article').append(a)", answer)
    page.wait_for_function("() => document.fonts.check('16px KaTeX_Main')")
    assert answer.query_selector(SUPERSCRIPT).evaluate(LIFT) > 3


def test_the_print_page_prints_every_formula_typeset(page, site_url: str) -> None:
    page.add_init_script(RECORD_CSP)
    page.goto(urljoin(site_url, "print/"))
    page.emulate_media(media="print")
    last = page.locator(SUPERSCRIPT).last
    page.wait_for_function("() => document.fonts.check('16px KaTeX_Main')")
    counts = page.evaluate(
        """() => [document.querySelectorAll('.arithmatex').length,
                  document.querySelectorAll('.arithmatex > .katex, .arithmatex > .katex-display')
                    .length]"""
    )
    assert counts[0] > 50 and counts[0] == counts[1]
    assert last.evaluate(LIFT) > 3
    assert page.evaluate("window.__csp") == []
