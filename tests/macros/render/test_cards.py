"""Golden-file tests of the card HTML. Regenerate with `pytest --update-golden` and review
the diff: the golden files are the contract for what a reader sees, so they hold the cards
as the build ships them, formulas typeset by KaTeX (macros/render/math.py) included."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from macros.render.cards import card
from macros.render.index_table import question_tracker
from macros.render.listings import depth_side_by_side
from macros.render.math import MathPages
from tests.conftest import ROOT, mkdocs_config

GOLDEN = Path(__file__).parent / "golden"


def _extensions() -> tuple[list, dict]:
    """The Markdown extensions exactly as mkdocs.yml configures them."""
    config = mkdocs_config()
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, str):
            names.append(ext)
        else:
            ((name, options),) = ext.items()
            names.append(name)
            configs[name] = {k: v for k, v in (options or {}).items() if "python/" not in str(v)}
    return names, configs


def _html(md_text: str) -> str:
    names, configs = _extensions()
    configs.pop("pymdownx.snippets", None)
    names = [n for n in names if n != "pymdownx.snippets"]
    return markdown.markdown(md_text, extensions=names, extension_configs=configs) + "\n"


def _typeset(html: str) -> str:
    """The card with its formulas typeset, as on_page_content and on_post_page leave it."""
    pages = MathPages(ROOT)
    try:
        pages.collect(html, "card.md")
        pages.stylesheet()
        return pages.typeset_page(html)
    finally:
        pages.close()


def _check(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{name} did not exist; written now, review and commit it")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; see --update-golden"


@pytest.mark.parametrize("entry_id", ["alpha", "beta", "gamma", "delta", "epsilon"])
def test_card_html_matches_golden(fixture_bank, entry_id: str, update_golden: bool) -> None:
    entry = fixture_bank.get(entry_id)
    html = _typeset(_html(card(entry, fixture_bank, "tracks/one.md")))
    _check(f"card-{entry_id}.html", html, update_golden)


def test_index_and_depth_match_golden(fixture_bank, update_golden: bool) -> None:
    html = _html(question_tracker(fixture_bank, "questions/index.md"))
    html += _html(depth_side_by_side(fixture_bank, "alpha", "round/depth.md"))
    _check("index-and-depth.html", _typeset(html), update_golden)


def test_card_structure(fixture_bank) -> None:
    html = _html(card(fixture_bank.get("alpha"), fixture_bank, "tracks/one.md"))
    assert '<div class="qcard" data-qid="alpha">' in html
    assert 'id="q-alpha"' in html
    # the collapsed block: a <details> without `open`, titled as the design says
    assert '<details class="answer">\n<summary>Full Answer + Rubric</summary>' in html
    assert '<details class="answer" open' not in html
    # text from the bank is escaped, not interpreted as markup
    assert "Explain alpha &amp; why it matters." in html
    beta = _html(card(fixture_bank.get("beta"), fixture_bank, "tracks/two.md"))
    assert "when x &amp;lt; y." not in beta and "when x &lt; y." in beta
    # related links point at the other card's anchor, relative to the page
    assert 'href="two.md#q-beta"' in html


def test_problem_keeps_scenario_visible_and_answer_collapsed(fixture_bank) -> None:
    html = _html(card(fixture_bank.get("gamma"), fixture_bank, "problems/worked.md"))
    before, _, after = html.partition("<details")
    assert "Gamma scores 0.9 offline and 0.6 online." in before
    assert "Hypotheses" in after and "Ranks causes." in after
