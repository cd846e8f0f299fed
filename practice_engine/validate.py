"""Validation of stored state, with messages that say what is wrong and where: the shared
checks every stored record starts with, and progress, part by part.

Progress comes from places the engine does not control (localStorage, an imported file,
the page), so every part is checked before use. Each `*_problem` function returns None
when its input is valid, else one sentence that starts with the path of the bad part,
e.g. "progress.cards['bias-variance'] is not a valid card: missing 'due'". The checks are
strict enough that nothing accepted here can make the scheduler fail later.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

from fsrs import Card

from .clock import MAX_MS, is_int, is_time, parse_when
from .vocab import GRADES, LEVELS, MAX_ANSWER_CHARS, NEW_PER_DAY_RANGE, ROLES, SCHEDULES, SCOPES

# The parts of progress since version 2; version 3 added "exercises" (see progress.py).
PROGRESS_V2_KEYS = ("version", "quiz", "cards", "reviews", "mocks", "settings")
CARD_KEYS = ("card_id", "state", "step", "stability", "difficulty", "due", "last_review")
SETTINGS_V3_KEYS = ("new_per_day", "schedule")  # settings up to progress version 3
SETTINGS_V4_KEYS = (*SETTINGS_V3_KEYS, "level", "keep_answers")  # in version 4
SETTINGS_V6_KEYS = (*SETTINGS_V4_KEYS, "interview_date", "role")  # in versions 5 and 6
SETTINGS_KEYS = (*SETTINGS_V6_KEYS, "scope")
TIME_RULE = "a whole number of milliseconds from 1970 to 9000"


def shown(value: Any) -> str:
    """A value as it appears in a message: its repr, cut short so junk cannot flood one."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def keys_reason(data: dict[str, Any], expected: tuple[str, ...]) -> str | None:
    """Missing keys first (the likelier mistake), then unknown ones."""
    missing = [k for k in expected if k not in data]
    if missing:
        return f"missing {missing[0]!r}"
    extra = sorted(str(k) for k in data if k not in expected)
    return f"unknown keys {shown(extra)}" if extra else None


def record_problem(data: Any, keys: tuple[str, ...], version: int, what: str) -> str | None:
    """The checks every stored record starts with: an object, exactly `keys`, and the
    version this engine writes. `what` names the record, e.g. "the mock round"."""
    if not isinstance(data, dict):
        return f"{what} is not an object"
    why = keys_reason(data, keys)
    if why:
        return f"{what} has {why}"
    if not is_int(data["version"]) or data["version"] != version:
        return f"{what} has version {shown(data['version'])}, expected {version}"
    return None


def keys_problem(data: dict[str, Any], expected: tuple[str, ...], where: str) -> str | None:
    reason = keys_reason(data, expected)
    if reason is None:
        return None
    return f"{where} is {reason}" if reason.startswith("missing") else f"{where} has {reason}"


