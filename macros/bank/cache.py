"""One loaded bank and one list of exercises per build, shared by the plugin and the
template functions.

`mkdocs serve` rebuilds on every change, so each is reloaded when any of its files
changes, and kept otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from .exercises import Exercise, load_exercises
from .loader import Bank, load_bank

T = TypeVar("T")
_cache: dict[str, tuple[tuple[tuple[str, int], ...], Any]] = {}


def _cached(root: Path, pattern: str, load: Callable[[Path], T]) -> T:
    """`load(root)`, or the result kept from the last call if no file matching `pattern`
    under `root` was added, removed or changed since."""
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob(pattern)))
    key = f"{root.resolve()}:{pattern}"
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cast(T, cached[1])
    value = load(root)
    _cache[key] = (stamp, value)
    return value


def bank_for(root: Path) -> Bank:
    """The bank under `root` (quiz_data/); raises BankError."""
    return _cached(root, "*.y*ml", load_bank)


def exercises_for(root: Path) -> list[Exercise]:
    """The exercises under `root` (quiz_data/exercises/); raises ExercisesError."""
    return _cached(root, "*", load_exercises)
