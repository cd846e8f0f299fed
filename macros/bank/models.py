"""Typed models of the question bank.

The bank is the single source of every question on the site, so the models are strict:
unknown keys, empty text and wrong types are errors, never silently coerced. The JSON
Schema published next to the quiz export is generated from these classes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from practice_engine.feedback.spec import SpecError, parse_matcher

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
Level = Literal["L3", "L4", "L5", "L6+"]
Role = Literal["mle", "ds", "re", "as", "ai"]
QuestionType = Literal["explain", "handle", "compare", "walkthrough"]

LEVELS: tuple[Level, ...] = ("L3", "L4", "L5", "L6+")
ROLES: dict[str, str] = {
    "mle": "ML engineer",
    "ds": "Data scientist",
    "re": "Research engineer",
    "as": "Applied scientist",
    "ai": "AI / LLM engineer",
}
# Time targets from the answer framework: what a candidate has to say it aloud.
TIME_TARGETS: dict[str, str] = {
    "explain": "2-3 min",
    "handle": "3-5 min",
    "compare": "2-3 min",
    "walkthrough": "5-7 min",
}
TYPE_LABELS: dict[str, str] = {
    "explain": "Explain a concept",
    "handle": "How would you handle it",
    "compare": "Compare",
    "walkthrough": "Walk me through it",
}

# Quiz text is shown by the widget with textContent, so it must be plain text: markup
# would appear raw. Backticks are allowed (the widget renders them as code spans).
_MARKUP = re.compile(r"<[a-zA-Z/!]|\$|\\\(|\\\[")


class Strict(BaseModel):
    """Base for every bank model: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Track(Strict):
    id: Id
    title: Text
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_-]+\.md$")]
    audience: Text = Field(description="Who is asked these questions, and at which level.")
    levels: list[Level] = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)


class TracksFile(Strict):
    tracks: list[Track] = Field(min_length=1)


class Answer(Strict):
    what: Text
    why: Text
    when: Text
    tradeoffs: Text


class Depth(Strict):
    """What an answer sounds like at each level; keys are the level names."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    L3: Text
    L4: Text
    L5: Text
    L6plus: Text = Field(alias="L6+")

    def by_level(self) -> list[tuple[str, str]]:
        return [("L3", self.L3), ("L4", self.L4), ("L5", self.L5), ("L6+", self.L6plus)]


class FollowUp(Strict):
    q: Text
    a: Text


class Rubric(Strict):
    strong_hire: list[Text] = Field(min_length=1)
    lean_hire: list[Text] = Field(min_length=1)
    no_hire: list[Text] = Field(min_length=1)


def _check_plain(value: str, where: str) -> str:
    if _MARKUP.search(value):
        raise ValueError(f"{where} must be plain text (no HTML, no $ or LaTeX math)")
    return value


class Option(Strict):
    text: Text
    correct: bool
    why: Text = Field(description="One line: why this option is right or wrong.")

    @model_validator(mode="after")
    def _plain(self) -> Option:
        _check_plain(self.text, "option text")
        _check_plain(self.why, "option explanation")
        return self


class QuizItem(Strict):
    id: Id
    stem: Text
    multiple: bool = Field(
        default=False, description="True when more than one option may be correct."
    )
    options: list[Option] = Field(min_length=2, max_length=6)

    @model_validator(mode="after")
    def _correct_count(self) -> QuizItem:
        _check_plain(self.stem, "stem")
        n = sum(o.correct for o in self.options)
        if n == 0:
            raise ValueError("no option is marked correct")
        if not self.multiple and n > 1:
            raise ValueError(f"{n} options are correct but the item is single-answer")
        texts = [o.text.casefold() for o in self.options]
        if len(set(texts)) != len(texts):
            raise ValueError("two options have the same text")
        return self


class Diagram(Strict):
    src: Annotated[str, StringConstraints(pattern=r"^assets/(diagrams|figures)/[a-z0-9-]+\.svg$")]
    alt: Text
    caption: Text


class _Base(Strict):
    """Fields every bank entry has, whatever its kind."""

    id: Id
    track: Id
    prompt: Text
    levels: list[Level] = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    rubric: Rubric
    related: list[Id] = Field(default_factory=list)
    quiz: list[QuizItem] = Field(default_factory=list)
    reviewed: dt.date
    order: int = Field(default=100, ge=0, description="Position within its page.")


class _Entry(_Base):
    """Fields of the full-depth entries: questions and practice problems."""

    type: QuestionType
    followups: list[FollowUp] = Field(min_length=1)
    traps: list[Text] = Field(min_length=1)
    diagram: Diagram | None = None
    figure: Id | None = Field(
        default=None, description="A computed figure by name (figures/CAPTIONS.yml)."
    )

    @property
    def time_target(self) -> str:
        return TIME_TARGETS[self.type]


def _matcher(value: dict) -> dict:
    """Checked by the engine's own parser, so the build and the browser agree on it."""
    try:
        parse_matcher(value)
    except SpecError as exc:
        raise ValueError(str(exc)) from None
    return value


def _plain_text(value: str) -> str:
    return _check_plain(value, "this text")


# Text a widget shows with textContent: no Markdown math and no markup.
Plain = Annotated[Text, AfterValidator(_plain_text)]
Matcher = Annotated[
    dict,
    AfterValidator(_matcher),
    Field(description="Concept groups combined with all/any; see CONTRIBUTING.md."),
]
AnswerPart = Literal["what", "why", "when", "tradeoffs"]
Sense = Literal["asserted", "denied", "either"]


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


class TrapClaim(Strict):
    """A misconception from the question's `traps`, detected only when it is asserted."""

    id: Id
    trap: int = Field(ge=0, description="Index into the question's traps list.")
    label: Plain = Field(description="The claim, as the reader sees it flagged (plain text).")
    match: Matcher


class Question(_Entry):
    """A concept question: the four-part answer and what it sounds like at every level."""

    kind: Literal["question"] = "question"
    answer: Answer
    depth: Depth
    key_points: list[KeyPoint] = Field(default_factory=list, max_length=8)
    trap_claims: list[TrapClaim] = Field(default_factory=list)
    feedback_caveat: Plain | None = Field(
        default=None,
        description="Shown on the feedback panel where the labelled set shows that word "
        "matching misses its targets on this question (plain text).",
    )


class Section(Strict):
    title: Text
    body: Text


Area = Literal[
    "worked",
    "framing-metrics",
    "leakage-data",
    "debugging",
    "system-design",
    "llm-retrieval",
    "coding-data",
]


class Problem(_Entry):
    """A practice problem: the scenario is shown, the worked answer stays collapsed."""

    kind: Literal["problem"]
    area: Area
    title: Text
    scenario: Text
    answer_sections: list[Section] = Field(min_length=1)


ListName = Literal[
    "entry", "mid", "deep-learning", "eval-production", "most-tested", "metric-choice"
]


class Short(_Base):
    """A question from the brief's other lists: a concise answer, or a pointer to the
    full question that already answers it (`see`), so nothing is written twice."""

    kind: Literal["short"]
    group: ListName
    answer: Text | None = None
    see: Id | None = None

    @model_validator(mode="after")
    def _answer_or_see(self) -> Short:
        if (self.answer is None) == (self.see is None):
            raise ValueError(
                "give exactly one of `answer` (the text) or `see` (a question or problem id)"
            )
        return self


Entry = Annotated[Question | Problem | Short, Field(discriminator="kind")]
