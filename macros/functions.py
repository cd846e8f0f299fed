"""The template functions pages call, such as `{{ track_cards("fundamentals") }}`: the
module mkdocs-macros loads (`modules: [macros.functions]` in mkdocs.yml). Each function
only finds the bank or the exercises and hands them to a renderer in `render/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .bank import Bank, BankError
from .bank.cache import bank_for
from .render import drill, exercise_page, listings, print_page
from .render import quiz as quiz_shell
from .render.figures import figure_md


def _root(env: Any) -> Path:
    return Path(env.conf["config_file_path"]).parent


def _bank(env: Any) -> Bank:
    try:
        return bank_for(_root(env) / "quiz_data")
    except BankError as exc:
        raise PluginError(str(exc)) from None


def define_env(env: Any) -> None:
    """Register every template function with mkdocs-macros."""

    def page() -> str:
        return str(env.page.file.src_uri)

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
    def problem_area(area: str) -> str:
        return listings.problem_area(_bank(env), area, page())

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
        return quiz_shell.quiz_widget(_bank(env), tracks, count, filters)

    @env.macro
    def drill_widget(kind: str) -> str:
        return drill.render(_bank(env), kind, page())

    @env.macro
    def figure(name: str) -> str:
        return figure_md(name, page())

    @env.macro
    def exercise(exercise_id: str) -> str:
        return exercise_page.render(_root(env), exercise_id, page())

    @env.macro
    def exercise_index() -> str:
        return exercise_page.index(_root(env), page())

    @env.macro
    def print_pages(*sources: str) -> str:
        docs = Path(env.conf["docs_dir"])

        def render(text: str) -> str:
            return str(env.env.from_string(text).render(**env.variables))

        return "\n\n".join(print_page.include_page(docs, s, render) for s in sources)

    @env.macro
    def print_entries() -> str:
        return print_page.all_entries(_bank(env), page())
