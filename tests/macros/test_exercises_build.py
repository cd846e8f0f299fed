"""The build side of the coding exercises: validation that names file and field for every
problem at once, the JSON export, the page rendering, the editor bundle and the hooks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from macros import editor_bundle, hooks
from macros.bank import BankError, Issue
from macros.exercises import (
    ExercisesError,
    export_record,
    load_exercises,
    write_exercise_export,
)
from macros.render import exercise_page
from tests.conftest import FIXTURES, ROOT

MALFORMED = FIXTURES / "exercises_malformed"
REAL = ROOT / "quiz_data" / "exercises"

# (file, field) of every problem in the malformed fixtures, and a word of its message.
EXPECTED = [
    ("Bad_Id", "id", "lowercase"),
    ("bad-cases/checks.py", "CASES[0].name", "non-empty string"),
    ("bad-cases/checks.py", "CASES[1]", "exactly one of 'expected' and 'raises'"),
    ("bad-cases/checks.py", "CASES[2]", "exactly one of 'expected' and 'raises'"),
    ("bad-cases/checks.py", "CASES[2]", "unknown key(s) ['expectd']"),
    ("bad-cases/checks.py", "CASES[3].args", "must be a list"),
    ("bad-cases/checks.py", "CASES[4]", "expected a dict, got str"),
    ("checks-raises/checks.py", "", "ZeroDivisionError"),
    ("checks-syntax-error/checks.py", "line 2", "syntax error"),
    ("empty-cases/checks.py", "CASES", "non-empty list"),
    ("missing-files/checks.py", "", "file is missing"),
    ("missing-files/solution.py", "", "file is missing"),
    ("no-function/checks.py", "FUNCTION", "must name the function"),
    ("no-title/prompt.md", "title", "'# <title>'"),
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


def test_the_real_exercises_load_sorted_by_title() -> None:
    exercises = load_exercises(REAL)
    assert len(exercises) >= 15
    assert sorted(e.id for e in exercises) == sorted(p.name for p in REAL.iterdir())
    titles = [e.title.lower() for e in exercises]
    assert titles == sorted(titles)
    for exercise in exercises:
        assert not exercise.prompt.startswith("#"), exercise.id


def test_the_export_holds_what_the_page_needs_and_no_solution(tmp_path: Path) -> None:
    exercises = load_exercises(REAL)
    paths = write_exercise_export(exercises, tmp_path)
    assert [p.name for p in paths] == [f"{e.id}.json" for e in exercises]
    first = json.loads(paths[0].read_text(encoding="utf-8"))
    assert first == export_record(exercises[0])
    assert set(first) == {"id", "title", "starter", "checks"}
    before = [p.read_bytes() for p in paths]
    write_exercise_export(exercises, tmp_path)
    assert [p.read_bytes() for p in paths] == before  # deterministic


# --- rendering ------------------------------------------------------------------------------


def test_the_page_has_prompt_editor_shell_and_collapsed_solution() -> None:
    exercise = next(e for e in load_exercises(REAL) if e.id == "top-k-heap")
    text = exercise_page.render(ROOT, "top-k-heap", "exercises/top-k-heap.md")
    start, end = text.index("<section"), text.index("</section>") + len("</section>")
    prompt, widget, solution = text[:start], text[start:end], text[end:]
    assert prompt.startswith(exercise.prompt.split("\n", 1)[0])
    assert "# Top-k" not in prompt  # the page has its own title
    assert "\n" not in widget  # one HTML block: no blank line can end it early
    assert 'data-exercise="top-k-heap"' in widget
    assert widget.count('aria-live="polite"') == 3
    for label in (">Run<", ">Check<", ">Reset to starter<"):
        assert label in widget
    assert '<div class="mlw-exercise__actions" hidden>' in widget
    assert "&#10;def top_k(pairs, k):&#10;" in widget
    assert '??? note "Show solution"\n\n    ```python\n    import heapq' in solution


def test_code_in_the_textarea_is_escaped() -> None:
    text = exercise_page._code_text("if a < b and \"x\" != '&amp;':\n    pass\n")
    assert text == "if a &lt; b and \"x\" != '&amp;amp;':&#10;    pass&#10;"
    assert "</textarea>" not in exercise_page._code_text("s = '</textarea>'")


def test_the_solution_fence_outlasts_backticks_in_the_code() -> None:
    fence = exercise_page._fence('DOC = """\n```\nx\n```\n"""\n')
    assert fence.startswith("````python\n") and fence.endswith("\n````")


def test_unknown_exercise_ids_fail_the_build() -> None:
    with pytest.raises(ValueError, match="no coding exercise has id 'nope'"):
        exercise_page.render(ROOT, "nope", "exercises/nope.md")


def test_the_index_links_every_exercise_page() -> None:
    table = exercise_page.index(ROOT, "exercises/index.md")
    rows = table.splitlines()
    assert rows[:2] == ["| Exercise | You write |", "|---|---|"]
    for exercise in load_exercises(REAL):
        assert f"]({exercise.id}.md) | `{exercise.function}` |" in table
    assert len(rows) == 2 + len(load_exercises(REAL))


# --- the editor bundle ----------------------------------------------------------------------


def test_a_missing_node_modules_says_what_to_run(tmp_path: Path) -> None:
    (tmp_path / "frontend").mkdir()
    shutil.copy(ROOT / editor_bundle.ENTRY, tmp_path / editor_bundle.ENTRY)
    with pytest.raises(editor_bundle.EditorBundleError, match=r"Run `npm ci`"):
        editor_bundle.editor_bundle(tmp_path)


@pytest.mark.node  # esbuild runs under Node when the bundle is not cached yet
def test_the_bundle_is_cached_by_its_inputs(tmp_path: Path, monkeypatch) -> None:
    bundle = editor_bundle.editor_bundle(ROOT)
    assert bundle.parent.name == editor_bundle.input_hash(ROOT)
    text = bundle.read_text(encoding="utf-8")
    assert "export{" in text.replace(" ", "") and "mountEditor" in text
    assert "new Function" not in text and "eval(" not in text  # the site's CSP forbids both

    def no_esbuild(*args, **kwargs):
        raise AssertionError("esbuild ran although the inputs did not change")

    monkeypatch.setattr(editor_bundle.subprocess, "run", no_esbuild)
    assert editor_bundle.write_editor_bundle(ROOT, tmp_path).read_bytes() == bundle.read_bytes()


# --- the hooks ------------------------------------------------------------------------------


def test_on_config_stops_the_build_with_the_problem_list(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "quiz_data").mkdir()
    shutil.copytree(MALFORMED, tmp_path / "quiz_data" / "exercises")
    monkeypatch.setattr(hooks, "bank_for", lambda root: None)  # the bank is tested elsewhere
    config = {"config_file_path": str(tmp_path / "mkdocs.yml")}
    with pytest.raises(PluginError) as info:
        hooks.on_config(config)
    message = str(info.value)
    assert f"the coding exercises have {len(EXPECTED)} problem(s)" in message
    assert "no-function/checks.py: FUNCTION" in message
