"""The field types every bank model shares, and the strict base they derive from.

Text is Markdown without raw HTML; plain text (what a widget shows with textContent) has
no markup or math either; levels, roles and the other words come from the engine's
vocabulary (practice_engine/vocab.py), checked as Literals.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from practice_engine import vocab

_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
_RAW_HTML = re.compile(r"<[A-Za-z!?/]")


def _no_raw_html(value: str) -> str:
    """Bank text is Markdown, rendered by the build; raw HTML would reach the page
    unsanitised, so it is refused (code spans and fenced blocks may show tags)."""
    match = _RAW_HTML.search(_CODE.sub("", value))
    if match:
        snippet = value[match.start() : match.start() + 20]
        raise ValueError(f"raw HTML is not allowed ({snippet!r}); write &lt; or use `code`")
    return value


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_raw_html)
]
# The vocabulary is the engine's (practice_engine/vocab.py); pydantic checks each value
# against it as a Literal, and a type checker sees plain text.
if TYPE_CHECKING:
    Level = str
    Role = str
    QuestionType = str
    AnswerPart = str
    Sense = str
else:
    Level = Literal[vocab.LEVELS]
    Role = Literal[vocab.ROLES]
    QuestionType = Literal[vocab.QUESTION_TYPES]
    AnswerPart = Literal[vocab.ANSWER_PARTS]
    Sense = Literal[vocab.FEEDBACK_SENSES]

# Quiz text is shown by the widget with textContent, so it must be plain text: markup
# would appear raw. Backticks are allowed (the widget renders them as code spans).
_MARKUP = re.compile(r"<[a-zA-Z/!]|\$|\\\(|\\\[")


class Strict(BaseModel):
    """Base for every bank model: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def check_plain(value: str, where: str) -> str:
    """`value` unchanged, or ValueError naming `where` if it holds markup or math."""
    if _MARKUP.search(value):
        raise ValueError(f"{where} must be plain text (no HTML, no $ or LaTeX math)")
    return value


def _plain_text(value: str) -> str:
    return check_plain(value, "this text")


# Text a widget shows with textContent: no Markdown math and no markup.
Plain = Annotated[Text, AfterValidator(_plain_text)]
