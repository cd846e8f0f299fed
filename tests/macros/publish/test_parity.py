"""The build's parity check of the flashcards: every card of the engine's deck on exactly
one page, the flashcards page or one of its chunk pages."""

from __future__ import annotations

from macros.publish.parity import deck_mismatches, flashcard_ids

CARD = '<div class="fc-card" data-fc-id="{}" data-fc-kind="question" id="fc-{}">'


def page(*ids: str) -> str:
    return "\n".join(CARD.format(i, i) for i in ids)


def test_cards_spread_over_chunk_pages_agree_with_the_deck() -> None:
    pages = {"drill/flashcards/index.html": flashcard_ids(page("a", "b"))}
    pages["drill/flashcard-deck-2/index.html"] = flashcard_ids(page("c"))
    assert deck_mismatches(["a", "b", "c"], pages) == []


def test_a_card_missing_twice_or_foreign_is_reported() -> None:
    pages = {"drill/flashcards/index.html": flashcard_ids(page("a", "x"))}
    pages["drill/flashcard-deck-2/index.html"] = flashcard_ids(page("a"))
    problems = deck_mismatches(["a", "b"], pages)
    assert "flashcard b: on no page" in problems
    assert "flashcard x: on drill/flashcards/index.html, not in the deck" in problems
    assert any(p.startswith("flashcard a: on several pages") for p in problems)
