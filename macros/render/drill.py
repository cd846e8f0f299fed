"""Static shells of the drill widgets: flashcards, mock round and dashboard (the quiz's is
in quiz.py).

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

from html import escape

from practice_engine import vocab
from practice_engine.study_order import study_order

from ..bank import Bank, Question
from . import deck
from .cards import rubric_rows_md
from .lead import lead_part_md
from .mock_store import mock_store
from .today import plan_shell
from .today import today as today_shell

NO_SCRIPT = "{what} runs Python in your browser and needs JavaScript."
DEFAULT_LEVEL = "L4"
# The study plan's fixed review days, shown in the schedule choice (the engine owns the rule).
CHECKPOINTS = "day " + ", ".join(str(d) for d in (0, *vocab.CHECKPOINT_DAYS))
# How the settings form names each of the engine's schedules.
SCHEDULE_CHOICES = {
    "fsrs": "FSRS: the next review adapts to your grades",
    "checkpoints": f"Fixed checkpoints: {CHECKPOINTS}",
}


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _status(prefix: str) -> str:
    return f'<p class="{prefix}__status visually-hidden" role="status" aria-live="polite"></p>\n'


def _body(prefix: str, what: str) -> str:
    return (
        f'<div class="mlw-notices"></div>\n'
        f'<div class="{prefix}__body"><p class="mlw-noscript">'
        f"{escape(NO_SCRIPT.format(what=what))}</p></div>\n"
    )


def part_id(question_id: str, part: str) -> str:
    """The anchor of one part of a flashcard's answer: a missed key point links to the part
    that explains it (its `section`). "fc-" ids, never "q-" (see the module docstring)."""
    return f"fc-{question_id}-{part}"


def _parts_md(question: Question) -> str:
    """The four-part answer as on the question's own card, each part in a block of its own
    with an anchor (bold labels instead of headings, so no permalinks are added)."""
    return "\n\n".join(
        f'<div class="fc-part" id="{part_id(question.id, key)}" tabindex="-1" markdown>\n\n'
        f"{lead_part_md(label, getattr(question.answer, key))}\n\n</div>"
        for key, label in vocab.ANSWER_PART_LABELS.items()
    )


def _answer_md(question: Question) -> str:
    """The four-part answer, then the rubric rows."""
    rubric = '<p class="fc-sub">Rubric</p>'
    return f"{_parts_md(question)}\n\n{rubric}\n\n{rubric_rows_md(question.rubric)}"


def flashcard(question: Question, bank: Bank) -> str:
    """One hidden card: the prompt and, separately, the answer with its rubric."""
    track = bank.track(question.track).title
    return (
        f'<div class="fc-card" id="fc-{question.id}" data-fc-id="{question.id}" '
        'data-fc-kind="question" '
        f'data-fc-target="{_attr(question.time_target)}" '
        f'data-fc-seconds="{vocab.target_seconds(question.type)}" '
        f'data-fc-track="{_attr(track)}" markdown>\n'
        f'<div class="fc-card__prompt" markdown>\n\n{question.prompt}\n\n</div>\n'
        f'<div class="fc-card__answer" markdown>\n\n{_answer_md(question)}\n\n</div>\n'
        f"</div>\n"
    )


def flashcards(bank: Bank, page: str) -> str:
    # The engine's deck (concept questions, short answers and problems, deck.py) in the order
    # the engine offers new cards, so a new reader's first card is the store's first.
    by_id = {q.id: flashcard(q, bank) for q in bank.questions} | deck.flashcards(bank, page)
    rows = ((e.id, e.kind, e.track, e.levels, getattr(e, "must_know", False)) for e in bank.entries)
    order = study_order(rows, [t.id for t in bank.tracks])
    cards = "\n".join(by_id[i] for i in order)
    low, high = vocab.NEW_PER_DAY_RANGE
    schedules = "".join(
        f'<option value="{s}">{SCHEDULE_CHOICES[s]}</option>' for s in vocab.SCHEDULES
    )
    levels = "".join(
        f'<option value="{lv}"{" selected" if lv == vocab.DEFAULT_SETTINGS["level"] else ""}>'
        f"{lv}</option>"
        for lv in vocab.LEVELS
    )
    settings = (
        '<details class="mlw-fc__settings"><summary>Settings: new cards per day, schedule and '
        "level</summary>\n"
        # novalidate: the script checks the number itself and says why, visibly and aloud.
        '<form class="mlw-fc__form" aria-label="Flashcard settings" novalidate>'
        '<fieldset class="mlw-filter" disabled><legend>Review settings</legend>'
        '<p><label for="fc-new">New cards per day</label> '
        f'<input id="fc-new" name="new_per_day" type="number" min="{low}" max="{high}" '
        f'value="{vocab.DEFAULT_SETTINGS["new_per_day"]}" inputmode="numeric" required></p>'
        f'<p><label for="fc-schedule">Schedule</label> '
        f'<select id="fc-schedule" name="schedule">{schedules}</select></p>'
        '<p><label for="fc-level">Your target level (which key points a typed answer is '
        f'expected to make)</label> <select id="fc-level" name="level">{levels}</select></p>'
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
        # whose ancestors all ask for it, and the section above is raw HTML. A <section>,
        # not a <div>: the search plugin matches open elements by tag name, so the first
        # nested </div> would end the exclusion and index every hidden answer.
        + f'<section class="fc-store" hidden data-search-exclude markdown>\n\n{cards}\n'
        "</section>\n"
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
    roles = list(vocab.ROLE_LABELS.items())
    levels = [(lv, lv) for lv in vocab.LEVELS]
    return (
        '<section class="mlw-panel mlw-mock" id="mock" aria-labelledby="mock-title" '
        f'data-round-version="{vocab.SAVED_ROUND_VERSION}">\n'
        '<h2 class="mlw-panel__title" id="mock-title">Mock round</h2>\n'
        '<form class="mlw-mock__setup" aria-label="Set up the mock round">'
        '<fieldset class="mlw-filter" disabled><legend>Your target job</legend>'
        + _select("role", "Role", roles, roles[0][0])
        + _select("level", "Level", levels, DEFAULT_LEVEL)
        + '<p><button type="submit" class="md-button md-button--primary">Start the round'
        "</button></p></fieldset></form>\n"
        + _body("mlw-mock", "The mock round")
        + _status("mlw-mock")
        + "</section>\n\n"
        + mock_store(bank)
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
        f'<div class="mlw-dash" id="dash" data-max-import-chars="{vocab.MAX_IMPORT_CHARS}">\n'
        '<section class="mlw-panel mlw-dash__panel" aria-labelledby="dash-title">\n'
        '<h2 class="mlw-panel__title" id="dash-title" tabindex="-1">Where you stand</h2>\n'
        + _body("mlw-dash", "The progress dashboard")
        + "</section>\n"
        + transfer
        + backups
        + _status("mlw-dash")
        + "</div>\n"
    )


def render(bank: Bank, kind: str, page: str) -> str:
    """The shell of one widget; `page` places the links of the Today panel's (the other
    shells hold none)."""
    if kind == "flashcards":
        return flashcards(bank, page)
    builders = {
        "mock": mock,
        "dashboard": dashboard,
    }
    if kind == "today":
        return today_shell(page)
    if kind == "plan":
        return plan_shell()
    if kind not in builders:
        kinds = sorted([*builders, "flashcards", "plan", "today"])
        raise ValueError(f"practice_widget: unknown kind {kind!r}; kinds are {kinds}")
    return builders[kind](bank)
