"""Exercise pages: the prompt, the visible examples, the editor shell with Run, Check and
Reset, and the output and check-result areas.

Everything is built here as Markdown plus static HTML; frontend/widgets/exercise.js (its
code box in exercise-code.js) swaps the plain <textarea> (what a reader without JavaScript
sees, with the starter code) for the CodeMirror editor, fills the live regions as text,
and shows the hints, the earned solution and the follow-ups in the boxes left for them
(styled by exercise.css).

What the reader earns (the hints, the solution, the author's remarks and the follow-up
answers) is not on the page: it is published as JSON beside it (publish/exercise_export.py)
and fetched when revealed, so neither the page's HTML nor the site search holds it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from practice_engine.values import show

from ..bank.cache import exercises_for
from ..bank.exercises import Exercise

EXERCISES_DIR = Path("quiz_data/exercises")
PAGES_DIR = "exercises"
NO_SCRIPT = (
    "Running and checking your code, the hints and the solution need JavaScript. You can "
    "still read the prompt and the examples, and edit the starter code below."
)
KEYS_HELP = (
    "Tab indents and Shift+Tab dedents. To leave the editor with the keyboard, press "
    "Escape, then Tab. Your code is saved in this browser as you type."
)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _code_text(code: str) -> str:
    """Code for a <textarea>, escaped, with newlines as character references: the HTML
    stays on one line, so Markdown never sees a blank line (which would end the block)
    inside it, and the browser restores every newline."""
    return escape(code, quote=False).replace("\n", "&#10;")


def _fence(code: str) -> str:
    """A fence longer than any run of backticks in the code, so the code cannot end it."""
    longest = max((len(s) for s in map(str.strip, code.splitlines()) if set(s) == {"`"}), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}python\n{code.rstrip()}\n{ticks}"


def _button(action: str, text: str, primary: bool) -> str:
    kind = "md-button md-button--primary" if primary else "md-button"
    return (
        f'<button type="button" class="{kind} mlw-exercise__{action}" '
        f'data-action="{action}">{text}</button>'
    )


def _learn(exercise: Exercise, wid: str) -> list[str]:
    """Hints, the earned solution and the follow-ups: empty boxes and their headings,
    filled by the widget (what they hold is fetched, never on the page)."""
    hints, followups = len(exercise.meta.hints), len(exercise.meta.followups)
    return [
        f'<div class="mlw-exercise__learn" hidden data-hints="{hints}" '
        f'data-followups="{followups}">',
        f'<h3 class="mlw-exercise__subtitle" id="{wid}-hints">Hints</h3>',
        f'<ol class="mlw-exercise__hints" aria-labelledby="{wid}-hints"></ol>',
        '<p class="mlw-exercise__hint-actions"></p>',
        f'<h3 class="mlw-exercise__subtitle" id="{wid}-solution">Solution and remarks</h3>',
        '<div class="mlw-exercise__reveal" aria-live="polite"></div>',
        f'<h3 class="mlw-exercise__subtitle" id="{wid}-followups">Interviewer follow-ups</h3>',
        '<div class="mlw-exercise__followups"></div>',
        "</div>",
    ]


def widget(exercise: Exercise) -> str:
    """The editor shell, as one HTML block (no blank line inside)."""
    wid = f"exercise-{exercise.id}"
    parts = [
        f'<section class="mlw-exercise" id="{wid}" data-exercise="{_attr(exercise.id)}" '
        f'data-version="{_attr(exercise.version)}" aria-labelledby="{wid}-title">',
        f'<h2 class="mlw-exercise__title" id="{wid}-title">Your solution</h2>',
        f'<p class="mlw-noscript">{escape(NO_SCRIPT)}</p>',
        '<div class="mlw-exercise__notices"></div>',
        '<p class="mlw-exercise__status visually-hidden" role="status" aria-live="polite"></p>',
        '<p class="mlw-exercise__record" hidden></p>',
        f'<p class="mlw-exercise__help" id="{wid}-help">{escape(KEYS_HELP)}</p>',
        f'<label class="mlw-exercise__label" for="{wid}-code">'
        f"Your code for {escape(exercise.title)}</label>",
        f'<div class="mlw-exercise__editor"><textarea id="{wid}-code" '
        f'class="mlw-exercise__fallback" rows="16" spellcheck="false" autocapitalize="off" '
        f'aria-describedby="{wid}-help">&#10;{_code_text(exercise.starter)}</textarea></div>',
        '<div class="mlw-exercise__actions" hidden>',
        _button("run", "Run", True),
        _button("check", "Check", True),
        _button("reset", "Reset to starter", False),
        "</div>",
        '<h3 class="mlw-exercise__subtitle">Output</h3>',
        '<div class="mlw-exercise__output" aria-live="polite">'
        '<p class="mlw-exercise__empty">Nothing run yet.</p></div>',
        '<h3 class="mlw-exercise__subtitle">Checks</h3>',
        '<div class="mlw-exercise__results" aria-live="polite">'
        '<p class="mlw-exercise__empty">Not checked yet.</p></div>',
        *_learn(exercise, wid),
        "</section>",
    ]
    return "".join(parts)


def _call(function: str, case: dict[str, Any]) -> str:
    args = [show(a) for a in case.get("args", [])]
    args += [f"{k}={show(v)}" for k, v in case.get("kwargs", {}).items()]
    return f"{function}({', '.join(args)})"


def examples_block(exercise: Exercise) -> str:
    """The visible examples as a Python prompt session: each call and what it returns (or
    the exception it raises). What Run prints for a correct solution looks the same."""
    lines = []
    for case in exercise.examples:
        lines.append(f">>> {_call(exercise.function, case)}")
        if "raises" in case:
            lines += ["Traceback (most recent call last):", "  ...", str(case["raises"])]
        else:
            lines.append(show(case["expected"]))
    fence = _fence("\n".join(lines)).replace("python\n", "pycon\n", 1)
    return f"## Examples\n\n{fence}"


def render(root: Path, exercise_id: str, page: str) -> str:
    """The whole body of an exercise page, below its `# Title`."""
    folder = Path(root) / EXERCISES_DIR
    exercise = next((e for e in exercises_for(folder) if e.id == exercise_id), None)
    if exercise is None:
        raise ValueError(f"no coding exercise has id {exercise_id!r} (see {folder})")
    return "\n\n".join([exercise.prompt.strip(), examples_block(exercise), widget(exercise)])


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
