"""The typed model of an exercise's `exercise.yml`: the hints, the author's remarks, the
interviewer's follow-ups with model answers, what the reader's code may not use and the
complexity bound it must meet.

Strict like the bank's models (unknown keys are errors, nothing is coerced, raw HTML is
refused in Markdown), and checked again with the engine's own rules (constraints.py,
complexity.py), so the build and the page's Check can never disagree about a rule. Its
JSON Schema is published as assets/exercises/exercise.schema.json.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from practice_engine import vocab
from practice_engine.complexity import require_spec
from practice_engine.constraints import rule_problem
from practice_engine.errors import EngineError

from .fields import Strict, Text

if TYPE_CHECKING:
    Growth = str
else:
    Growth = Literal[tuple(vocab.GROWTH)]

Dotted = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
]


class ForbidName(Strict):
    name: Dotted = Field(
        description="A builtin or other name (sorted), module.function (heapq.nlargest) or "
        "type.method (list.sort, which forbids any `.sort`)."
    )
    why: Text = Field(description="One sentence the reader sees: why not, here.")

    @model_validator(mode="after")
    def _engine_accepts(self) -> ForbidName:
        problem = rule_problem(self.model_dump(), "forbid")
        if problem:
            raise ValueError(problem)
        return self


class ForbidModule(Strict):
    module: Dotted = Field(description="A module; its submodules are forbidden with it.")
    why: Text

    @model_validator(mode="after")
    def _engine_accepts(self) -> ForbidModule:
        problem = rule_problem(self.model_dump(), "forbid")
        if problem:
            raise ValueError(problem)
        return self


class Complexity(Strict):
    target: Growth = Field(description="The growth in n a solution must not exceed.")
    sizes: list[int] = Field(
        min_length=vocab.COMPLEXITY_SIZES_RANGE[0],
        max_length=vocab.COMPLEXITY_SIZES_RANGE[1],
        description="Increasing input sizes; checks.py's complexity_input(n) builds each.",
    )
    budget: int = Field(
        default=vocab.COMPLEXITY_DEFAULT_BUDGET,
        description="Operations after which a run is stopped and fails the bound.",
    )
    note: Text | None = Field(
        default=None, description="Said after the verdict, e.g. how k grows with n here."
    )

    @model_validator(mode="after")
    def _engine_accepts(self) -> Complexity:
        try:
            require_spec(self.model_dump(exclude_none=True))
        except EngineError as exc:
            raise ValueError(str(exc)) from None
        return self


class Followup(Strict):
    q: Text = Field(description="What an interviewer asks once the code works.")
    answer: Text = Field(description="A model answer, revealed when the reader asks.")


class ExerciseMeta(Strict):
    """exercise.yml: everything about an exercise that is not code or its prompt."""

    hints: list[Text] = Field(
        min_length=vocab.HINTS_RANGE[0],
        max_length=vocab.HINTS_RANGE[1],
        description="Progressive hints, revealed one at a time: a nudge first, the plan last.",
    )
    remarks: Text = Field(
        description="Why this approach, the common wrong one and its complexity; shown with "
        "the solution."
    )
    followups: list[Followup] = Field(
        min_length=vocab.FOLLOWUPS_RANGE[0], max_length=vocab.FOLLOWUPS_RANGE[1]
    )
    forbid: list[ForbidName | ForbidModule] = Field(default_factory=list)
    complexity: Complexity | None = None

    def rules(self) -> list[dict[str, str]]:
        """The forbid rules as the engine takes them."""
        return [rule.model_dump() for rule in self.forbid]

    def bound(self) -> dict[str, object] | None:
        """The complexity bound as the engine takes it (budget filled in)."""
        return None if self.complexity is None else require_spec(self.complexity.model_dump())
