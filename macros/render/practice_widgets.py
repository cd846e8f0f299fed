"""Static shells of the practice-loop widgets: flashcards, mock round and dashboard.

The build writes each widget's structure, labels and live region; the scripts in
docs/assets/js fill in what depends on the reader's progress, as text. The flashcards
shell also carries every concept question's full answer and rubric, rendered here as
Markdown by the site's own extensions (formulas included) and hidden until the reader
reveals one: the answer text never has to travel through Python or be parsed in the page.

These cards deliberately use their own class and id prefix ("fc-"), never the question
cards' "qcard"/"data-qid"/"q-<id>", because the build's parity check counts those to prove
every question is rendered on exactly one page.
"""

from __future__ import annotations

import re
from html import escape

from ..bank import LEVELS, ROLES, Bank, Question
from .cards import ANSWER_PARTS, RUBRIC_ROWS

NO_SCRIPT = "{what} runs Python in your browser and needs JavaScript."
DEFAULT_LEVEL = "L4"
# The brief's fixed review days, shown in the schedule choice (the engine owns the rule).
CHECKPOINTS = "day 0, 3, 7, 14, 21"


def _attr(value: str) -> str:
    return escape(value, quote=True)


def target_seconds(time_target: str) -> int:
    """Upper bound of a time target in seconds: "2-3 min" -> 180, "5 min" -> 300. The
    countdown starts from the upper bound: the most time an interviewer would give."""
    found = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*min\s*", time_target)
    if not found:
        raise ValueError(f"time target {time_target!r} is not like '2-3 min'")
    return int(found.group(2) or found.group(1)) * 60


def _status(prefix: str) -> str:
    return f'<p class="{prefix}__status visually-hidden" role="status" aria-live="polite"></p>\n'


def _body(prefix: str, what: str) -> str:
    return (
        f'<div class="mlw-notices"></div>\n'
        f'<div class="{prefix}__body"><p class="mlw-noscript">'
        f"{escape(NO_SCRIPT.format(what=what))}</p></div>\n"
    )


def _bullets(items: list[str]) -> str:
    return "\n".join("- " + item.replace("\n", "\n  ") for item in items)


def _answer_md(question: Question) -> str:
    """The four-part answer, then the rubric rows, as on the question's own card (bold
    labels instead of headings, so the hidden copies add no ids or permalinks)."""
    parts = [f"**{label}.** {getattr(question.answer, key)}" for key, label in ANSWER_PARTS]
    parts.append('<p class="fc-sub">Rubric</p>')
    for key, label in RUBRIC_ROWS:
        rows = _bullets(getattr(question.rubric, key))
        parts.append(f"**{label}**\n{{ .rubric-{key.replace('_', '-')} }}\n\n{rows}")
    return "\n\n".join(parts)


def flashcard(question: Question, bank: Bank) -> str:
    """One hidden card: the prompt and, separately, the answer with its rubric."""
    track = bank.track(question.track).title
    return (
        f'<div class="fc-card" id="fc-{question.id}" data-fc-id="{question.id}" '
        f'data-fc-target="{_attr(question.time_target)}" '
        f'data-fc-seconds="{target_seconds(question.time_target)}" '
        f'data-fc-track="{_attr(track)}" markdown>\n'
        f'<div class="fc-card__prompt" markdown>\n\n{question.prompt}\n\n</div>\n'
        f'<div class="fc-card__answer" markdown>\n\n{_answer_md(question)}\n\n</div>\n'
        f"</div>\n"
    )


def flashcards(bank: Bank) -> str:
    cards = "\n".join(flashcard(q, bank) for q in bank.questions)
    schedules = (
        '<option value="fsrs">FSRS: the next review adapts to your grades</option>'
        f'<option value="checkpoints">Fixed checkpoints: {CHECKPOINTS}</option>'
    )
    settings = (
        '<details class="mlw-fc__settings"><summary>Settings: new cards per day and schedule'
        "</summary>\n"
        # novalidate: the script checks the number itself and says why, visibly and aloud.
        '<form class="mlw-fc__form" aria-label="Flashcard settings" novalidate>'
        '<fieldset class="mlw-filter" disabled><legend>Review settings</legend>'
        '<p><label for="fc-new">New cards per day</label> '
        '<input id="fc-new" name="new_per_day" type="number" min="1" max="50" value="5" '
        'inputmode="numeric" required></p>'
        f'<p><label for="fc-schedule">Schedule</label> '
        f'<select id="fc-schedule" name="schedule">{schedules}</select></p>'
        '<p><button type="submit" class="md-button">Save settings</button></p>'
        "</fieldset></form></details>\n"
    )
    return (
        '<section class="mlw-panel mlw-fc" id="fc" aria-labelledby="fc-title">\n'
        '<h2 class="mlw-panel__title" id="fc-title">Your review queue</h2>\n'
        '<p class="mlw-fc__counts"></p>\n'
        + settings
        + _body("mlw-fc", "Flashcard review")
        + _status("mlw-fc")
        + "</section>\n\n"
        # A top-level block of its own: md_in_html renders Markdown only inside an element
        # whose ancestors all ask for it, and the section above is raw HTML.
        + f'<div class="fc-store" hidden data-search-exclude markdown>\n\n{cards}\n</div>\n'
    )


