"""The thin layer between mkdocs-macros and the plain rendering functions."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .bank import BankError
from .render import listings, widgets
from .render.figures import figure_md
from .site_bank import bank_for


def _root(env) -> Path:
    return Path(env.conf["config_file_path"]).parent


def _bank(env):
    root = _root(env) / "quiz_data"
    try:
        return bank_for(root)
    except BankError as exc:
        raise PluginError(str(exc)) from None


def register(env) -> None:
    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def track_intro(track_id: str) -> str:
        return listings.track_intro(_bank(env), track_id)

    @env.macro
    def track_cards(track_id: str) -> str:
        return listings.track_cards(_bank(env), track_id, page())

    @env.macro
    def question_index() -> str:
        return listings.question_index(_bank(env), page())

    @env.macro
    def must_know_index() -> str:
        return listings.must_know_index(_bank(env), page())

    @env.macro
    def practice_area(area: str) -> str:
        return listings.practice_area(_bank(env), area, page())

    @env.macro
    def other_lists() -> str:
        return listings.other_lists(_bank(env), page())

    @env.macro
    def tag_index() -> str:
        return listings.tag_index(_bank(env), page())

    @env.macro
    def depth_side_by_side(question_id: str) -> str:
        return listings.depth_side_by_side(_bank(env), question_id, page())

    @env.macro
    def quiz(tracks: list[str] | None = None, count: int = 5, filters: bool = False) -> str:
        return widgets.quiz_widget(_bank(env), tracks, count, filters)

    @env.macro
    def figure(name: str) -> str:
        return figure_md(name, page())

    # Practice loop (flashcards, mock round, dashboard) and coding exercises: rendered by
    # their own modules, imported on use.
    @env.macro
    def practice_widget(kind: str) -> str:
        from .render import practice_widgets

        return practice_widgets.render(_bank(env), kind, page())

    @env.macro
    def exercise(exercise_id: str) -> str:
        from .render import exercise_page

        return exercise_page.render(_root(env), exercise_id, page())

    @env.macro
    def exercise_index() -> str:
        from .render import exercise_page

        return exercise_page.index(_root(env), page())

    @env.macro
    def print_pages(*sources: str) -> str:
        from .render import print_page

        docs = Path(env.conf["docs_dir"])

        def render(text: str) -> str:
            return env.env.from_string(text).render(**env.variables)

        return "\n\n".join(print_page.include_page(docs, s, render) for s in sources)

    @env.macro
    def print_entries() -> str:
        from .render import print_page

        return print_page.all_entries(_bank(env), page())
