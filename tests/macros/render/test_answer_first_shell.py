"""The "Answer first" shells: every question, short answer and problem card has one, with its
countdown from the bank's time target, before the part it hides; pages with cards get one
mode switch; the print page gets none."""

from __future__ import annotations

import re

from macros.bank import Bank
from macros.render import listings, print_page
from macros.render.cards import ANSWER_OPEN, card
from practice_engine import vocab

SHELL = re.compile(r'<div class="mlw-first mlw-panel" data-first-id="([a-z0-9-]+)" '
                   r'data-first-seconds="(\d+)" data-first-target="([^"]+)" hidden>')  # fmt: skip


def test_every_card_with_an_answer_has_a_shell_before_it(real_bank: Bank) -> None:
    for entry in real_bank.entries:
        md = card(entry, real_bank, "x.md")
        found = SHELL.findall(md)
        if getattr(entry, "see", None):
            assert found == []  # a pointer to the full answer has nothing to try
            continue
        kind_seconds = (
            vocab.short_target_seconds()
            if entry.kind == "short"
            else vocab.target_seconds(entry.type)  # type: ignore[union-attr]
        )
        assert found and found[0][:2] == (entry.id, str(kind_seconds)), entry.id
        shell_at = md.index('<div class="mlw-first ')
        assert shell_at < md.index('<details class="answer"')
        if entry.kind != "problem":
            assert shell_at < md.index(ANSWER_OPEN)


def test_pages_with_cards_have_one_mode_switch(real_bank: Bank) -> None:
    track = real_bank.tracks[0].id
    pages = [
        listings.track_cards(real_bank, track, "tracks/x.md"),
        listings.problem_area(real_bank, "worked", "problems/worked.md"),
        listings.other_lists(real_bank, "questions/other-lists.md"),
    ]
    for md in pages:
        assert md.count('<div class="mlw-first-mode mlw-panel" hidden></div>') == 1


def test_the_print_page_has_no_shells(real_bank: Bank) -> None:
    md = print_page.all_entries(real_bank, "print.md")
    assert "mlw-first" not in md
    assert md.count(ANSWER_OPEN) > 0  # the answers themselves stay
