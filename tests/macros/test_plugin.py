"""The plugin's own decisions, event by event, without a whole build: a broken bank or
exercise stops the build with every problem, a page that lost a card fails the parity
check, and the typed options read what mkdocs.yml and the shell give them."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from macros import plugin
from macros.config import GuideConfig
from macros.publish.export import bank_json
from macros.publish.parity import exported_ids
from macros.render.deck_chunks import deck_order
from tests.conftest import FIXTURES
from tests.macros.bank.test_exercises import EXPECTED

MALFORMED_EXERCISES = FIXTURES / "exercises_malformed"


def test_on_config_stops_the_build_with_every_exercise_problem(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "quiz_data").mkdir()
    shutil.copytree(MALFORMED_EXERCISES, tmp_path / "quiz_data" / "exercises")
    monkeypatch.setattr(plugin, "bank_for", lambda root: None)  # the bank is tested elsewhere
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as info:
        plugin.GuidePlugin().on_config(config)  # type: ignore[arg-type]
    message = str(info.value)
    assert f"the coding exercises have {len(EXPECTED)} problem(s)" in message
    assert "no-function/checks.py: FUNCTION" in message


def test_on_config_stops_the_build_with_every_bank_problem(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "malformed" / "many-problems-at-once", tmp_path / "quiz_data")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError, match=r"the question bank has \d+ problem"):
        plugin.GuidePlugin().on_config(config)  # type: ignore[arg-type]


def _checked(
    fixture_bank, pages: dict[str, list[str]], flashcards: dict[str, list[str]] | None = None
) -> None:
    """Run the end-of-build check on cards as they were rendered on `pages`, and on the
    flashcards as on `flashcards` (by default, the whole deck on the flashcards page)."""
    guide = plugin.GuidePlugin()
    deck = {"drill/flashcards/index.html": deck_order(fixture_bank)}
    guide.fc_ids = deck if flashcards is None else flashcards
    guide.serving = True  # no service worker: only the check
    guide.bank = fixture_bank
    guide.exported = exported_ids(bank_json(fixture_bank))
    guide.card_ids = pages
    guide.on_post_build(config=SimpleNamespace(site_dir="unused"))  # type: ignore[arg-type]


def test_the_build_fails_when_a_page_lost_a_card_or_shows_one_twice(fixture_bank) -> None:
    ids = [e.id for e in fixture_bank.entries]
    _checked(fixture_bank, {"a/index.html": ids[:2], "b/index.html": ids[2:]})
    with pytest.raises(PluginError, match=f"{ids[0]}: in the bank but on no page"):
        _checked(fixture_bank, {"a/index.html": ids[1:]})
    with pytest.raises(PluginError, match="card rendered on several pages"):
        _checked(fixture_bank, {"a/index.html": ids, "b/index.html": ids[:1]})
    # the print page repeats every card on purpose
    _checked(fixture_bank, {"a/index.html": ids, "print/index.html": ids})


def test_the_build_fails_when_a_flashcard_is_on_no_chunk_page(fixture_bank) -> None:
    ids = [e.id for e in fixture_bank.entries]
    deck = deck_order(fixture_bank)
    spread = {
        "drill/flashcards/index.html": deck[:2],
        "drill/flashcard-deck-2/index.html": deck[2:],
    }
    _checked(fixture_bank, {"a/index.html": ids}, spread)
    with pytest.raises(PluginError, match=f"flashcard {deck[-1]}: on no page"):
        _checked(fixture_bank, {"a/index.html": ids}, {"drill/flashcards/index.html": deck[:-1]})


@pytest.mark.parametrize(
    ("value", "on"),
    [(True, True), (False, False), (None, True), ("true", True), ("1", True), (1, True),
     ("false", False), ("0", False), ("", False), ("off", False), ("Yes", True)],
)  # fmt: skip
def test_the_snapshot_switch_reads_yaml_bools_and_env_strings(value: object, on: bool) -> None:
    config = GuideConfig()
    config.load_dict({"python_snapshot": value})
    assert config.validate() == ([], [])
    assert config.python_snapshot is on


@pytest.mark.parametrize(
    ("options", "word"),
    [({"python_snapshot": "maybe"}, "on or off"), ({"moved": {"old": "new/"}}, "end in '/'")],
)
def test_bad_options_are_named(options: dict, word: str) -> None:
    config = GuideConfig()
    config.load_dict(options)
    failed, _ = config.validate()
    assert failed and word in str(failed[0][1])
