"""What the site search holds (#15): the answers, and not the rubrics. A rubric found by
search shows the grading before the reader has answered, and the rubrics were the largest
part of the index after the answers; each card's rubric heading carries
`data-search-exclude` (macros/render/cards.py). Exercise solutions, hints and remarks are
kept out of pages and index alike: tests/site/test_exercise_secrets.py."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from macros.bank import Bank
from macros.bank.models import Problem, Question, Short
from practice_engine.vocab import ANSWER_PART_LABELS, RUBRIC_GRADES

TAG = re.compile(r"<[^>]+>")
MARKUP = re.compile(r"[*`$\\_\[\]<>|#]")  # Markdown, formulas, links, tables: rendered apart
BLOCKS = re.compile(r"\n\s*\n|\n(?=\s*(?:[-+*]|\d+\.)\s)")  # paragraphs and list items
LIST_MARK = re.compile(r"^\s*(?:[-+]|\d+\.)\s+", re.M)


def flat(text: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def plain(texts: list[str]) -> list[str]:
    """Sentences long enough to be distinctive, written without markup, so the same
    words are in the index if the text is."""
    out = []
    for block in (b for text in texts for b in BLOCKS.split(text)):
        for sentence in re.split(r"(?<=[.;?!])\s+", " ".join(LIST_MARK.sub("", block).split())):
            if len(sentence) >= 40 and not MARKUP.search(sentence):
                out.append(sentence)
    return out


@pytest.fixture(scope="module")
def indexed(built_site: Path) -> str:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    return flat(" ".join(f"{d['title']} {d['text']}" for d in index["docs"]))


def _rubric(entry: Question | Problem | Short) -> list[str]:
    return plain([b for grade in RUBRIC_GRADES for b in getattr(entry.rubric, grade)])


def _answer(entry: Question | Problem | Short) -> list[str]:
    if isinstance(entry, Question):
        return plain([getattr(entry.answer, key) for key in ANSWER_PART_LABELS])
    if isinstance(entry, Problem):
        return plain([s.body for s in entry.answer_sections])
    return plain([entry.answer or ""])


def test_no_rubric_is_in_the_search_index(indexed: str, real_bank: Bank) -> None:
    answers = " ".join(s for e in real_bank.entries for s in _answer(e))
    found = {
        e.id: s
        for e in real_bank.entries
        if not (isinstance(e, Short) and e.see)
        for s in _rubric(e)
        if s in indexed and s not in answers  # a rubric may quote its own answer
    }
    assert not found, f"{len(found)} rubrics in the index, e.g. {list(found.items())[:3]}"


def test_every_answer_is_in_the_search_index(indexed: str, real_bank: Bank) -> None:
    entries = [e for e in real_bank.entries if not (isinstance(e, Short) and e.see)]
    looked = [(e.id, s) for e in entries for s in _answer(e)]
    assert len({i for i, _ in looked}) >= 0.9 * len(entries)  # the check is not vacuous
    missing = [(i, s) for i, s in looked if s not in indexed]
    assert not missing, f"{len(missing)} answer sentences not searchable: {missing[:3]}"
