"""Where the reader stands in the study plan, fitted to their interview date.

The plan is the study plan page's four stages (weeks 1-4 there), spread over two, three or
four weeks, whichever is the most that fits before the interview: four weeks out it is the
full plan, ten days out the two-week one, already under way. It ends the day before the
interview. Days are the reader's local calendar days, from `now_ms` and their offset, as
everywhere in the engine; the date itself is a local calendar date, so no time zone is
stored with it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .cards import set_settings
from .clock import local_day, require_offset, require_time
from .errors import EngineError
from .state import Progress
from .validate import is_date
from .vocab import PLAN_MAX_DAYS_AHEAD, PLAN_STAGES, PLAN_WEEKS

EPOCH_DAY = date(1970, 1, 1).toordinal()
DATE_FORMAT = "the interview date must be a date written YYYY-MM-DD"


def day_number(iso: str) -> int:
    """A calendar date as whole days since 1970-01-01, the engine's local day numbers."""
    return date.fromisoformat(iso).toordinal() - EPOCH_DAY


def days_until(interview_date: Any, now_ms: int, tz_offset_min: int) -> int | None:
    """Local days from today to the date (negative once it has passed); None when unset."""
    if interview_date is None:
        return None
    if not is_date(interview_date):
        raise EngineError(DATE_FORMAT)
    today = local_day(require_time(now_ms, "now_ms"), require_offset(tz_offset_min))
    return day_number(interview_date) - today


def plan_weeks(days_left: int) -> int:
    """The longest plan that fits in the days left (the shortest when none fits)."""
    fitting = [w for w in PLAN_WEEKS if w * 7 <= days_left]
    return max(fitting) if fitting else min(PLAN_WEEKS)


def stage_of(day: int, length: int) -> int:
    """The stage (1 to PLAN_STAGES) of plan day `day` (1 to `length`): equal shares."""
    return (day - 1) * PLAN_STAGES // length + 1


def stage_dates(interview_date: str, length: int) -> list[dict[str, Any]]:
    """Each stage's first and last calendar date in a plan of `length` days that ends the
    day before `interview_date`: the study plan's weeks, dated."""
    first_day = date.fromisoformat(interview_date).toordinal() - length
    days: dict[int, list[int]] = {}
    for day in range(1, length + 1):
        days.setdefault(stage_of(day, length), []).append(first_day + day - 1)
    return [
        {
            "stage": stage,
            "from": date.fromordinal(span[0]).isoformat(),
            "to": date.fromordinal(span[-1]).isoformat(),
        }
        for stage, span in sorted(days.items())
    ]


def plan_status(interview_date: Any, now_ms: int, tz_offset_min: int) -> dict[str, Any] | None:
    """None without a date; else the days left and, by state:
    "ahead" (the plan starts in `starts_in` days), "running" (day `day` of `length`, in
    stage `stage` of PLAN_STAGES), "today" (the interview is today) or "past". While the
    plan is ahead or running, `stages` dates each stage (stage_dates)."""
    days_left = days_until(interview_date, now_ms, tz_offset_min)
    if days_left is None:
        return None
    if days_left < 0:
        return {"state": "past", "days_left": days_left}
    if days_left == 0:
        return {"state": "today", "days_left": 0}
    weeks = plan_weeks(days_left)
    length = weeks * 7
    day = length - days_left + 1  # day 1 is `length` days before the interview
    stages = stage_dates(interview_date, length)
    status = {"days_left": days_left, "weeks": weeks, "length": length, "stages": stages}
    if day < 1:
        return {**status, "state": "ahead", "starts_in": 1 - day}
    return {**status, "state": "running", "day": day, "stage": stage_of(day, length)}


def require_interview_date(value: Any, now_ms: int, tz_offset_min: int) -> str | None:
    """A date the reader may set: unset, or today up to PLAN_MAX_DAYS_AHEAD days ahead."""
    ahead = days_until(value, now_ms, tz_offset_min)
    if ahead is None:
        return None
    if ahead < 0:
        raise EngineError(f"the interview date {value} is in the past: give today or a later day")
    if ahead > PLAN_MAX_DAYS_AHEAD:
        raise EngineError(
            f"the interview date {value} is {ahead} days ahead; the plan looks at most "
            f"{PLAN_MAX_DAYS_AHEAD} days ahead"
        )
    return value


PROFILE_KEYS = ("interview_date", "role", "level")


def set_profile(progress: Progress, profile: Any, now_ms: int, tz_offset_min: int) -> Progress:
    """A new progress with the interview the reader prepares for: any of its date, role
    and target level (keys left out keep their value; null unsets a date or role)."""
    if not isinstance(profile, dict) or not set(profile) <= set(PROFILE_KEYS):
        raise EngineError(f"profile must be an object with some of {', '.join(PROFILE_KEYS)}")
    if "interview_date" in profile:
        require_interview_date(profile["interview_date"], now_ms, tz_offset_min)
    return set_settings(progress, profile)
