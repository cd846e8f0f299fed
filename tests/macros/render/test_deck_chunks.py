"""The flashcards deck in chunks: the flashcards page holds the first, in the engine's order,
and points to the others, each a generated page out of the nav, search and sitemap."""

from __future__ import annotations

import re

import pytest
import yaml

from devtools.feedback_labels import exported_bank
from macros.bank import Bank
from macros.render import deck_chunks
from macros.render.deck_chunks import CHUNK_SIZE, chunk_pages, chunk_store, chunk_uri, chunks
from practice_engine.cards import question_ids

POINTER = re.compile(r'<div class="fc-chunk" data-fc-chunk="(\d+)" data-fc-ids="([a-z0-9 -]+)" '
                     r'data-fc-src="([^"]+)"></div>')  # fmt: skip


def test_every_card_is_in_exactly_one_chunk_in_the_engine_order(real_bank: Bank) -> None:
    every = chunks(real_bank)
    assert [i for chunk in every for i in chunk] == question_ids(exported_bank(real_bank))
    assert all(len(c) == CHUNK_SIZE for c in every[:-1]) and 0 < len(every[-1]) <= CHUNK_SIZE
    stores = [chunk_store(real_bank, n, "drill/flashcards.md") for n in range(1, len(every) + 1)]
    for n, store in enumerate(stores, 1):
        assert re.findall(r'data-fc-id="([a-z0-9-]+)"', store) == every[n - 1]


def test_the_first_chunk_points_to_every_other_by_url_and_ids(real_bank: Bank) -> None:
    first = chunk_store(real_bank, 1, "drill/flashcards.md")
    pointers = POINTER.findall(first)
    every = chunks(real_bank)
    assert [int(n) for n, _, _ in pointers] == list(range(2, len(every) + 1))
    for n, ids, url in pointers:
        assert url == f"../flashcard-deck-{n}/"  # beside the page: a card's links still work
        assert ids.split(" ") == every[int(n) - 1]
    later = chunk_store(real_bank, 2, chunk_uri(2))
    assert "fc-chunk" not in later


def test_chunk_pages_stay_out_of_search_and_sitemap_and_use_a_template_function(
    real_bank: Bank,
) -> None:
    pages = chunk_pages(real_bank)
    assert list(pages) == [chunk_uri(n) for n in range(2, len(chunks(real_bank)) + 1)]
    for n, (uri, text) in enumerate(pages.items(), 2):
        meta = yaml.safe_load(text.split("---\n")[1])
        assert meta["search"] == {"exclude": True} and meta["sitemap"] is False
        assert uri.startswith("drill/") and uri.count("/") == 1  # the flashcards page's depth
        # the bank's text comes from the template function, never into the template itself
        assert f"{{{{ flashcard_deck({n}) }}}}" in text and "fc-card" not in text


def test_a_chunk_that_does_not_exist_is_a_build_error(real_bank: Bank) -> None:
    with pytest.raises(ValueError, match="no chunk"):
        chunk_store(real_bank, len(chunks(real_bank)) + 1, "x")


def test_the_deck_order_is_asked_of_the_engine_once_per_bank(real_bank: Bank, monkeypatch) -> None:
    deck_chunks.deck_order(real_bank)
    calls: list[int] = []
    monkeypatch.setattr("practice_engine.cards.question_ids", lambda b: calls.append(1) or [])
    assert deck_chunks.deck_order(real_bank)  # cached: the engine is not asked again
    assert calls == []
