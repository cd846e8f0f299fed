"""What a reader earns in a coding exercise (the solution, the author's remarks, the
follow-up answers) and the hints are in no page's HTML and not in the site search: they
live only in the exercise's JSON files, fetched when revealed.

The fragments looked for are distinctive lines of each solution (found in no other
solution, starter, prompt or checks, and not imports) and sentences of each remark, answer
and hint. A line that the rest of the guide also writes (a practice problem's worked
answer may share a line of code with an exercise) is not the exercise's to keep off the
pages, so fragments found in the bank or the hand-written pages are left out. So that the
test cannot pass by looking for the wrong thing, it also checks that every fragment is in
the exercise's JSON as built, and that the prompts, which are on the pages, are found by
the same search."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from macros.bank.exercises import Exercise, load_exercises
from macros.publish.exercise_export import exercise_record, reveal_record
from macros.render.fragments import to_html
from tests.conftest import ROOT

EXERCISES = load_exercises(ROOT / "quiz_data" / "exercises")
TAG = re.compile(r"<[^>]+>")
GUIDE_SOURCES = [*(ROOT / "quiz_data").glob("[!e]*/**/*.yml"), *(ROOT / "docs").rglob("*.md")]


def flat(text: str) -> str:
    """Text as a reader or the search index sees it: tags out, entities decoded, spaces
    folded."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def _sentences(rendered_html: str) -> list[str]:
    """Sentences of a rendered fragment long enough to be distinctive, without formulas."""
    text = flat(rendered_html)
    parts = re.split(r"(?<=[.:;?!])\s+", text)
    return [p for p in parts if len(p) >= 40 and "\\(" not in p and "\\[" not in p]


def _lines(code: str) -> list[str]:
    return [" ".join(line.split()) for line in code.splitlines()]


GUIDE_TEXT = " ".join(" ".join(p.read_text("utf-8").split()) for p in GUIDE_SOURCES)


def secrets(e: Exercise) -> dict[str, list[str]]:
    """Fragments of what must stay off the pages, by kind."""
    public = " ".join(_lines(" ".join([e.starter, e.prompt, e.checks, e.slow or ""])))
    public += GUIDE_TEXT
    elsewhere = {line for o in EXERCISES if o.id != e.id for line in _lines(o.solution)}
    code = [
        line
        for line in _lines(e.solution)
        if len(line) >= 25
        and line not in public
        and line not in elsewhere
        and not line.startswith(("#", "import ", "from "))
    ]
    reveal, record = reveal_record(e), exercise_record(e)
    return {
        "solution": code,
        "remarks": _sentences(reveal["remarks"]),
        "answers": [s for a in reveal["answers"] for s in _sentences(a)],
        "hints": [s for h in record["hints"] for s in _sentences(h)],
    }


@pytest.fixture(scope="module")
def search_text(built_site: Path) -> str:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    return flat(" ".join(f"{d.get('title', '')} {d.get('text', '')}" for d in index["docs"]))


@pytest.fixture(scope="module")
def pages_text(built_site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(built_site)): flat(p.read_text("utf-8"))
        for p in sorted(built_site.rglob("*.html"))
    }


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_nothing_earned_is_in_a_page_or_the_search_index(
    exercise: Exercise, built_site: Path, search_text: str, pages_text: dict[str, str]
) -> None:
    found = secrets(exercise)
    assert len(found["solution"]) >= 2 and found["remarks"] and found["answers"], found
    folder = built_site / "assets" / "exercises"
    record = json.loads((folder / f"{exercise.id}.json").read_text("utf-8"))
    reveal = json.loads((folder / "reveal" / f"{exercise.id}.json").read_text("utf-8"))
    published = " ".join(
        [
            " ".join(_lines(reveal["solution"])),
            flat(reveal["remarks"]),
            *map(flat, reveal["answers"]),
            *map(flat, record["hints"]),
        ]
    )
    for kind, fragments in found.items():
        for fragment in fragments:
            leaked = [page for page, text in pages_text.items() if fragment in text]
            assert not leaked, f"{exercise.id}: {kind} {fragment!r} is in {leaked}"
            assert fragment not in search_text, f"{exercise.id}: {kind} {fragment!r} in search"
            assert fragment in published, f"{exercise.id}: {kind} {fragment!r} not published"


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_the_prompt_is_found_by_the_same_search(exercise: Exercise, search_text: str) -> None:
    """The check above would pass vacuously if the text it searches were not the page's:
    every sentence of the prompt, rendered as the page renders it (list markers gone, code
    blocks left out), is found in the search index."""
    blocks = re.split(r"</p>|</li>", to_html(exercise.prompt))
    sentences = [s for b in blocks if "<pre" not in b for s in _sentences(b)]
    assert len(sentences) >= 3, sentences
    # The index drops inline tags such as <strong> without a space ("Decay,"), where
    # flat() leaves one ("Decay ,"): compare without spaces before punctuation.
    tight = lambda text: re.sub(r" ([,.;:!?)])", r"\1", text)  # noqa: E731
    indexed = tight(search_text)
    missing = [s for s in sentences if tight(s) not in indexed]
    assert not missing, missing