def _select(name: str, label: str, options: list[tuple[str, str]], chosen: str) -> str:
    opts = "".join(
        f'<option value="{_attr(v)}"{" selected" if v == chosen else ""}>{escape(text)}</option>'
        for v, text in options
    )
    return (
        f'<p><label for="mock-{name}">{escape(label)}</label> '
        f'<select id="mock-{name}" name="{name}">{opts}</select></p>'
    )


def mock(bank: Bank) -> str:
    roles = list(ROLES.items())
    levels = [(lv, lv) for lv in LEVELS]
    return (
        '<section class="mlw-panel mlw-mock" id="mock" aria-labelledby="mock-title">\n'
        '<h2 class="mlw-panel__title" id="mock-title">Mock round</h2>\n'
        '<form class="mlw-mock__setup" aria-label="Set up the mock round">'
        '<fieldset class="mlw-filter" disabled><legend>Your target job</legend>'
        + _select("role", "Role", roles, roles[0][0])
        + _select("level", "Level", levels, DEFAULT_LEVEL)
        + '<p><button type="submit" class="md-button md-button--primary">Start the round'
        "</button></p></fieldset></form>\n"
        + _body("mlw-mock", "The mock round")
        + _status("mlw-mock")
        + "</section>\n"
    )


def _chart() -> str:
    """The history chart's frame. The script draws the bars inside this build-made <svg>,
    in its namespace, and names it with a summary of the numbers it shows."""
    swatch = '<li><span class="mlw-swatch mlw-swatch--{0}" aria-hidden="true"></span>{1}</li>'
    return (
        '<figure class="mlw-chart" hidden>'
        '<svg class="mlw-chart__svg" role="img" viewBox="0 0 560 150" '
        'aria-label="Activity over the last 28 days"></svg>'
        '<figcaption><ul class="mlw-chart__legend">'
        + swatch.format("reviews", "Flashcard reviews")
        + swatch.format("quiz", "Quiz answers")
        + "</ul></figcaption></figure>\n"
    )


def dashboard(bank: Bank) -> str:
    transfer = (
        '<section class="mlw-panel mlw-transfer" aria-labelledby="dash-transfer-title">\n'
        '<h2 class="mlw-panel__title" id="dash-transfer-title">Export and import</h2>\n'
        "<p>Your progress lives only in this browser. Export it to a file to keep a backup "
        "or to move it to another browser, then import that file there. An import is "
        "checked and previewed before anything changes.</p>\n"
        '<p><button type="button" class="md-button mlw-transfer__export" disabled>'
        "Export my progress</button></p>\n"
        '<p><label for="dash-import">Import a progress file (.json)</label> '
        '<input type="file" id="dash-import" class="mlw-transfer__file" '
        'accept=".json,application/json" disabled></p>\n'
        '<div class="mlw-transfer__result"></div>\n'
        "</section>\n"
    )
    backups = (
        '<section class="mlw-panel mlw-backups" aria-labelledby="dash-backups-title">\n'
        '<h2 class="mlw-panel__title" id="dash-backups-title" tabindex="-1">Backups</h2>\n'
        "<p>When saved data cannot be read (damaged, or changed by hand), the guide keeps a "
        "copy here before it starts afresh. Download a copy to keep it, restore it (a "
        "progress backup is checked and previewed like an import), or delete it to free "
        "room.</p>\n"
        '<div class="mlw-backups__list"><p>Looking for backups…</p></div>\n'
        "</section>\n"
    )
    return (
        '<div class="mlw-dash" id="dash">\n'
        '<section class="mlw-panel mlw-dash__panel" aria-labelledby="dash-title">\n'
        '<h2 class="mlw-panel__title" id="dash-title" tabindex="-1">Where you stand</h2>\n'
        + _body("mlw-dash", "The progress dashboard")
        + _chart()
        + "</section>\n"
        + transfer
        + backups
        + _status("mlw-dash")
        + "</div>\n"
    )


def render(bank: Bank, kind: str, page: str) -> str:
    """The shell of one widget; `page` is unused because the shells hold no links."""
    builders = {"flashcards": flashcards, "mock": mock, "dashboard": dashboard}
    if kind not in builders:
        raise ValueError(f"practice_widget: unknown kind {kind!r}; kinds are {sorted(builders)}")
    return builders[kind](bank)
