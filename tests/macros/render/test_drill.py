"""The static shells of the practice-loop widgets."""

from __future__ import annotations

import re

import pytest
from macros.render.practice_widgets import render, target_seconds

from macros.bank import LEVELS, ROLES, Bank


@pytest.mark.parametrize(
    "text, seconds", [("2-3 min", 180), ("3-5 min", 300), ("5-7 min", 420), ("5 min", 300)]
)
def test_countdown_starts_from_the_upper_bound_of_the_time_target(text, seconds) -> None:
    assert target_seconds(text) == seconds


def test_a_time_target_in_another_shape_is_a_build_error() -> None:
    with pytest.raises(ValueError, match="not like"):
        target_seconds("three minutes")


def test_flashcards_carry_every_concept_question_hidden_and_apart(real_bank: Bank) -> None:
    html = render(real_bank, "flashcards", "practise/flashcards.md")
    ids = re.findall(r'data-fc-id="([a-z0-9-]+)"', html)
    assert ids == [q.id for q in real_bank.questions]
    # the parity check counts question cards by these; flashcards must never match them
    assert "qcard" not in html and "data-qid" not in html and 'id="q-' not in html
    store = html[html.index('<div class="fc-store"') :]
    assert store.startswith('<div class="fc-store" hidden data-search-exclude markdown>')
    for question in real_bank.questions:
        assert f'data-fc-target="{question.time_target}"' in html
        assert question.rubric.strong_hire[0] in store


def test_flashcard_settings_are_labelled_and_wait_for_python(real_bank: Bank) -> None:
    html = render(real_bank, "flashcards", "practise/flashcards.md")
    for control in ("fc-new", "fc-schedule"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html
    assert '<fieldset class="mlw-filter" disabled>' in html
    assert 'role="status" aria-live="polite"' in html


def test_mock_offers_every_role_and_level(real_bank: Bank) -> None:
    html = render(real_bank, "mock", "practise/mock.md")
    for role, label in ROLES.items():
        assert f'<option value="{role}"' in html and label in html
    for level in LEVELS:
        assert f'<option value="{level}"' in html
    assert '<label for="mock-role">' in html and '<label for="mock-level">' in html


def test_dashboard_has_labelled_import_and_export(real_bank: Bank) -> None:
    html = render(real_bank, "dashboard", "practise/dashboard.md")
    assert '<label for="dash-import">' in html and 'id="dash-import"' in html
    assert "Export my progress" in html


def test_no_inline_style_or_script_in_any_shell(real_bank: Bank) -> None:
    for kind in ("flashcards", "mock", "dashboard"):
        html = render(real_bank, kind, "practise/x.md")
        assert "style=" not in html and "<script" not in html
        assert not re.search(r"<[^>]*\son[a-z]+=", html)


def test_unknown_kind_is_a_build_error(real_bank: Bank) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        render(real_bank, "calendar", "practise/x.md")
