"""A track is one entry in tracks.yml plus its question files: the build writes its page
and its nav entry under Questions, in tracks.yml order, and the page lists its questions;
a track without a question stops the build."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from macros import plugin
from macros.bank import load_bank
from macros.render import listings
from macros.render.track_pages import generated_pages, track_page, with_track_nav
from tests.conftest import FIXTURES, ROOT, mkdocs_config

NAV = [
    {"Home": "index.md"},
    {"Questions": [{"All questions": "questions/index.md"}, {"Track One": "tracks/one.md"}]},
    {"Practise": ["drill/quiz.md"]},
]


def _with_track(tmp_path: Path, questions: bool = True) -> Path:
    """The fixture bank with a third track, "extra", and (or not) one question of it."""
    bank = tmp_path / "quiz_data"
    shutil.copytree(FIXTURES / "bank", bank)
    tracks = yaml.safe_load((bank / "tracks.yml").read_text())
    tracks["tracks"].append(
        {
            "id": "extra",
            "title": "Extra: a new track",
            "page": "tracks/extra.md",
            "audience": "Whoever asks.",
            "levels": ["L4"],
            "roles": ["mle"],
        }
    )
    (bank / "tracks.yml").write_text(yaml.safe_dump(tracks, sort_keys=False))
    if questions:
        (bank / "questions" / "extra").mkdir()
        beta = yaml.safe_load((bank / "questions/one/beta.yml").read_text())
        beta.update(id="gamma-q", track="extra", related=[])
        beta["quiz"] = [dict(beta["quiz"][0], id="gamma-q-1")] + [
            dict(q, id=f"gamma-q-{n}") for n, q in enumerate(beta["quiz"][1:], 2)
        ]
        (bank / "questions/extra/gamma-q.yml").write_text(yaml.safe_dump(beta, sort_keys=False))
    return bank


def test_a_new_track_gets_its_page_and_nav_entry_from_the_data(tmp_path: Path) -> None:
    bank = load_bank(_with_track(tmp_path))
    docs = tmp_path / "docs"
    (docs / "tracks").mkdir(parents=True)
    (docs / "tracks/one.md").write_text("# Track One, by hand\n")
    pages = generated_pages(bank, docs)
    assert set(pages) == {"tracks/two.md", "tracks/extra.md"}  # a page file wins
    assert pages["tracks/extra.md"] == track_page(bank, "extra")
    assert 'title: "Extra: a new track"' in pages["tracks/extra.md"]
    assert '{{ track_cards("extra") }}' in pages["tracks/extra.md"]
    # what that macro call renders lists the track's question
    assert 'data-qid="gamma-q"' in listings.track_cards(bank, "extra", "tracks/extra.md")
    questions = with_track_nav(NAV, bank)[1]["Questions"]
    assert questions == [
        {"All questions": "questions/index.md"},
        {"Track One": "tracks/one.md"},
        {"Track Two": "tracks/two.md"},
        {"Extra: a new track": "tracks/extra.md"},
    ]
    assert with_track_nav(NAV, bank)[::2] == NAV[::2] and with_track_nav(None, bank) is None


def test_the_plugin_adds_the_page_and_the_nav_entry(tmp_path: Path, monkeypatch) -> None:
    bank = load_bank(_with_track(tmp_path))
    monkeypatch.setattr(plugin, "bank_for", lambda root: bank)
    monkeypatch.setattr(plugin, "exercises_for", lambda root: [])
    docs = tmp_path / "docs"
    docs.mkdir()
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(docs), nav=list(NAV)
    )
    guide = plugin.GuidePlugin()
    guide.on_config(config)  # type: ignore[arg-type]
    assert {"Extra: a new track": "tracks/extra.md"} in config.nav[1]["Questions"]
    monkeypatch.setattr(plugin, "site_script", lambda root: None)  # no esbuild, no Node
    monkeypatch.setattr(plugin, "bundle", lambda files, config, script: files)
    monkeypatch.setattr(plugin, "MathPages", lambda root: object())
    monkeypatch.setattr(guide, "_outputs", lambda files, config: {})
    config.site_dir, config.use_directory_urls = str(tmp_path / "site"), True
    config.plugins = SimpleNamespace(_current_plugin="guide")
    files = guide.on_files(Files([]), config=config)  # type: ignore[arg-type]
    page = files.get_file_from_path("tracks/extra.md")
    assert page is not None and page.is_documentation_page()
    assert page.content_string == track_page(bank, "extra")


def test_a_track_without_a_question_stops_the_build(tmp_path: Path, monkeypatch) -> None:
    bank = load_bank(_with_track(tmp_path, questions=False))
    monkeypatch.setattr(plugin, "bank_for", lambda root: bank)
    monkeypatch.setattr(plugin, "exercises_for", lambda root: [])
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path), nav=None
    )
    with pytest.raises(PluginError, match=r"extra in quiz_data/tracks\.yml have no question"):
        plugin.GuidePlugin().on_config(config)  # type: ignore[arg-type]


def test_the_real_tracks_are_all_in_the_nav_in_tracks_yml_order() -> None:
    bank = load_bank(ROOT / "quiz_data")
    nav = with_track_nav(mkdocs_config()["nav"], bank)
    questions = next(s["Questions"] for s in nav if "Questions" in s)
    pages = [next(iter(e.values())) for e in questions if isinstance(e, dict)]
    tracks = [t.page for t in bank.tracks]
    assert [p for p in pages if p in tracks] == tracks
