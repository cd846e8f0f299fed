"""The template functions pages call, such as `{{ track_cards("fundamentals") }}`: the
module mkdocs-macros loads (`modules: [macros.functions]` in mkdocs.yml). Each function
only finds the bank or the exercises and hands them to a renderer in `render/`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .bank import Bank, BankError
from .bank.cache import bank_for
from .render import deck_chunks, drill, exercise_page, index_table, listings, print_page
from .render import quiz as quiz_shell
from .render.figures import figure_md


def _root(env: Any) -> Path:
    return Path(env.conf["config_file_path"]).parent


def _bank(env: Any) -> Bank:
    try:
        return bank_for(_root(env) / "quiz_data")
    except BankError as exc:
        raise PluginError(str(exc)) from None


# Template functions that render part of the bank for the page calling them: each is
# called as render(bank, *its arguments, the page's docs-relative path).
BANK_ON_PAGE: dict[str, Callable[..., str]] = {
    "track_cards": listings.track_cards,
    "question_index": index_table.question_tracker,
    "problem_index": index_table.problem_tracker,
    "must_know_index": listings.must_know_index,
    "problem_area": listings.problem_area,
    "other_lists": listings.other_lists,
    "tag_index": listings.tag_index,
    "depth_side_by_side": listings.depth_side_by_side,
    "drill_widget": drill.render,
    "flashcard_deck": deck_chunks.chunk_store,  # the generated chunk pages (plugin.py)
    "print_entries": print_page.all_entries,
}


def define_env(env: Any) -> None:
    """Register every template function with mkdocs-macros."""

    def page() -> str:
        return str(env.page.file.src_uri)

    def on_page(render: Callable[..., str]) -> Callable[..., str]:
        def macro(*args: Any) -> str:
            return render(_bank(env), *args, page())

        return macro

    for name, render in BANK_ON_PAGE.items():
        env.macro(on_page(render), name)

    @env.macro
    def track_intro(track_id: str) -> str:
        return listings.track_intro(_bank(env), track_id)

    @env.macro
    def quiz(tracks: list[str] | None = None, count: int = 5, filters: bool = False) -> str:
        return quiz_shell.quiz_widget(_bank(env), tracks, count, filters)

    @env.macro
    def figure(name: str) -> str:
        return figure_md(name, page())

    @env.macro
    def exercise(exercise_id: str) -> str:
        return exercise_page.render(_root(env), exercise_id, page())

    @env.macro
    def exercise_index() -> str:
        return index_table.exercise_tracker(_root(env), page())

    @env.macro
    def print_pages(*sources: str) -> str:
        docs = Path(env.conf["docs_dir"])

        def render(text: str) -> str:
            return str(env.env.from_string(text).render(**env.variables))

        return "\n\n".join(print_page.include_page(docs, s, render) for s in sources)
