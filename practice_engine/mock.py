"""Mock knowledge rounds: 6 to 8 concept questions for one role and level, asked in order
of increasing depth under a 45-minute clock, self-graded, then scored on the round's
five-step grading spectrum.

Selection. A question fits when its roles include the role and its levels include the
level. When fewer than 6 fit, the round relaxes to the role's questions open to any level
up to the chosen one, and then to all the role's questions (so an L3 AI-engineer round,
with only 5 L3 questions for that role, borrows deeper ones). If even the role has fewer
than 6 questions, the round has as many as there are. The seeded rng picks the count, then
the questions; the same bank, role, level and seed always give the same round.

Order. depth = (the question's lowest level, its type: explain < compare < handle <
walkthrough, its track in the bank's track order); the round never goes down in depth.
"""

from __future__ import annotations

import random
import re
from typing import Any

from .bankdata import BankData, Entry
from .cards import require_grade, review
from .checks import keys_reason, parse_stored, record_problem, shown
from .clock import is_int, is_time, require_time
from .progress import require_progress
from .quiz import QuizError
from .vocab import GRADE_LABELS, GRADE_STEPS, LEVELS, ROLES, SIGNAL_LABELS

MOCK_VERSION = 1
CLOCK_SECONDS = 45 * 60
MIN_QUESTIONS, MAX_QUESTIONS = 6, 8
TYPE_RANK = {"explain": 0, "compare": 1, "handle": 2, "walkthrough": 3}
MOCK_KEYS = ("version", "id", "role", "level", "seed", "clock_seconds")
MOCK_KEYS += ("questions", "grades", "position")
QUESTION_KEYS = ("id", "title", "url", "time_target", "target_seconds", "followups")
# A running round as the page saves it between visits: the round, the two clocks as the
# times they started (so a reload neither resets nor pauses them) and the probes shown.
SAVED_VERSION = 1
SAVED_KEYS = ("version", "mock", "started_ms", "question_started_ms", "probes")


def target_seconds(time_target: str | None) -> int | None:
    """The upper bound of a time target in seconds: "2-3 min" -> 180, "5 min" -> 300."""
    found = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+))?\s*min\s*", time_target or "")
    if not found:
        return None
    return int(found.group(2) or found.group(1)) * 60


def depth(bank: BankData, entry: Entry) -> tuple[int, int, int]:
    """How deep a question goes; unknown levels, types or tracks sort last."""
    tracks = [t["id"] for t in bank.tracks]
    levels = [LEVELS.index(lv) for lv in entry.levels if lv in LEVELS]
    return (
        min(levels, default=len(LEVELS)),
        TYPE_RANK.get(entry.type or "", len(TYPE_RANK)),
        tracks.index(entry.track) if entry.track in tracks else len(tracks),
    )


def candidates(bank: BankData, role: str, level: str) -> list[Entry]:
    """The role's questions at the level, relaxed as the module docstring says."""
    mine = [e for e in bank.entries if e.kind == "question" and role in e.roles]
    upto = set(LEVELS[: LEVELS.index(level) + 1])
    for pool in (
        [e for e in mine if level in e.levels],
        [e for e in mine if upto & set(e.levels)],
    ):
        if len(pool) >= MIN_QUESTIONS:
            return pool
    return mine


def _question(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "title": entry.title,
        "url": entry.url,
        "time_target": entry.time_target,
        "target_seconds": target_seconds(entry.time_target),
        "followups": list(entry.followups),
    }


def new_mock(bank: BankData, role: str, level: str, seed: int) -> dict[str, Any]:
    """A fresh mock round (see the module docstring for how it is chosen and ordered)."""
    if not isinstance(role, str) or role not in ROLES:
        raise QuizError(f"unknown role {shown(role)}; roles are {', '.join(ROLES)}")
    if not isinstance(level, str) or level not in LEVELS:
        raise QuizError(f"unknown level {shown(level)}; levels are {', '.join(LEVELS)}")
    if not is_int(seed):
        raise QuizError("seed must be an integer")
    pool = candidates(bank, role, level)
    if not pool:
        raise QuizError(f"the bank has no concept question for the role {role!r}")
    rng = random.Random(seed)
    count = rng.randint(MIN_QUESTIONS, MAX_QUESTIONS)
    picked = rng.sample(pool, min(count, len(pool)))
    order = {e.id: n for n, e in enumerate(bank.entries)}
    picked.sort(key=lambda e: (depth(bank, e), order[e.id]))
    return {
        "version": MOCK_VERSION,
        "id": f"mock-{seed}",
        "role": role,
        "level": level,
        "seed": seed,
        "clock_seconds": CLOCK_SECONDS,
        "questions": [_question(e) for e in picked],
        "grades": [],
        "position": 0,
    }


