"""One loaded bank per build, shared by the macros and the build hooks.

`mkdocs serve` rebuilds on every change, so the bank is reloaded when any of its files
changes, and kept otherwise.
"""

from __future__ import annotations

from pathlib import Path

from .bank import Bank, load_bank

_cache: dict[str, tuple[tuple, Bank]] = {}


def _stamp(root: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob("*.y*ml")))


def bank_for(root: Path) -> Bank:
    """The bank under `root`, loading it only when a file changed; raises BankError."""
    key = str(root.resolve())
    stamp = _stamp(root)
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    bank = load_bank(root)
    _cache[key] = (stamp, bank)
    return bank
