"""Typed models of the question bank.

The bank is the single source of every question on the site, so the models are strict:
unknown keys, empty text and wrong types are errors, never silently coerced. The JSON
Schema published next to the quiz export is generated from these classes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from practice_engine import vocab

from .feedback_models import KeyPoint, TrapClaim
from .fields import Id, Level, Plain, QuestionType, Role, Strict, Text, check_plain

__all__ = [
    "AREAS",
    "Answer",
    "Depth",
    "Entry",
    "EntryModel",
    "KeyPoint",
    "Problem",
    "Question",
    "QuizItem",
    "Rubric",
    "Short",
    "Track",
    "TracksFile",
    "TrapClaim",
]


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
        return [(level, getattr(self, level.replace("+", "plus"))) for level in vocab.LEVELS]


class FollowUp(Strict):
    q: Text
    a: Text


class Rubric(Strict):
    # One row per grade in vocab.RUBRIC_GRADES, in that order (a test holds them equal).
    strong_hire: list[Text] = Field(min_length=1)
    lean_hire: list[Text] = Field(min_length=1)
    no_hire: list[Text] = Field(min_length=1)


class Option(Strict):
    text: Text
    correct: bool
    why: Text = Field(description="One line: why this option is right or wrong.")

    @model_validator(mode="after")
    def _plain(self) -> Option:
        check_plain(self.text, "option text")
        check_plain(self.why, "option explanation")
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
        check_plain(self.stem, "stem")
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
        return vocab.time_target(self.type)


class Question(_Entry):
    """A concept question: the four-part answer and what it sounds like at every level."""

    kind: Literal["question"] = "question"
    must_know: bool = Field(
        default=False,
        description="One of the 30 questions the guide leads with (home page, study plan, "
        "first in its track).",
    )
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


# The areas of the practice problems, in the order the guide lists them; each has its page
# docs/problems/<area>.md.
AREAS: tuple[str, ...] = (
    "worked",
    "framing-metrics",
    "leakage-data",
    "debugging",
    "system-design",
    "llm-retrieval",
    "coding-data",
)
if TYPE_CHECKING:
    Area = str
else:
    Area = Literal[AREAS]


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


# Any entry of the bank, and the same as one file validates it: the `kind` key picks the model.
Entry = Question | Problem | Short
EntryModel = Annotated[Entry, Field(discriminator="kind")]