def _question_problem(q: Any) -> str | None:
    if not isinstance(q, dict):
        return "a question is not an object"
    why = keys_reason(q, QUESTION_KEYS)
    if why:
        return f"a question has {why}"
    if not all(isinstance(q[k], str) and q[k] for k in ("id", "title", "url")):
        return "a question needs a non-empty id, title and url"
    if not (q["time_target"] is None or isinstance(q["time_target"], str)):
        return "a question's time_target must be text or null"
    if not (q["target_seconds"] is None or is_int(q["target_seconds"])):
        return "a question's target_seconds must be a whole number or null"
    if not isinstance(q["followups"], list) or not all(isinstance(f, str) for f in q["followups"]):
        return "a question's followups must be a list of text"
    return None


def mock_problem(mock: Any) -> str | None:
    """None when `mock` is a round this engine made (possibly part-way), else why not."""
    why = record_problem(mock, MOCK_KEYS, MOCK_VERSION, "the mock round")
    if why:
        return why
    if mock["role"] not in ROLES or mock["level"] not in LEVELS or not is_int(mock["seed"]):
        return "the mock round has an unknown role or level, or a bad seed"
    if mock["id"] != f"mock-{mock['seed']}" or not is_int(mock["clock_seconds"]):
        return "the mock round's id or clock does not match its seed"
    qs, grades = mock["questions"], mock["grades"]
    if not isinstance(qs, list) or not qs:
        return "the mock round has no questions"
    problem = next(filter(None, map(_question_problem, qs)), None)
    if problem:
        return f"in the mock round, {problem}"
    if len({q["id"] for q in qs}) != len(qs):
        return "the mock round repeats a question"
    if not isinstance(grades, list) or not all(
        isinstance(g, str) and g in GRADE_STEPS for g in grades
    ):
        return "the mock round has an unknown grade"
    if len(grades) > len(qs) or not is_int(mock["position"]) or mock["position"] != len(grades):
        return "the mock round's position does not match its grades"
    return None


def require_mock(mock: Any) -> dict[str, Any]:
    problem = mock_problem(mock)
    if problem:
        raise QuizError(problem)
    return mock


def restore_mock(mock: Any) -> tuple[dict[str, Any] | None, str | None]:
    """(mock, None) when a saved round can go on, else (None, reason); never raises."""
    problem = mock_problem(mock)
    return (None, problem) if problem else (mock, None)


def saved_problem(saved: Any) -> str | None:
    """None when `saved` is a running round as the page stores it, else why not. Whether
    its time has run out is the page's call: the engine never reads the clock."""
    why = record_problem(saved, SAVED_KEYS, SAVED_VERSION, "the saved round")
    if why:
        return why
    found, problem = restore_mock(saved["mock"])
    if found is None:
        return problem
    started, asked = saved["started_ms"], saved["question_started_ms"]
    if not (is_time(started) and is_time(asked) and started <= asked):
        return "the saved round's clocks are not times, or its question began before the round"
    qs, position = found["questions"], found["position"]
    followups = qs[position]["followups"] if position < len(qs) else []
    if not is_int(saved["probes"]) or not 0 <= saved["probes"] <= len(followups):
        return f"the saved round shows {shown(saved['probes'])} probes of {len(followups)}"
    return None


