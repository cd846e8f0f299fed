"""Loading the coding exercises on the build side: validation that names file and field
for every problem at once, with the engine's own rules for an exercise's checks, rules and
complexity bound; the version hash of what a reader's code is judged against."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.bank import BankError, Issue
from macros.bank.exercises import ExercisesError, load_exercises
from tests.conftest import FIXTURES, ROOT

MALFORMED = FIXTURES / "exercises_malformed"
REAL = ROOT / "quiz_data" / "exercises"

# (file, field) of every problem in the malformed fixtures, and a word of its message.
EXPECTED = [
    ("Bad_Id", "id", "lowercase"),
    ("bad-bound/exercise.yml", "complexity.target", "expected one of '1'"),
    ("bad-cases/checks.py", "CASES[0].name", "non-empty string"),
    ("bad-cases/checks.py", "CASES[1]", "exactly one of 'expected' and 'raises'"),
    ("bad-cases/checks.py", "CASES[2]", "exactly one of 'expected' and 'raises'"),
    ("bad-cases/checks.py", "CASES[2]", "unknown key(s) ['expectd']"),
    ("bad-cases/checks.py", "CASES[3].args", "must be a list"),
    ("bad-cases/checks.py", "CASES[4]", "expected a dict, got str"),
    ("bad-meta/exercise.yml", "colour", "unknown key"),
    ("bad-meta/exercise.yml", "followups", "at most 3 items"),
    ("bad-meta/exercise.yml", "hints", "at least 2 item(s)"),
    ("bad-meta/exercise.yml", "remarks", "raw HTML is not allowed"),
    ("bound-without-slow/checks.py", "complexity_input", "needs complexity_input(n)"),
    ("bound-without-slow/slow.py", "", "slower reference that it rejects"),
    ("checks-raises/checks.py", "", "ZeroDivisionError"),
    ("checks-syntax-error/checks.py", "line 2", "syntax error"),
    ("empty-cases/checks.py", "CASES", "non-empty list"),
    ("forbidden-in-solution/solution.py", "line 3", "uses sum, which forbid bans"),
    ("meta-yaml-error/exercise.yml", "line 2, column 8", "YAML syntax error"),
    ("missing-files/checks.py", "", "file is missing"),
    ("missing-files/exercise.yml", "", "file is missing"),
    ("missing-files/solution.py", "", "file is missing"),
    ("no-examples/checks.py", "EXAMPLES", "at least one visible example"),
    ("no-function/checks.py", "FUNCTION", "must name the function"),
    ("no-title/prompt.md", "title", "'# <title>'"),
    ("slow-without-bound/slow.py", "", "only for an exercise with a complexity bound"),
    ("starter-syntax-error/starter.py", "line 1", "syntax error"),
    ("wrong-function/solution.py", "FUNCTION", "def double("),
]


@pytest.fixture(scope="module")
def malformed_error() -> ExercisesError:
    with pytest.raises(ExercisesError) as info:
        load_exercises(MALFORMED)
    return info.value


def test_every_problem_is_reported_with_file_and_field(malformed_error) -> None:
    found = [(i.file, i.field, i.message) for i in malformed_error.issues]
    for file, field, words in EXPECTED:
        assert any(f == file and g == field and words in m for f, g, m in found), (
            file,
            field,
            words,
            found,
        )
    assert len(found) == len(EXPECTED), found


def test_at_least_five_malformed_fixtures_and_one_valid_folder() -> None:
    broken = {file.split("/")[0] for file, _, _ in EXPECTED}
    assert len(broken) >= 5
    assert (MALFORMED / "valid-one").is_dir() and "valid-one" not in broken


def test_the_error_is_a_bank_error_listing_every_problem(malformed_error) -> None:
    assert isinstance(malformed_error, BankError)
    text = str(malformed_error)
    assert text.startswith(f"the coding exercises have {len(EXPECTED)} problem(s):")
    assert "  - no-title/prompt.md: title: the first line must be '# <title>'" in text
    assert all(isinstance(i, Issue) for i in malformed_error.issues)


def test_a_missing_folder_is_one_problem(tmp_path: Path) -> None:
    with pytest.raises(ExercisesError, match="the exercises folder is missing"):
        load_exercises(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ExercisesError, match="holds no exercise"):
        load_exercises(tmp_path / "empty")


def test_the_valid_fixture_loads(tmp_path: Path) -> None:
    shutil.copytree(MALFORMED / "valid-one", tmp_path / "valid-one")
    (exercise,) = load_exercises(tmp_path)
    assert exercise.id == "valid-one" and exercise.title == "Double a number"
    assert exercise.function == "double"
    assert exercise.prompt.startswith("Write `def double(x):`")
    assert exercise.examples == ({"name": "one", "args": [1], "expected": 2},)
    assert len(exercise.meta.hints) == 2 and exercise.slow is None and exercise.bound is None


def _version_after(tmp_path: Path, name: str, change: str) -> str:
    folder = tmp_path / name
    shutil.copytree(MALFORMED / "valid-one", folder)
    path = folder / change.split(":")[0]
    path.write_text(path.read_text(encoding="utf-8") + change.split(":", 1)[1], encoding="utf-8")
    return next(e for e in load_exercises(tmp_path) if e.id == name).version


def test_the_version_moves_with_what_the_code_is_judged_against(tmp_path: Path) -> None:
    shutil.copytree(MALFORMED / "valid-one", tmp_path / "base")
    (base,) = load_exercises(tmp_path)
    assert len(base.version) == 16 and int(base.version, 16) >= 0
    judged = ["checks.py:# more\n", "starter.py:# more\n", "prompt.md:More.\n"]
    judged.append("exercise.yml:forbid:\n  - name: sum\n    why: no.\n")
    for n, change in enumerate(judged):
        assert _version_after(tmp_path, f"judged-{n}", change) != base.version, change
    taught = ["solution.py:# more\n", "exercise.yml:# a comment\n"]
    for n, change in enumerate(taught):
        assert _version_after(tmp_path, f"taught-{n}", change) == base.version, change


def test_the_real_exercises_load_sorted_by_title() -> None:
    exercises = load_exercises(REAL)
    assert len(exercises) >= 15
    assert sorted(e.id for e in exercises) == sorted(p.name for p in REAL.iterdir())
    titles = [e.title.lower() for e in exercises]
    assert titles == sorted(titles)
    for exercise in exercises:
        assert not exercise.prompt.startswith("#"), exercise.id
