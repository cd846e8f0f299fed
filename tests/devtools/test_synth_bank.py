"""The synthetic bank of N questions (devtools/synth_bank.py) is a bank the real loader
accepts, with exactly N questions, unique ids, and the same copy for the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.synth_bank import generate
from macros.bank import Bank, load_bank


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, Bank]]:
    """Each size generated and loaded once for the module (loading 300 questions takes a
    while on a busy machine)."""
    out = {}
    for n in (30, 150, 300):
        root = generate(n, tmp_path_factory.mktemp(f"n{n}") / "copy")
        out[n] = (root, load_bank(root / "quiz_data"))
    return out


def _files(root: Path) -> dict[str, str]:
    bank = root / "quiz_data"
    return {p.relative_to(bank).as_posix(): p.read_text() for p in sorted(bank.rglob("*.yml"))}


@pytest.mark.parametrize("n", [30, 150, 300])
def test_the_bank_loads_with_exactly_n_questions(made: dict, n: int) -> None:
    bank = made[n][1]
    ids = [q.id for q in bank.questions]
    assert len(ids) == n
    assert len({e.id for e in bank.entries}) == len(bank.entries)
    assert sum(q.must_know for q in bank.questions) == (26 if n == 30 else 30)
    items = [i.id for e in bank.entries for i in e.quiz]
    assert len(set(items)) == len(items)
    # Every track holds questions (a track with none fails the build), and the derived
    # ones are complete like the real ones.
    assert {q.track for q in bank.questions} == {t.id for t in bank.tracks}
    assert all(q.quiz and q.answer.what for q in bank.questions)


def test_derived_questions_spread_over_the_tracks(made: dict) -> None:
    bank = made[300][1]
    derived = [q for q in bank.questions if "(variant " in q.prompt]
    assert len(derived) == 150
    assert not any(q.must_know for q in derived)
    per_track = {t.id: sum(q.track == t.id for q in derived) for t in bank.tracks}
    assert min(per_track.values()) >= 5, per_track


def test_a_small_bank_keeps_the_must_know_questions_and_no_dangling_link(made: dict) -> None:
    root, bank = made[30]
    # the four tracks without a must-know question keep their first one instead of the
    # last four must-know questions
    assert sum(not q.must_know for q in bank.questions) == 4
    firsts = {
        t.id: min(q.order for q in made[150][1].questions if q.track == t.id) for t in bank.tracks
    }
    assert all(
        any(q.track == t and q.order == o for q in bank.questions) for t, o in firsts.items()
    )
    gone = {q.id for q in made[150][1].questions} - {e.id for e in bank.entries}
    assert len(gone) == 120
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not [g for g in gone if f"#q-{g})" in text], page


def test_the_same_seed_gives_the_same_bank(tmp_path: Path) -> None:
    a = _files(generate(200, tmp_path / "a", seed=3))
    b = _files(generate(200, tmp_path / "b", seed=3))
    c = _files(generate(200, tmp_path / "c", seed=4))
    assert a == b
    assert a != c


def test_the_copy_links_what_it_does_not_change(made: dict, tmp_path: Path) -> None:
    root = made[150][0]
    assert (root / "node_modules").is_symlink() and (root / "mkdocs.yml").is_symlink()
    assert not (root / "quiz_data").is_symlink() and not (root / "docs").is_symlink()
    with pytest.raises(ValueError, match="at least 30"):
        generate(29, tmp_path / "small")
