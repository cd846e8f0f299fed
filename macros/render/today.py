"""The static shell of the home page's "Today" panel (frontend/widgets/today.js fills it).

The panel asks once, skippably, for the interview the reader prepares for (date, role,
target level), then says where they stand: the day of the study plan fitted to that date,
the flashcards due, the streak and the one thing to do next. The form is written here from
the engine's vocabulary, so its choices are the engine's own; it works without Python until
it is saved. Nothing on the panel links to a page the build does not check: the script adds
only links to pages named here or in the engine.
"""

from __future__ import annotations

from html import escape

from practice_engine import vocab

from .links import rel_md

# Today's session for a reader with nothing stored, and the pages the script links each
# step to (read from these links, which MkDocs checks, when it words them from progress).
FIRST_SESSION = (
    ("drill/flashcards.md", "Review your first flashcards", ": answer aloud, then grade yourself."),
    ("drill/quiz.md", "Take a short quiz", " on the track you know least."),
    ("problems/index.md", "Work through one practice problem", " aloud against its time target."),
)


def _options(choices: dict[str, str], unset: str | None, chosen: str | None) -> str:
    first = f'<option value="">{escape(unset)}</option>' if unset else ""
    return first + "".join(
        f'<option value="{escape(value)}"{" selected" if value == chosen else ""}>'
        f"{escape(label)}</option>"
        for value, label in choices.items()
    )


def profile_form() -> str:
    """Date, role and level; "Skip" hides the form for good (the panel keeps a link back)."""
    roles = _options(vocab.ROLE_LABELS, "Not set", None)
    default_level = str(vocab.DEFAULT_SETTINGS["level"])
    levels = _options({lv: lv for lv in vocab.LEVELS}, None, default_level)
    return (
        '<form class="mlw-today__profile" novalidate aria-labelledby="today-form-title">'
        '<h3 id="today-form-title">Your interview</h3>'
        "<p>Give the date and the guide fits its study plan to the days you have. It stays "
        "in this browser, with your progress.</p>"
        '<p><label for="today-date">Interview date</label> '
        '<input id="today-date" name="interview_date" type="date" '
        'aria-describedby="today-date-error"> '
        '<span id="today-date-error" class="mlw-today__error"></span></p>'
        f'<p><label for="today-role">Role</label> <select id="today-role" name="role">{roles}'
        "</select></p>"
        f'<p><label for="today-level">Target level</label> <select id="today-level" '
        f'name="level">{levels}</select></p>'
        '<p class="mlw-today__form-actions">'
        '<button type="submit" class="md-button md-button--primary">Save</button> '
        '<button type="button" class="md-button mlw-today__skip">Skip for now</button></p>'
        "</form>"
    )


def first_session(page: str) -> str:
    """The body a first visit keeps: static, so the page does not shift as it loads, and
    its links work without JavaScript."""
    steps = "\n".join(
        f"{n}. [{text}]({rel_md(page, target)}){rest}"
        for n, (target, text, rest) in enumerate(FIRST_SESSION, start=1)
    )
    start = rel_md(page, FIRST_SESSION[0][0])
    return (
        '<div class="mlw-today__body" markdown>\n\n'
        "Nothing studied in this browser yet. A first session:\n\n"
        f"{steps}\n\n"
        f"[Start today's session]({start}){{ .md-button .md-button--primary .mlw-today__start }}"
        "\n\n</div>\n"
    )


def today(page: str) -> str:
    # `markdown` on the section too: md_in_html renders Markdown in an element only when
    # every ancestor asks for it. The form shows from the first paint (no shift); the
    # script hides it for a reader who skipped it, and no-js.css for a reader without
    # JavaScript, who cannot save it.
    return (
        '<section class="mlw-panel mlw-today" id="today" aria-labelledby="today-title" markdown>\n'
        '<h2 class="mlw-panel__title" id="today-title" tabindex="-1">Today</h2>\n'
        '<div class="mlw-notices"></div>\n'
        + first_session(page)
        + '<p class="mlw-today__actions"><button type="button" class="md-button '
        'mlw-today__change" hidden>Set your interview date</button></p>\n'
        + profile_form()
        + '\n<p class="mlw-today__status visually-hidden" role="status" aria-live="polite">'
        "</p>\n</section>\n"
    )


def plan_shell() -> str:
    """The study plan page's tracker (frontend/widgets/plan-tracker.js): it dates the weeks
    to the reader's interview and marks each question and problem the weeks link by what
    the reader did. Without progress in the browser the page stays as written."""
    return (
        '<div class="mlw-plan" id="plan-tracker">\n'
        '<p class="mlw-plan__line">As you study in this browser, each week below shows the '
        "status of the questions and problems it lists, and, once you give your interview "
        "date on the home page, its own dates.</p>\n"
        '<p class="mlw-plan__status visually-hidden" role="status" aria-live="polite"></p>\n'
        "</div>\n"
    )
