"""Page types of the coding exercises for the a11y and CSP checks:
name -> (path, setup(page) or None). Also the helpers that drive an exercise page, shared
with test_exercises.py."""

from __future__ import annotations

from tests.conftest import ROOT

BOOT_TIMEOUT = 90_000  # a cold Pyodide boot on a busy shared machine
EXAMPLE = "precision-recall-f1"
EXAMPLE_PATH = f"exercises/{EXAMPLE}/"


def exercise_file(exercise_id: str, name: str) -> str:
    return (ROOT / "quiz_data" / "exercises" / exercise_id / name).read_text(encoding="utf-8")


# Every exercise on the page has the reader's stored draft (if any) in its editor.
DRAFTS_LOADED = """() => [...document.querySelectorAll('.mlw-exercise[data-exercise]')]
  .every((root) => MLGuide.exercises.get(root.dataset.exercise)?.codeBox.loaded)"""


def wait_for_editor(page) -> None:
    """The CodeMirror editor has replaced the textarea, Python has booted and the stored
    draft is in the editor (Python being ready comes before that, so it is no proxy)."""
    page.locator(".mlw-exercise .cm-content").wait_for(timeout=BOOT_TIMEOUT)
    page.wait_for_function("() => MLGuide.py.isReady", timeout=BOOT_TIMEOUT)
    page.wait_for_function(DRAFTS_LOADED, timeout=BOOT_TIMEOUT)


def type_code(page, code: str) -> None:
    """Replace the editor's text by keyboard: select all, delete, then type the new text
    as one input (so the editor's auto-indent does not re-indent each line). Deleting
    first matters: Chromium's own editing, replacing a selection of several lines with
    inserted text, adds a style attribute the CSP refuses (the editor redraws anyway)."""
    page.locator(".mlw-exercise .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.insert_text(code)


def press(page, action: str) -> None:
    page.locator(f".mlw-exercise__{action}").click()


# What Run shows of the reader's own prints.
PRINTED = ".mlw-exercise__output pre[aria-label='What your code printed']"


def wait_for_summary(page, area: str, text: str, timeout: int = BOOT_TIMEOUT) -> str:
    summary = page.locator(f".mlw-exercise__{area} .mlw-exercise__summary", has_text=text)
    summary.wait_for(timeout=timeout)
    return summary.inner_text()


def spare_ready(page) -> None:
    """The spare Python of an exercise page has booted (it starts when the page is idle
    after the first); `window.__worker` and `window.__spare` name the two workers."""
    page.wait_for_function("() => MLGuide.py.spare", timeout=BOOT_TIMEOUT)
    assert page.evaluate("MLGuide.py.spare.booted.then((info) => !!info)")
    page.evaluate("window.__worker = MLGuide.py.worker; window.__spare = MLGuide.py.spare.worker")


def idle(page) -> None:
    wait_for_editor(page)


def after_passing_check(page) -> None:
    wait_for_editor(page)
    type_code(page, exercise_file(EXAMPLE, "solution.py"))
    press(page, "check")
    wait_for_summary(page, "results", "All ")


def after_failing_check(page) -> None:
    wait_for_editor(page)
    type_code(page, exercise_file(EXAMPLE, "starter.py"))
    press(page, "check")
    page.locator(".mlw-result--fail").first.wait_for(timeout=BOOT_TIMEOUT)


PAGE_TYPES: dict = {
    "exercise-index": ("exercises/", None),
    "exercise-idle": (EXAMPLE_PATH, idle),
    "exercise-check-passed": (EXAMPLE_PATH, after_passing_check),
    "exercise-check-failed": (EXAMPLE_PATH, after_failing_check),
}
