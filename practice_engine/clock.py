"""Times and the reader's local days, computed from numbers the page passes in.

The engine never reads the clock: every time is a whole number of UTC milliseconds and
every "today" comes from `now_ms` and the reader's offset from UTC, so results are
reproducible and the same in CPython and Pyodide. Day numbers are whole days since
1970-01-01 in the reader's local time; only integer arithmetic is used for them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, TypeGuard

from .errors import EngineError

DAY_MS = 86_400_000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Latest accepted time, 9000-01-01: far from datetime's year-9999 limit, so a schedule
# (at most 100 years ahead in FSRS) can never overflow.
MAX_MS = 221_845_392_000_000
# Offsets from UTC in minutes, local minus UTC (UTC+2 -> 120, New York in winter -> -300).
MAX_OFFSET_MIN = 14 * 60


def is_int(value: Any) -> TypeGuard[int]:
    """True for a JSON whole number; bool is excluded because True == 1 in Python."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_time(value: Any) -> TypeGuard[int]:
    return is_int(value) and 0 <= value <= MAX_MS


def require_time(value: Any, name: str) -> int:
    """`value` as a time, or an EngineError naming the argument (the page sent a bad time)."""
    if not is_time(value):
        raise EngineError(f"{name} must be a whole number of milliseconds since 1970 (UTC)")
    return value


def require_offset(value: Any) -> int:
    if not is_int(value) or abs(value) > MAX_OFFSET_MIN:
        raise EngineError(
            "tz_offset_min must be the reader's offset from UTC in whole minutes, "
            f"from -{MAX_OFFSET_MIN} to {MAX_OFFSET_MIN} (local minus UTC)"
        )
    return value


def to_datetime(ms: int) -> datetime:
    """Exact: timedelta arithmetic, not float seconds, so no millisecond is lost."""
    return EPOCH + timedelta(milliseconds=ms)


def to_ms(when: datetime) -> int:
    return (when - EPOCH) // timedelta(milliseconds=1)


def parse_when(text: Any) -> datetime | None:
    """An ISO 8601 time with an offset, within range, else None (as fsrs writes them)."""
    if not isinstance(text, str):
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.utcoffset() is None or not 0 <= to_ms(when) <= MAX_MS:
        return None
    return when


def local_day(ms: int, offset_min: int) -> int:
    return (ms + offset_min * 60_000) // DAY_MS


def day_start_ms(day: int, offset_min: int) -> int:
    """The UTC time at which local day `day` begins."""
    return day * DAY_MS - offset_min * 60_000


def day_label(day: int) -> str:
    return (EPOCH + timedelta(days=day)).date().isoformat()
