"""The flashcards page in the built site holds only the deck's first chunk, so it stays small
however large the bank grows; every other card is on exactly one chunk page, which the
page points to, which the service worker keeps offline, and which stays out of the nav,
the search index and the sitemap. KaTeX's stylesheet is linked where formulas are shown."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from pathlib import Path

from macros.publish.service_worker import site_files
from macros.render.deck_chunks import CHUNK_SIZE
from practice_engine.bankdata import parse_bank
from practice_engine.cards import question_ids

FLASHCARDS = "drill/flashcards/index.html"
# A bound that does not move with the bank: the shell and one chunk of cards (the whole
# deck made 2.07 MB, 381 KB gzipped, at 150 questions).
MAX_BYTES, MAX_GZIP = 300_000, 50_000
# md_in_html writes attributes in name order
CARD_ID = re.compile(r'<div class="fc-card" data-fc-id="([a-z0-9-]+)"')
POINTER = re.compile(r'<div class="fc-chunk" data-fc-chunk="(\d+)" data-fc-ids="([a-z0-9 -]+)" '
                     r'data-fc-src="([^"]+)"></div>')  # fmt: skip
KATEX_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*assets/katex/')


def _deck(built_site: Path) -> list[str]:
    return question_ids(parse_bank(json.loads((built_site / "assets/quiz/bank.json").read_text())))


def _chunk_pages(built_site: Path) -> dict[str, str]:
    return {
        p.parent.relative_to(built_site).as_posix() + "/": p.read_text(encoding="utf-8")
        for p in sorted(built_site.glob("drill/flashcard-deck-*/index.html"))
    }


def test_the_flashcards_page_stays_under_a_size_bound(built_site: Path) -> None:
    raw = (built_site / FLASHCARDS).read_bytes()
    assert len(raw) < MAX_BYTES, f"{len(raw)} bytes"
    assert len(gzip.compress(raw, 6)) < MAX_GZIP
    assert len(CARD_ID.findall(raw.decode())) == CHUNK_SIZE


def test_every_deck_id_is_in_exactly_one_chunk_in_the_engine_order(built_site: Path) -> None:
    page = (built_site / FLASHCARDS).read_text(encoding="utf-8")
    chunks = _chunk_pages(built_site)
    order = list(CARD_ID.findall(page))
    pointers = POINTER.findall(page)
    assert len(pointers) == len(chunks) > 1
    for _, ids, src in pointers:
        target = posixpath.normpath(f"drill/flashcards/{src}") + "/"  # relative to the page
        on_page = CARD_ID.findall(chunks[target])
        assert on_page == ids.split(" "), target  # the pointer says what the page holds
        order += on_page
    assert order == _deck(built_site)  # each card once, the page's first chunk first


def test_chunk_pages_are_kept_offline_and_out_of_search_and_sitemap(built_site: Path) -> None:
    chunks = _chunk_pages(built_site)
    assert chunks
    built = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()]
    precache, _ = site_files(built)
    assert set(chunks) <= set(precache)
    index = json.loads((built_site / "search/search_index.json").read_text())
    assert not [d["location"] for d in index["docs"] if "flashcard-deck" in d["location"]]
    assert "flashcard-deck" not in (built_site / "sitemap.xml").read_text()
    for html in chunks.values():
        assert '<meta name="robots" content="noindex">' in html
        assert 'class="fc-chunk"' not in html


def test_katex_is_linked_where_formulas_are_shown(built_site: Path) -> None:
    page = (built_site / FLASHCARDS).read_text(encoding="utf-8")
    chunks = _chunk_pages(built_site)
    with_math = [u for u, html in chunks.items() if 'class="katex"' in html]
    assert with_math  # the deck has formulas: the page shows them once a chunk is in
    assert KATEX_LINK.search(page)
    for html in chunks.values():
        assert bool(KATEX_LINK.search(html)) == ('class="katex"' in html)
