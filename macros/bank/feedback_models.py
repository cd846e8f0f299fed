"""The answer-feedback fields of a question: its key points and its trap claims, each
with a matcher checked by the engine's own parser, so the build and the browser agree.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from practice_engine.feedback.spec import SpecError, parse_matcher

from .fields import AnswerPart, Id, Level, Plain, Sense, Strict


def _matcher(value: dict) -> dict:
    """Checked by the engine's own parser, so the build and the browser agree on it."""
    try:
        parse_matcher(value)
    except SpecError as exc:
        raise ValueError(str(exc)) from None
    return value


Matcher = Annotated[
    dict,
    AfterValidator(_matcher),
    Field(description="Concept groups combined with all/any; see CONTRIBUTING.md."),
]


class KeyPoint(Strict):
    """One idea a strong answer contains, with the level from which it is expected and
    the matcher that finds it in a typed answer."""

    id: Id
    label: Plain = Field(description="What the reader sees in the checklist (plain text).")
    level: Level
    section: AnswerPart = Field(description="The answer paragraph that covers it.")
    sense: Sense = Field(
        default="asserted",
        description="asserted: the answer must state it; denied: it must say it is not so "
        "(or call it a misconception); either: naming the idea is enough.",
    )
    match: Matcher
    contradicted_by: list[int] = Field(
        default_factory=list,
        description="Traps (indices) whose assertion in a sentence means that sentence "
        "does not make this point (sizing a test from the effect you expect is not sizing "
        "it from the smallest effect worth acting on).",
    )


class TrapClaim(Strict):
    """A misconception from the question's `traps`, detected only when it is asserted."""

    id: Id
    trap: int = Field(ge=0, description="Index into the question's traps list.")
    label: Plain = Field(description="The claim, as the reader sees it flagged (plain text).")
    match: Matcher
