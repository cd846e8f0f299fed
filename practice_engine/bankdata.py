"""The exported bank (`assets/quiz/bank.json`) as light, typed, read-only objects.

The export is made and validated by the build; here we still check its shape once, so a
stale or truncated file gives a clear error instead of a KeyError deep in a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import EngineError
from .vocab import BANK_EXPORT_VERSION


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Item:
    id: str
    entry_id: str
    track: str
    stem: str
    multiple: bool
    options: tuple[Option, ...]

    @property
    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, o in enumerate(self.options) if o.correct)


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    track: str
    title: str
    url: str
    levels: tuple[str, ...]
    roles: tuple[str, ...]
    type: str | None
    time_target: str | None
    order: int | None
    followups: tuple[str, ...]
    items: tuple[Item, ...]
    # Key points, trap claims, traps and caveat as exported; parsed by `feedback` on use.
    feedback: dict[str, Any] | None = None
    # One of the must-know questions: the core set that widgets offer as "core only".
    core: bool = False


@dataclass(frozen=True)
class BankData:
    version: int
    tracks: tuple[dict[str, Any], ...]
    entries: tuple[Entry, ...]
    levels: tuple[str, ...]
    # Real words near the matchers' words, which a misspelling must not be read as.
    lexicon: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_items", {i.id: i for e in self.entries for i in e.items})
        object.__setattr__(self, "_entries", {e.id: e for e in self.entries})

    def item(self, item_id: str) -> Item | None:
        return self._items.get(item_id)  # type: ignore[attr-defined]

    def entry(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)  # type: ignore[attr-defined]

    @property
    def items(self) -> list[Item]:
        return [i for e in self.entries for i in e.items]

    def track_title(self, track_id: str) -> str:
        return next((t["title"] for t in self.tracks if t["id"] == track_id), track_id)


def _entry(raw: dict[str, Any]) -> Entry:
    items = tuple(
        Item(
            id=it["id"],
            entry_id=raw["id"],
            track=raw["track"],
            stem=it["stem"],
            multiple=bool(it["multiple"]),
            options=tuple(Option(o["text"], bool(o["correct"]), o["why"]) for o in it["options"]),
        )
        for it in raw["items"]
    )
    return Entry(
        id=raw["id"],
        kind=raw["kind"],
        track=raw["track"],
        title=raw["title"],
        url=raw["url"],
        levels=tuple(raw["levels"]),
        roles=tuple(raw["roles"]),
        type=raw.get("type"),
        time_target=raw.get("time_target"),
        order=raw.get("order"),
        followups=tuple(raw.get("followups", ())),
        items=items,
        feedback=raw.get("feedback"),
        core=bool(raw.get("core", False)),
    )


def parse_bank(data: dict[str, Any]) -> BankData:
    """Turn the export into objects; raise EngineError naming what is wrong."""
    if not isinstance(data, dict) or data.get("version") != BANK_EXPORT_VERSION:
        got = data.get("version") if isinstance(data, dict) else type(data).__name__
        raise EngineError(f"bank export version {got!r}; expected {BANK_EXPORT_VERSION}")
    try:
        entries = tuple(_entry(e) for e in data["entries"])
        return BankData(
            version=data["version"],
            tracks=tuple(data["tracks"]),
            entries=entries,
            levels=tuple(data["levels"]),
            lexicon=frozenset(data.get("feedback_lexicon", ())),
        )
    except (KeyError, TypeError) as exc:
        raise EngineError(f"bank export is malformed: {exc!r}") from None
