"""The registry of state the engine takes back from outside: progress, a quiz session, a
mock round, a saved round. Each kind is one `Record`, defined by the one function that
says what is wrong with a value; `require`, `restore` and `restore_stored` all derive from
it, so an op that refuses state and a page that restores it can never disagree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from .errors import EngineError
from .stored_text import parse_stored

T = TypeVar("T")


class Record(Generic[T]):
    """One kind of state, checked by `problem(value, *context) -> reason or None`.

    `stored_as` names the page's stored text in a reason ("the saved round is not valid
    JSON"); `refused` is how `require` words its error around the reason."""

    def __init__(
        self,
        name: str,
        problem: Callable[..., str | None],
        stored_as: str,
        refused: str = "{}",
    ) -> None:
        self.name, self.problem, self.stored_as, self.refused = name, problem, stored_as, refused

    def require(self, value: Any, *context: Any) -> T:
        """`value` when valid, else an EngineError: ops never work on bad state."""
        problem = self.problem(value, *context)
        if problem:
            raise EngineError(self.refused.format(problem))
        return cast(T, value)

    def restore(self, value: Any, *context: Any) -> tuple[T | None, str | None]:
        """(value, None) when valid, else (None, reason); never raises."""
        problem = self.problem(value, *context)
        return (None, problem) if problem else (cast(T, value), None)

    def restore_stored(self, raw: Any, *context: Any) -> tuple[T | None, str | None]:
        """From the text the page stored: (value, None) to carry on, (None, None) when
        nothing is stored, else (None, reason); never raises. The page never parses
        storage itself (see stored_text.parse_stored for why the depth is checked first)."""
        stored = parse_stored(raw, self.stored_as)
        if not stored.present or stored.reason:
            return None, stored.reason
        return self.restore(stored.data, *context)


RECORDS: dict[str, Record[Any]] = {}


def register(record: Record[T]) -> Record[T]:
    """Add a kind of state to the registry (each module registers its own)."""
    if record.name in RECORDS:
        raise ValueError(f"a record named {record.name!r} is already registered")
    RECORDS[record.name] = record
    return record