def from_bank(bank: BankData, saved: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """The saved round with every question's title, link, time target and probes taken
    from the bank, never from storage: stored text must not become a link (a saved url of
    "javascript:..." would otherwise be one). (None, reason) when the round asks a question
    this bank does not have as a concept question."""
    questions = []
    for q in saved["mock"]["questions"]:
        entry = bank.entry(q["id"])
        if entry is None or entry.kind != "question":
            return None, f"the saved round asks {shown(q['id'])}, which this guide does not have"
        questions.append(_question(entry))
    return {**saved, "mock": {**saved["mock"], "questions": questions}}, None


def restore_round(bank: BankData, raw: Any) -> tuple[dict[str, Any] | None, str | None]:
    """A running round from stored text: (saved, None) when it can go on, (None, None) when
    nothing is stored, else (None, reason); never raises, like restore_progress. The round
    is checked as stored, then rebuilt from the bank and checked again (the bank may have
    changed since: fewer probes, say)."""
    stored = parse_stored(raw, "the saved round")
    if not stored.present or stored.reason:
        return None, stored.reason
    problem = saved_problem(stored.data)
    if problem:
        return None, problem
    saved, problem = from_bank(bank, stored.data)
    problem = problem or saved_problem(saved)
    return (None, problem) if problem else (saved, None)


def grade_mock(mock: dict[str, Any], grade: str) -> dict[str, Any]:
    """The round with the current question graded and the next one current."""
    require_mock(mock)
    require_grade(grade)
    if mock["position"] >= len(mock["questions"]):
        raise QuizError("every question of this mock round is graded; see the scorecard")
    return {**mock, "grades": [*mock["grades"], grade], "position": mock["position"] + 1}


def signal(grades: list[str]) -> int:
    """The round's signal on the five-step spectrum (1 can define it, 2 can explain the
    intuition, 3 knows when to use it and when not, 4 can discuss trade-offs and
    alternatives, 5 can teach the interviewer something new). Each grade is a step:
    strong_hire 4, lean_hire 3, no_hire 2, didnt_know 1. The signal is their mean rounded
    half up ((2*sum + n) // (2*n), exact in integers); 5 is given only, and always, when
    every grade is strong_hire: a self-grade cannot show more than trade-offs, so only a
    flawless round earns "teach the interviewer"."""
    if not grades:
        raise QuizError("grade at least one question first")
    if all(g == "strong_hire" for g in grades):
        return 5
    total, n = sum(GRADE_STEPS[g] for g in grades), len(grades)
    return (2 * total + n) // (2 * n)


VERDICTS: dict[int, str] = {
    1: "Most candidates stop at 1 or 2; next, say when you would use each idea and when not.",
    2: "Most candidates stop at 1 or 2; next, say when you would use each idea and when not.",
    3: "A strong hire reaches 3 to 4 consistently; take the weaker answers to trade-offs.",
    4: "A strong hire reaches 3 to 4 consistently, and this round did.",
    5: "Every answer was a strong hire; now practise the follow-ups under a real interviewer.",
}


def _summary(grades: list[str], total: int, value: int) -> str:
    """One paragraph for the scorecard: the counts, the signal and what it means."""
    counts = [f"{grades.count(g)} {GRADE_LABELS[g].lower()}" for g in GRADE_STEPS if g in grades]
    return (
        f"{len(grades)} of {total} questions graded ({', '.join(counts)}). Overall signal "
        f"{value} of 5: {SIGNAL_LABELS[value].lower()}. {VERDICTS[value]}"
    )


def scorecard(mock: dict[str, Any]) -> dict[str, Any]:
    """Every question with its grade (None if not reached) and the round's signal."""
    require_mock(mock)
    grades = mock["grades"]
    value = signal(grades)
    rows = [
        {"id": q["id"], "title": q["title"], "grade": grades[n] if n < len(grades) else None}
        for n, q in enumerate(mock["questions"])
    ]
    return {
        "rows": rows,
        "signal": value,
        "signal_label": SIGNAL_LABELS[value],
        "summary": _summary(grades, len(mock["questions"]), value),
    }


def record_mock(progress: dict[str, Any], mock: dict[str, Any], finished_ms: int) -> dict[str, Any]:
    """A new progress with a finished round stored and each of its grades reviewed, so a mock
    round feeds the flashcard schedule like any other self-grade. A round is recorded once:
    recording the same id again is refused rather than counting its grades twice."""
    require_progress(progress)
    require_mock(mock)
    require_time(finished_ms, "finished_ms")
    if mock["position"] < len(mock["questions"]):
        raise QuizError("grade every question of the mock round before recording it")
    if any(m["id"] == mock["id"] for m in progress["mocks"]):
        raise QuizError(f"the mock round {mock['id']!r} is already recorded")
    ids = [q["id"] for q in mock["questions"]]
    stored = {
        "id": mock["id"],
        "role": mock["role"],
        "level": mock["level"],
        "finished_ms": finished_ms,
        "questions": ids,
        "grades": list(mock["grades"]),
        "signal": signal(mock["grades"]),
    }
    for question_id, grade in zip(ids, mock["grades"], strict=True):
        progress = review(progress, question_id, grade, finished_ms)
    mocks = sorted([*progress["mocks"], stored], key=lambda m: (m["finished_ms"], m["id"]))
    return {**progress, "mocks": mocks}
