"""Static HTML shells for the in-browser widgets. The build writes the structure, labels
and live regions; the widget scripts fill in the rest as text. Without JavaScript the
shell says what is missing instead of showing dead buttons."""

from __future__ import annotations

from html import escape

from practice_engine.vocab import BROWSE_SCOPE, LEVELS, ROLE_LABELS, SCOPE_LABELS, SCOPES

from ..bank import Bank

NO_SCRIPT = "This quiz runs Python in your browser and needs JavaScript."
COUNTS = (5, 10, 15, 20)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _checks(name: str, legend: str, options: list[tuple[str, str]]) -> str:
    boxes = "".join(
        f'<label class="mlw-check"><input type="checkbox" name="{name}" value="{_attr(v)}"> '
        f'<span class="mlw-check__text">{escape(label)}</span></label>'
        for v, label in options
    )
    return f'<fieldset class="mlw-filter"><legend>{escape(legend)}</legend>{boxes}</fieldset>'


def scope_choice(group_id: str, chosen: str, label: str = "Questions") -> str:
    """The core/all choice every practice widget offers: one radio group with a name
    (arrow keys move within it; a screen reader names the group and the choice). A
    radiogroup, not a nested fieldset: the widgets' own fieldset is the one that waits,
    disabled, for Python. The words are the engine's (vocab.SCOPE_LABELS)."""
    radios = "".join(
        f'<label class="mlw-check"><input type="radio" name="scope" value="{s}"'
        f"{' checked' if s == chosen else ''}> {escape(SCOPE_LABELS[s])}</label>"
        for s in SCOPES
    )
    name = f'<span class="mlw-scope__label" id="{group_id}">{escape(label)}</span> '
    return (
        f'<div class="mlw-scope" role="radiogroup" aria-labelledby="{group_id}">'
        f"{name}{radios}</div>"
    )


def _filters_form(bank: Bank, widget_id: str) -> str:
    counts = "".join(
        f'<option value="{n}"{" selected" if n == 10 else ""}>{n}</option>' for n in COUNTS
    )
    return (
        '<form class="mlw-quiz__filters" aria-label="Quiz filters">'
        + _checks("tracks", "Tracks (none ticked: all)", [(t.id, t.title) for t in bank.tracks])
        + _checks("levels", "Levels (none ticked: all)", [(lv, lv) for lv in LEVELS])
        + _checks("roles", "Roles (none ticked: all)", list(ROLE_LABELS.items()))
        + scope_choice(f"{widget_id}-scope", BROWSE_SCOPE)
        + f'<p><label for="{widget_id}-count">Number of questions</label> '
        f'<select id="{widget_id}-count" name="count">{counts}</select></p>'
        + '<p><button type="submit" class="md-button md-button--primary">Start quiz</button></p>'
        + "</form>"
    )


def quiz_widget(
    bank: Bank,
    tracks: list[str] | None = None,
    count: int = 5,
    filters: bool = False,
    title: str = "Quiz yourself",
) -> str:
    """A quiz block. With `filters`, the reader picks tracks, levels, roles and length."""
    tracks = tracks or []
    known = {t.id for t in bank.tracks}
    unknown = [t for t in tracks if t not in known]
    if unknown:
        raise ValueError(f"quiz_widget: unknown track(s) {unknown}")
    widget_id = "quiz-" + ("-".join(tracks) if tracks else "all") + ("-f" if filters else "")
    form = _filters_form(bank, widget_id) if filters else ""
    return (
        f'<section class="mlw-quiz" id="{widget_id}" aria-labelledby="{widget_id}-title" '
        f'data-tracks="{_attr(",".join(tracks))}" data-count="{int(count)}">\n'
        f'<h2 class="mlw-quiz__title" id="{widget_id}-title">{escape(title)}</h2>\n'
        f"{form}\n"
        f'<div class="mlw-quiz__notices"></div>\n'
        f'<div class="mlw-quiz__body"><p class="mlw-noscript">{NO_SCRIPT}</p></div>\n'
        f'<p class="mlw-quiz__status visually-hidden" role="status" aria-live="polite"></p>\n'
        f"</section>"
    )
