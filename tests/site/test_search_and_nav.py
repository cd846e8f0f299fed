"""Search and navigation as a candidate meets them: each hit appears once (the one-page
print version repeats every section, so it is kept out of the index), hidden content (the
flashcards' answers) is not searchable from the page that hides it, and the menu has no
entry twice and one word per top-level section."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from macros.bank import Bank
from tests.conftest import mkdocs_config


@pytest.fixture(scope="module")
def index(built_site: Path) -> list[dict[str, str]]:
    return json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def page_of(entry: dict[str, str]) -> str:
    return entry["location"].split("#")[0]


def test_the_print_page_is_not_in_the_search_index(index: list[dict[str, str]]) -> None:
    assert index, "the search index is empty"
    assert not [e["location"] for e in index if page_of(e).startswith("print/")]


def test_no_passage_is_indexed_on_two_pages(index: list[dict[str, str]]) -> None:
    pages: dict[str, set[str]] = defaultdict(set)
    for entry in index:
        if len(entry["text"]) >= 200:  # short texts (a table header, a link line) may repeat
            pages[entry["text"]].add(page_of(entry))
    twice = {text[:60]: sorted(where) for text, where in pages.items() if len(where) > 1}
    assert not twice


def test_hidden_flashcard_answers_are_not_searchable(
    index: list[dict[str, str]], real_bank: Bank
) -> None:
    text = " ".join(e["text"] for e in index if page_of(e) == "drill/flashcards/")
    assert "review queue" in " ".join(e["title"] for e in index).lower()  # the page is there
    shown = [q.id for q in real_bank.questions if q.rubric.strong_hire[0][:60] in text]
    assert not shown, f"hidden answers indexed on the flashcards page: {shown[:5]}"


def _nav() -> list[object]:
    return mkdocs_config()["nav"]


def _titles(items: list[object]) -> list[str]:
    found = []
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                found.append(title)
                if isinstance(value, list):
                    found += _titles(value)
    return found


def test_the_menu_has_no_entry_twice_and_one_word_sections() -> None:
    titles = _titles(_nav())
    assert len(titles) > 50
    assert sorted(t for t in set(titles) if titles.count(t) > 1) == []
    sections = [next(iter(item)) for item in _nav() if isinstance(item, dict)]
    assert sections[:2] == ["Home", "Learn"]
    assert [s for s in sections if " " in s] == []
