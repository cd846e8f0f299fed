"""Today's session: what the reader did between pressing "Start today's session" and
finishing it, with what the day leaves for tomorrow (dashboard.day_summary).

The session itself (its steps, where the reader is) lives in the page: it is a route
through pages, not study data. Only the summary reads the progress, so it counts what was
really done, whichever page or tab did it.
"""

from __future__ import annotations

from typing import Any

from .bankdata import BankData
from .clock import require_time
from .dashboard import day_summary
from .progress import require_progress
from .state import Progress
from .vocab import GRADES


def session_summary(
    bank: BankData, progress: Progress, since_ms: int, now_ms: int, tz_offset_min: int
) -> dict[str, Any]:
    """Self-grades by grade and quiz answers made from `since_ms` to `now_ms` (both
    included), and the day's summary: streak, due today and tomorrow, new tomorrow."""
    require_progress(progress)
    require_time(since_ms, "since_ms")
    require_time(now_ms, "now_ms")
    grades = dict.fromkeys(GRADES, 0)
    for _, grade, t in progress["reviews"]:
        if since_ms <= t <= now_ms:
            grades[grade] += 1
    answers = [
        c for history in progress["quiz"].values() for t, c in history if since_ms <= t <= now_ms
    ]
    return {
        **day_summary(bank, progress, now_ms, tz_offset_min),
        "reviews": sum(grades.values()),
        "grades": grades,
        "quiz_answers": len(answers),
        "quiz_correct": sum(answers),
    }