def object_problem(data: Any, expected: tuple[str, ...], where: str) -> str | None:
    """A part of progress is an object with exactly the `expected` keys before its fields
    are read."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    return keys_problem(data, expected, where)


def _valid_attempt(a: Any) -> bool:
    # type() rather than is_int: a year holds thousands of answers, checked by every op.
    return (
        type(a) is list
        and len(a) == 2
        and type(a[0]) is int
        and 0 <= a[0] <= MAX_MS
        and (type(a[1]) is int and a[1] in (0, 1))
    )


def _by_id_problem(
    data: Any, where: str, names: tuple[str, str, str], each: Callable[[Any, str], str | None]
) -> str | None:
    """An object keyed by id: every id non-empty, every value as `each` wants it. `names`
    words the messages: (the values, one value, its id), e.g. ("cards", "card", "question id")."""
    values, value, key = names
    if not isinstance(data, dict):
        return f"{where} is not an object of {values}"
    for name, item in data.items():
        if not name:
            return f"{where} has a {value} with an empty {key}"
        problem = each(item, f"{where}[{name!r}]")
        if problem:
            return problem
    return None


def _history_problem(attempts: Any, where: str) -> str | None:
    if not isinstance(attempts, list):
        return f"{where} is not a list of answers"
    for n, attempt in enumerate(attempts):
        if not _valid_attempt(attempt):
            return (
                f"{where}[{n}] is a malformed answer: expected "
                f"[time, 0 or 1] with the time {TIME_RULE}"
            )
    return None


def quiz_problem(quiz: Any, where: str) -> str | None:
    names = ("quiz histories", "history", "item id")
    return _by_id_problem(quiz, where, names, _history_problem)


def _number_problem(value: Any, name: str, low: float, high: float) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if value is None or (ok and math.isfinite(value) and low <= value <= high):
        return None
    return f"{name!r} must be null or a number from {low:g} to {high:g}"


def _card_fields_problem(card: dict[str, Any]) -> str | None:
    """The type of every field, then the combinations fsrs relies on (its asserts)."""
    if not is_int(card["card_id"]):
        return "'card_id' must be a whole number"
    if not is_int(card["state"]) or card["state"] not in (1, 2, 3):
        return "'state' must be 1 (learning), 2 (review) or 3 (relearning)"
    step = card["step"]
    if step is not None and not (is_int(step) and 0 <= step <= 100):
        return "'step' must be null or a whole number from 0 to 100"
    problem = _number_problem(card["stability"], "stability", 0.001, 1e6)
    problem = problem or _number_problem(card["difficulty"], "difficulty", 1, 10)
    if problem:
        return problem
    if parse_when(card["due"]) is None:
        return "'due' must be an ISO 8601 time with a UTC offset, from 1970 to 9000"
    if card["last_review"] is not None and parse_when(card["last_review"]) is None:
        return "'last_review' must be null or an ISO 8601 time with a UTC offset"
    if card["state"] != 1 and (card["stability"] is None or card["difficulty"] is None):
        return "a card in review or relearning needs 'stability' and 'difficulty'"
    if card["state"] != 2 and step is None:
        return "a card in learning or relearning needs a 'step'"
    return None


def card_problem(card: Any, where: str) -> str | None:
    if not isinstance(card, dict):
        return f"{where} is not a valid card: not an object"
    why = keys_reason(card, CARD_KEYS) or _card_fields_problem(card)
    if why is None:
        try:
            Card.from_dict(card)  # type: ignore[arg-type]
        except (ValueError, TypeError, KeyError) as exc:
            why = f"fsrs cannot read it ({exc})"
    return f"{where} is not a valid card: {why}" if why else None


def cards_problem(cards: Any, where: str) -> str | None:
    return _by_id_problem(cards, where, ("cards", "card", "question id"), card_problem)


def review_problem(review: Any, where: str) -> str | None:
    if not isinstance(review, list) or len(review) != 3:
        return f"{where} is not a [question id, grade, time] review"
    question_id, grade, t = review
    if not isinstance(question_id, str) or not question_id:
        return f"{where} has no question id"
    if not isinstance(grade, str) or grade not in GRADES:
        return f"{where} has unknown grade {shown(grade)}; grades are {', '.join(GRADES)}"
    if not is_time(t):
        return f"{where} has a bad time {shown(t)}: it must be {TIME_RULE}"
    return None


def _review_ok(review: Any) -> bool:
    """review_problem's rules as one cheap test (JSON gives plain ints, never bool)."""
    return (
        type(review) is list
        and len(review) == 3
        and type(review[0]) is str
        and review[0] != ""
        and type(review[1]) is str
        and review[1] in GRADES
        and type(review[2]) is int
        and 0 <= review[2] <= MAX_MS
    )


def reviews_problem(reviews: Any, where: str) -> str | None:
    """Every review well formed, and in time order (the engine always writes them so).
    A year holds thousands of reviews and every op checks them, so each is tested cheaply
    first; the message (and its place in the list) is only made for a bad one."""
    if not isinstance(reviews, list):
        return f"{where} is not a list of reviews"
    for n, review in enumerate(reviews):
        if not _review_ok(review):
            return review_problem(review, f"{where}[{n}]") or f"{where}[{n}] is malformed"
        if n and review[2] < reviews[n - 1][2]:
            return (
                f"{where}[{n}] is earlier than the review before it; reviews must be in time order"
            )
    return None


