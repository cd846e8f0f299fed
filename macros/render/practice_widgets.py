"""Placeholder: static shells of the flashcards, mock round and dashboard widgets."""

from __future__ import annotations

from ..bank import Bank


def render(bank: Bank, kind: str, page: str) -> str:
    return f'<section class="mlw-panel" data-widget="{kind}"><p>Coming soon.</p></section>'
