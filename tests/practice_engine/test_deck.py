"""A quiz's misses added to the flashcards come up in the next session, whatever their
state, and nothing of the cards' history is lost."""

from __future__ import annotations

from dataclasses import replace

import pytest

from practice_engine import cards, deck, progress
from practice_engine.errors import EngineError
from tests.practice_engine.builders import at, reviewed

NEW, LATER = "overfitting", "bias-variance"


def _state(schedule: str = "fsrs") -> dict:
    state = cards.set_settings(progress.empty_progress(), {"schedule": schedule})
    return reviewed(state, (LATER, "strong_hire", at(0)), (LATER, "strong_hire", at(0, 10)))


@pytest.mark.parametrize("schedule", ["fsrs", "checkpoints"])
def test_added_cards_are_due_now(engine_bank, schedule: str) -> None:
    state = _state(schedule)
    now = at(1)
    assert NEW not in cards.queue(engine_bank, state, now, 0)["due"]
    out = deck.add_to_deck(engine_bank, state, [NEW, LATER, NEW], now)
    assert out["added"] == [NEW]
    if schedule == "fsrs":
        assert out["moved"] == [LATER] and out["kept"] == []
    else:  # the checkpoints keep their fixed days
        assert out["moved"] == [] and out["kept"] == [LATER]
    after = cards.queue(engine_bank, out["progress"], now, 0)
    assert NEW in after["due"] and NEW not in after["new"]
    assert (LATER in after["due"]) == (schedule == "fsrs")
    assert out["progress"]["reviews"] == state["reviews"]  # no review is invented
    progress.require_progress(out["progress"])


def test_an_added_card_is_graded_like_any_other(engine_bank) -> None:
    out = deck.add_to_deck(engine_bank, _state(), [NEW], at(1))
    graded = cards.review(out["progress"], NEW, "strong_hire", at(1, 1))
    assert cards.card_info(graded, NEW, at(1, 1))["reviews"] == 1
    assert cards.due_ms(graded, NEW, 0) > at(1, 1)


def test_a_card_already_due_is_kept_as_it_is(engine_bank) -> None:
    state = _state()
    now = at(30)
    out = deck.add_to_deck(engine_bank, state, [LATER], now)
    assert out["kept"] == [LATER] and out["progress"]["cards"] == state["cards"]


def test_unknown_ids_are_refused_by_name(engine_bank) -> None:
    with pytest.raises(EngineError, match="'nope' is not in the bank"):
        deck.add_to_deck(engine_bank, _state(), ["nope"], at(1))
    with pytest.raises(EngineError, match="list of entry ids"):
        deck.add_to_deck(engine_bank, _state(), "overfitting", at(1))


def test_entries_that_are_not_flashcards_are_skipped(engine_bank) -> None:
    # Every kind of today's bank is a flashcard, so a bank with one entry of another kind
    # (as a future kind would be) stands in for it.
    first = engine_bank.entries[0]
    other = replace(first, id="not-a-card", kind="list", items=())
    bank = replace(engine_bank, entries=(*engine_bank.entries, other))
    assert "not-a-card" not in cards.question_ids(bank)
    out = deck.add_to_deck(bank, _state(), ["not-a-card", NEW], at(1))
    assert out["skipped"] == ["not-a-card"] and out["added"] == [NEW]