def settings_problem(
    settings: Any, where: str, keys: tuple[str, ...] = SETTINGS_KEYS
) -> str | None:
    """Settings with exactly `keys` (SETTINGS_V3_KEYS for a progress before version 4)."""
    problem = object_problem(settings, keys, where)
    if problem:
        return problem
    low, high = NEW_PER_DAY_RANGE
    n = settings["new_per_day"]
    if not is_int(n) or not low <= n <= high:
        return f"{where}.new_per_day must be a whole number from {low} to {high}, not {shown(n)}"
    if not isinstance(settings["schedule"], str) or settings["schedule"] not in SCHEDULES:
        return f"{where}.schedule must be one of {', '.join(SCHEDULES)}"
    if "level" in keys and (
        not isinstance(settings["level"], str) or settings["level"] not in LEVELS
    ):
        return f"{where}.level must be one of {', '.join(LEVELS)}"
    if "keep_answers" in keys and not isinstance(settings["keep_answers"], bool):
        return f"{where}.keep_answers must be true or false"
    if "interview_date" in keys and not (
        settings["interview_date"] is None or is_date(settings["interview_date"])
    ):
        return f"{where}.interview_date must be a date written YYYY-MM-DD, or null"
    if "role" in keys and not (settings["role"] is None or settings["role"] in ROLES):
        return f"{where}.role must be one of {', '.join(ROLES)}, or null"
    if "scope" in keys and settings["scope"] not in SCOPES:
        return f"{where}.scope must be one of {', '.join(SCOPES)}"
    return None


def is_date(value: Any) -> bool:
    """A calendar date written exactly YYYY-MM-DD (fromisoformat alone accepts more forms)."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def answers_problem(answers: Any, where: str, keep: bool) -> str | None:
    """The typed answers kept by request: question id -> {"text", "t_ms"}. None may be
    kept unless the settings say so: a progress with answers and keep_answers off was not
    written by this guide, and accepting it would keep text the reader asked us not to."""
    if not isinstance(answers, dict):
        return f"{where} is not an object"
    if answers and not keep:
        return f"{where} holds answers, but settings.keep_answers is false"
    for qid, answer in answers.items():
        at = f"{where}[{shown(qid)}]"
        if not isinstance(qid, str) or not qid:
            return f"{where} has an empty question id"
        if not isinstance(answer, dict):
            return f"{at} is not an object"
        problem = keys_problem(answer, ("text", "t_ms"), at)
        if problem:
            return problem
        text = answer["text"]
        if not isinstance(text, str) or not text.strip():
            return f"{at}.text must be a non-empty string"
        if len(text) > MAX_ANSWER_CHARS:
            return f"{at}.text is {len(text)} characters long; at most {MAX_ANSWER_CHARS}"
        if not is_time(answer["t_ms"]):
            return f"{at}.t_ms must be {TIME_RULE}"
    return None


def progress_v1_problem(data: Any, where: str) -> str | None:
    """A version-1 progress: only the quiz history existed then."""
    if not isinstance(data, dict):
        return f"{where} is not an object"
    if not is_int(data.get("version")) or data["version"] != 1:
        return f"{where}.version is {shown(data.get('version'))}, expected 1"
    return keys_problem(data, ("version", "quiz"), where) or quiz_problem(
        data["quiz"], f"{where}.quiz"
    )


def progress_parts_problem(
    data: dict[str, Any],
    where: str,
    keys: tuple[str, ...],
    settings_keys: tuple[str, ...] = SETTINGS_V3_KEYS,
    mocks_current: bool = False,
) -> str | None:
    """Exactly `keys`, and the parts every progress since version 2 has, part by part,
    stopping at the first problem (the version is the caller's to check). Mock records
    gained how the round ended and the time per question in version 6: `mocks_current`."""
    from .validate_mocks import mocks_problem  # it imports this module's helpers

    return (
        keys_problem(data, keys, where)
        or quiz_problem(data["quiz"], f"{where}.quiz")
        or cards_problem(data["cards"], f"{where}.cards")
        or reviews_problem(data["reviews"], f"{where}.reviews")
        or mocks_problem(data["mocks"], f"{where}.mocks", mocks_current)
        or settings_problem(data["settings"], f"{where}.settings", settings_keys)
    )
