"""An exercise page: the prompt, the examples, the editor shell (with the exercise's
version), no solution, hint or remark, and the index."""

from __future__ import annotations

import pytest

from macros.bank.exercises import load_exercises
from macros.render import exercise_page
from tests.conftest import ROOT

REAL = ROOT / "quiz_data" / "exercises"


def test_the_page_has_prompt_examples_and_editor_shell_and_nothing_earned() -> None:
    exercise = next(e for e in load_exercises(REAL) if e.id == "top-k-heap")
    text = exercise_page.render(ROOT, "top-k-heap", "exercises/top-k-heap.md")
    start, end = text.index("<section"), text.index("</section>") + len("</section>")
    before, widget, after = text[:start], text[start:end], text[end:]
    prompt, _, examples = before.partition("## Examples")
    assert prompt.startswith(exercise.prompt.split("\n", 1)[0])
    assert "# Top-k" not in prompt  # the page has its own title
    assert examples.strip().startswith("```pycon\n>>> top_k([('a', 3), ('b', 5)")
    assert "\n[('b', 5), ('d', 4)]\n" in examples
    assert "\n" not in widget  # one HTML block: no blank line can end it early
    assert f'data-exercise="top-k-heap" data-version="{exercise.version}"' in widget
    # output of Run, results of Check, the status line, and the solution block (which says
    # how many failed checks are left before it unlocks, and when it has)
    assert widget.count('aria-live="polite"') == 4
    for label in (">Run<", ">Check<", ">Reset to starter<"):
        assert label in widget
    assert '<div class="mlw-exercise__actions" hidden>' in widget
    assert "&#10;def top_k(pairs, k):&#10;" in widget
    assert after.strip() == ""
    assert "heapreplace" not in text and "Show solution" not in text
    assert exercise.meta.hints[0][:30] not in text and exercise.meta.remarks[:30] not in text


def test_an_example_that_raises_shows_a_traceback() -> None:
    exercise = next(e for e in load_exercises(REAL) if e.id == "precision-recall-f1")
    block = exercise_page.examples_block(exercise)
    assert (
        ">>> precision_recall_f1([], [])\nTraceback (most recent call last):\n  ...\nValueError\n"
        in block
    )


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
