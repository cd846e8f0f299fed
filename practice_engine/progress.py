"""A reader's progress: the history of every quiz answer, as a versioned plain dict.

The page keeps it in localStorage and hands the raw text back on load. Restoring never
raises: unreadable data yields an empty progress and the reason, so the page can back the
text up, tell the reader, and carry on.
"""

from __future__ import annotations

import json
from typing import Any

PROGRESS_VERSION = 1
MAX_HISTORY = 100  # answers kept per item; older ones add nothing to a study plan


def empty_progress() -> dict[str, Any]:
    return {"version": PROGRESS_VERSION, "quiz": {}}


def _valid_attempt(a: Any) -> bool:
    return (
        isinstance(a, list)
        and len(a) == 2
        and isinstance(a[0], int)
        and not isinstance(a[0], bool)
        and a[0] >= 0
        and a[1] in (0, 1)
        and not isinstance(a[1], bool)
    )


def check_progress(data: Any) -> str | None:
    """None when `data` is a valid progress dict, else the first reason it is not."""
    if not isinstance(data, dict):
        return "stored progress is not an object"
    if data.get("version") != PROGRESS_VERSION:
        return f"stored progress has version {data.get('version')!r}, expected {PROGRESS_VERSION}"
    extra = set(data) - {"version", "quiz"}
    if extra:
        return f"stored progress has unknown keys {sorted(extra)}"
    quiz = data.get("quiz")
    if not isinstance(quiz, dict):
        return "stored progress has no quiz history"
    for item_id, attempts in quiz.items():
        if not isinstance(item_id, str) or not isinstance(attempts, list):
            return f"history of {item_id!r} is not a list"
        if not all(_valid_attempt(a) for a in attempts):
            return f"history of {item_id!r} has a malformed answer"
    return None


def restore_progress(raw: str | None) -> tuple[dict[str, Any], str | None]:
    """Progress from stored text: (progress, None) when valid, (empty, reason) when not.
    Nothing stored is not an error."""
    if raw is None or raw == "":
        return empty_progress(), None
    try:
        data = json.loads(raw)
    except (ValueError, TypeError) as exc:
        return empty_progress(), f"stored progress is not valid JSON ({exc})"
    reason = check_progress(data)
    if reason:
        return empty_progress(), reason
    return data, None


def record(progress: dict[str, Any], item_id: str, correct: bool, now_ms: int) -> dict[str, Any]:
    """A new progress with one more answer for `item_id` (timestamps come from the page)."""
    history = [*progress["quiz"].get(item_id, []), [int(now_ms), int(bool(correct))]]
    return {**progress, "quiz": {**progress["quiz"], item_id: history[-MAX_HISTORY:]}}


def item_stats(progress: dict[str, Any], item_id: str) -> dict[str, int]:
    history = progress["quiz"].get(item_id, [])
    return {
        "attempts": len(history),
        "correct": sum(c for _, c in history),
        "last": history[-1][0] if history else 0,
    }
