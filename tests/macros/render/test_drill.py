"""The static shells of the drill widgets: flashcards, mock round, dashboard."""

from __future__ import annotations

import re

import pytest

from macros.bank import Bank
from macros.publish.export import bank_json
from macros.render.deck_chunks import chunk_store, chunks
from macros.render.drill import part_id, render
from macros.render.links import page_of
from practice_engine import vocab
from practice_engine.bankdata import parse_bank
from practice_engine.cards import question_ids


def whole_deck(bank: Bank) -> str:
    """The flashcards page's shell and every chunk page's store: the whole deck."""
    page = render(bank, "flashcards", "drill/flashcards.md")
    others = (chunk_store(bank, n, "x") for n in range(2, len(chunks(bank)) + 1))
    return "\n".join([page, *others])


def test_flashcards_carry_the_whole_deck_hidden_and_apart(real_bank: Bank) -> None:
    html = whole_deck(real_bank)
    ids = re.findall(r'data-fc-id="([a-z0-9-]+)"', html)
    deck = [*real_bank.questions, *real_bank.shorts, *real_bank.problems]
    # the order the engine offers new cards in, so a new reader's first card is the store's
    engine = parse_bank(bank_json(real_bank))
    assert ids == question_ids(engine) and set(ids) == {e.id for e in deck}
    # the parity check counts question cards by these; flashcards must never match them
    assert "qcard" not in html and "data-qid" not in html and 'id="q-' not in html
    store = html[html.index('<section class="fc-store"') :]
    assert store.startswith('<section class="fc-store" hidden data-search-exclude markdown>')
    for one in store.split('<section class="fc-store"')[1:]:
        assert one.count("<section") == 0  # a nested one would end the search exclusion
    for question in real_bank.questions:
        assert f'data-fc-target="{question.time_target}"' in html
        assert f'data-fc-seconds="{vocab.target_seconds(question.type)}"' in html
        assert question.rubric.strong_hire[0] in store
    for entry in deck:
        assert f'data-fc-id="{entry.id}" data-fc-kind="{entry.kind}"' in html
        assert entry.rubric.no_hire[0] in store


def test_short_and_problem_flashcards_carry_their_answer_and_time(real_bank: Bank) -> None:
    html = whole_deck(real_bank)
    seen = next(s for s in real_bank.shorts if s.see)
    card = html[html.index(f'id="fc-{seen.id}"') :]
    assert f"](../{page_of(real_bank.get(seen.see), real_bank)}#q-{seen.see})." in card[:2000]
    assert f'data-fc-seconds="{vocab.short_target_seconds()}"' in card[:400]
    problem = real_bank.problems[0]
    card = html[html.index(f'id="fc-{problem.id}"') :]
    assert f'data-fc-seconds="{vocab.target_seconds(problem.type)}"' in card[:400]
    assert problem.answer_sections[0].title in card


def test_flashcard_settings_are_labelled_and_wait_for_python(real_bank: Bank) -> None:
    html = render(real_bank, "flashcards", "drill/flashcards.md")
    for control in ("fc-new", "fc-schedule", "fc-level"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html
    assert '<fieldset class="mlw-filter" disabled>' in html
    assert 'role="status" aria-live="polite"' in html


def test_mock_offers_every_role_and_level(real_bank: Bank) -> None:
    html = render(real_bank, "mock", "drill/mock.md")
    for role, label in vocab.ROLE_LABELS.items():
        assert f'<option value="{role}"' in html and label in html
    for level in vocab.LEVELS:
        assert f'<option value="{level}"' in html
    assert '<label for="mock-role">' in html and '<label for="mock-level">' in html


def test_dashboard_has_labelled_import_and_export(real_bank: Bank) -> None:
    html = render(real_bank, "dashboard", "drill/dashboard.md")
    assert '<label for="dash-import">' in html and 'id="dash-import"' in html
    assert "Export my progress" in html


def test_no_inline_style_or_script_in_any_shell(real_bank: Bank) -> None:
    for kind in ("flashcards", "mock", "dashboard"):
        html = render(real_bank, kind, "drill/x.md")
        assert "style=" not in html and "<script" not in html
        assert not re.search(r"<[^>]*\son[a-z]+=", html)


def test_unknown_kind_is_a_build_error(real_bank: Bank) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        render(real_bank, "calendar", "drill/x.md")


def test_the_engine_vocabulary_reaches_the_page_from_one_place(real_bank: Bank) -> None:
    """What a widget needs before Python starts is written from practice_engine/vocab.py."""
    low, high = vocab.NEW_PER_DAY_RANGE
    cards = render(real_bank, "flashcards", "drill/flashcards.md")
    new = f'min="{low}" max="{high}" value="{vocab.DEFAULT_SETTINGS["new_per_day"]}"'
    assert new in cards
    days = ", ".join(str(d) for d in vocab.CHECKPOINT_DAYS)
    assert f"Fixed checkpoints: day 0, {days}</option>" in cards
    mock = render(real_bank, "mock", "drill/mock.md")
    assert f'data-round-version="{vocab.SAVED_ROUND_VERSION}"' in mock
    dashboard = render(real_bank, "dashboard", "drill/dashboard.md")
    assert f'data-max-import-chars="{vocab.MAX_IMPORT_CHARS}"' in dashboard


def test_each_part_of_a_flashcard_answer_has_an_anchor_for_missed_key_points(
    real_bank: Bank,
) -> None:
    html = whole_deck(real_bank)
    for question in real_bank.questions:
        for part in vocab.ANSWER_PARTS:
            assert f'id="{part_id(question.id, part)}"' in html
    for point in (kp for q in real_bank.questions for kp in q.key_points):
        assert point.section in vocab.ANSWER_PARTS  # every miss has somewhere to link


def test_the_level_setting_offers_every_level_with_the_default_chosen(real_bank: Bank) -> None:
    html = render(real_bank, "flashcards", "drill/flashcards.md")
    for level in vocab.LEVELS:
        assert f'<option value="{level}"' in html
    assert f'<option value="{vocab.DEFAULT_SETTINGS["level"]}" selected>' in html


def test_the_mock_round_carries_each_rubric_and_level_text_hidden(real_bank: Bank) -> None:
    html = render(real_bank, "mock", "drill/mock.md")
    store = html[html.index('<section class="mk-store"') :]
    assert store.startswith('<section class="mk-store" hidden data-search-exclude markdown>')
    assert store.count("<section") == 1  # a nested one would end the search exclusion
    assert re.findall(r'data-mk-id="([a-z0-9-]+)"', store) == [q.id for q in real_bank.questions]
    assert "qcard" not in html and "data-qid" not in html and 'id="q-' not in html
    for question in real_bank.questions:
        card = store[store.index(f'data-mk-id="{question.id}"') :]
        assert question.rubric.no_hire[0] in card
        for level, text in question.depth.by_level():
            assert f'data-mk-level="{level}"' in card and text[:40] in card
