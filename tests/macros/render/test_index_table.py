"""The indexes as trackers, as the build writes them: every row links the page its entry
is on (as the URL MkDocs gives it, since raw HTML is not rewritten), carries what the
filters match on, and the filter form stays hidden for a reader without JavaScript."""

from __future__ import annotations

import re

from macros.bank.exercises import load_exercises
from macros.render import index_table
from macros.render.index_table import exercise_tracker, page_href, problem_tracker
from tests.conftest import ROOT

ROW = re.compile(r"<tr data-id=\"([^\"]+)\"[^>]*>.*?<a href=\"([^\"]+)\"")


def test_page_href_is_the_built_url_relative_to_the_index() -> None:
    assert page_href("questions/index.md", "tracks/one.md", "q-a") == "../tracks/one/#q-a"
    assert page_href("problems/index.md", "problems/debugging.md") == "debugging/"
    assert page_href("exercises/index.md", "exercises/index.md") == "./"
    assert page_href("index.md", "drill/quiz.md") == "drill/quiz/"


def test_the_question_table_carries_its_filters(fixture_bank) -> None:
    html = index_table.question_tracker(fixture_bank, "questions/index.md")
    assert '<form class="mlw-index__filters" aria-label="Filter the questions" hidden>' in html
    rows = ROW.findall(html)
    assert [r[0] for r in rows] == [q.id for q in fixture_bank.questions]
    alpha = fixture_bank.get("alpha")
    assert f'data-levels="{" ".join(alpha.levels)}"' in html
    assert 'data-label="Minutes">2-3</td>' in html
    assert 'href="../drill/quiz/">Practise these</a>' in html


def test_problems_say_their_status_follows_their_card(fixture_bank) -> None:
    html = problem_tracker(fixture_bank, "problems/index.md")
    assert "Practice problems are flashcards too" in html
    assert ROW.findall(html) == [(p.id, f"{p.area}/#q-{p.id}") for p in fixture_bank.problems]


def test_the_exercise_table_links_every_exercise_page() -> None:
    html = exercise_tracker(ROOT, "exercises/index.md")
    exercises = load_exercises(ROOT / "quiz_data" / "exercises")
    assert ROW.findall(html) == [(e.id, f"{e.id}/") for e in exercises]
    for e in exercises:
        assert f"<code>{e.function}</code>" in html
