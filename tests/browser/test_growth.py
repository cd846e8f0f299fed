"""The site built on a generated 300-question bank (devtools/synth_bank.py, issue #15):
every page type loads without a console error and the widgets work at that size. One
build for the module; the page types and their setups are the shared registry
(page_types.py), so what is checked here is what the CSP and axe tests check on the real
bank."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from devtools.server import serve
from devtools.site import build
from devtools.synth_bank import generate
from macros.bank import Bank, load_bank
from tests.browser.page_types import PAGE_TYPES, SETTLED, TIMEOUT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZE = 300
# The widget states that need Python or the theme's search, each brought about by its
# setup from the registry: the quiz answers one item, the flashcards reveal and grade a
# card, the mock round starts, the dashboard reads a history, search finds results.
WIDGET_STATES = (
    "quiz-answered",
    "flashcards-summary",
    "mock-running",
    "dashboard-data",
    "home-search-open",
    "track-answer-first",
)
INDEX_SHOWN = "() => document.querySelector('.mlw-index')?.dataset.bound"
COUNT = ".mlw-index__count"


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Bank, Path, str]]:
    """The generated bank, the site built from it, and its address under /ml-guide/."""
    root = generate(SIZE, tmp_path_factory.mktemp("grown") / "src")
    site = tmp_path_factory.mktemp("grown-site")
    with serve(site, prefix="/ml-guide/") as url:
        built = build(site, url, root=root)
        if not built.ok:
            pytest.fail(f"the {SIZE}-question site did not build:\n{built.output[-4000:]}")
        yield load_bank(root / "quiz_data"), site, url


def _errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def test_the_bank_has_the_size_asked_for(grown) -> None:
    assert len(grown[0].questions) == SIZE


def test_track_pages_hold_their_questions(grown) -> None:
    bank, site, _ = grown
    for track in bank.tracks:
        html = (site / track.page.removesuffix(".md") / "index.html").read_text("utf-8")
        ids = [q.id for q in bank.questions if q.track == track.id]
        missing = [i for i in ids if f'id="q-{i}"' not in html]
        assert ids and not missing, (track.id, missing[:5])


@pytest.mark.parametrize("path", sorted({p for p, _ in PAGE_TYPES.values()}))
def test_every_page_type_loads_without_console_errors(grown, page, path: str) -> None:
    errors = _errors(page)
    page.goto(urljoin(grown[2], path))
    page.wait_for_function(SETTLED, timeout=TIMEOUT)
    assert errors == []


@pytest.mark.parametrize("name", WIDGET_STATES)
def test_widgets_work_at_size(grown, page, name: str) -> None:
    path, setup = PAGE_TYPES[name]
    errors = _errors(page)
    page.goto(urljoin(grown[2], path))
    page.wait_for_load_state("networkidle")
    setup(page)
    assert errors == []


def test_the_question_index_lists_every_question_and_filters(grown, page) -> None:
    bank, _, url = grown
    page.goto(urljoin(url, "questions/"))
    page.wait_for_function(INDEX_SHOWN)
    total = page.locator(".mlw-index tbody tr").count()
    assert total == SIZE
    assert page.locator(COUNT).inner_text() == f"All {total} shown"
    llm = sum(q.track == "llm" for q in bank.questions)
    page.locator("#index-questions-track").select_option("llm")
    page.wait_for_function(
        "(t) => document.querySelector('.mlw-index__count').textContent === t",
        arg=f"{llm} of {total} shown",
    )
    page.locator("#index-questions-level").select_option("L6+")
    shown = page.locator(".mlw-index tbody tr:visible")
    assert 0 < shown.count() < llm
    assert all("L6+" in t for t in shown.evaluate_all("rs => rs.map(r => r.dataset.levels)"))
