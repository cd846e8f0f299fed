"""Mock knowledge rounds: 6 to 8 concept questions for one role and level, asked in order
of increasing depth under a 45-minute clock, self-graded, then scored on the round's
five-step grading spectrum.

Selection. A question fits when its roles include the role and its levels include the
level. When fewer than 6 fit, the round relaxes to the role's questions open to any level
up to the chosen one, and then to all the role's questions (so an L3 AI-engineer round,
with only 5 L3 questions for that role, borrows deeper ones). If even the role has fewer
than 6 questions, the round has as many as there are. A round on the core set (the
default scope) draws from the must-know questions alone, the same way; when they give the
role fewer than 6, it draws from all questions instead. The seeded rng picks the count, then
the questions; the same bank, role, level and seed always give the same round.

Not again. Given the reader's progress, a round draws first from the questions no recorded
round asked (progress.mocks); when fewer are left than the round needs, it takes them all
and fills up with the least recently asked, so the reader goes through the whole pool
before a question comes back.

Order. depth = (the question's lowest level, its type: explain < compare < handle <
walkthrough, its track in the bank's track order); the round never goes down in depth.

Grading and recording. Each grade keeps the seconds its question took. A round is recorded
complete, or partial when ended early or out of time (what was graded counts; see
validate_mocks.py). "Redo the weak ones" (redo_mock) asks the questions graded below
strong hire again, in a round of their own. The scorecard is mock_score.py's; whether a
round is well formed, mock_check.py's.
"""

from __future__ import annotations

import random
from typing import Any

from .bankdata import BankData, Entry
from .cards import require_grade, review
from .clock import is_int, is_time, require_time
from .errors import EngineError
from .mock_check import MOCK_KEYS, QUESTION_KEYS, mock_problem, require_mock, restore_mock
from .mock_score import VERDICTS, scorecard, signal, weak_ids
from .progress import require_progress
from .records import Record, register
from .state import MockQuestion, MockRecord, MockRound, Progress, SavedRound
from .stored_text import parse_stored
from .validate import record_problem, shown
from .validate_mocks import MAX_QUESTION_SECONDS
from .vocab import (
    DEFAULT_SCOPE,
    LEVELS,
    MOCK_CLOCK_SECONDS,
    MOCK_ENDINGS,
    MOCK_QUESTIONS,
    MOCK_VERSION,
    ROLES,
    SAVED_ROUND_VERSION,
    SCOPES,
    TYPE_DEPTH,
    target_seconds,
)

# What callers (api.py, tests) reach through this module, defined in its helpers.
__all__ = ["MOCK_KEYS", "QUESTION_KEYS", "mock_problem", "require_mock", "restore_mock"]
__all__ += ["VERDICTS", "scorecard", "signal", "weak_ids"]

MIN_QUESTIONS, MAX_QUESTIONS = MOCK_QUESTIONS
# A running round as the page saves it between visits: the round, the two clocks as the
# times they started (so a reload neither resets nor pauses them), the probes shown, and
# once the reader said "I'm done", the seconds the answer took (a reload keeps the rubric
# open and the question's clock stopped, rather than timing the answer again).
SAVED_KEYS = ("version", "mock", "started_ms", "question_started_ms", "probes", "done_seconds")


def depth(bank: BankData, entry: Entry) -> tuple[int, int, int]:
    """How deep a question goes; unknown levels, types or tracks sort last."""
    tracks = [t["id"] for t in bank.tracks]
    levels = [LEVELS.index(lv) for lv in entry.levels if lv in LEVELS]
    return (
        min(levels, default=len(LEVELS)),
        TYPE_DEPTH.index(entry.type) if entry.type in TYPE_DEPTH else len(TYPE_DEPTH),
        tracks.index(entry.track) if entry.track in tracks else len(tracks),
    )


def candidates(bank: BankData, role: str, level: str, scope: str) -> list[Entry]:
    """The role's questions at the level, relaxed as the module docstring says. The scope has
    no default here: new_mock's (the core set) is the one a reader meets, and a second
    default would let the two disagree."""
    mine = [e for e in bank.entries if e.kind == "question" and role in e.roles]
    core = [e for e in mine if e.core]
    if scope == "core" and len(core) >= MIN_QUESTIONS:
        mine = core
    upto = set(LEVELS[: LEVELS.index(level) + 1])
    for pool in (
        [e for e in mine if level in e.levels],
        [e for e in mine if upto & set(e.levels)],
    ):
        if len(pool) >= MIN_QUESTIONS:
            return pool
    return mine


def _question(entry: Entry) -> MockQuestion:
    known = entry.type in TYPE_DEPTH
    return {
        "id": entry.id,
        "title": entry.title,
        "url": entry.url,
        "time_target": entry.time_target,
        "target_seconds": target_seconds(entry.type) if known else None,  # type: ignore[arg-type]
        "followups": list(entry.followups),
    }


def _round(role: str, level: str, seed: int, picked: list[Entry]) -> MockRound:
    return {
        "version": MOCK_VERSION,
        "id": f"mock-{seed}",
        "role": role,
        "level": level,
        "seed": seed,
        "clock_seconds": MOCK_CLOCK_SECONDS,
        "questions": [_question(e) for e in picked],
        "grades": [],
        "seconds": [],
        "position": 0,
    }


def last_seen(progress: Progress | None) -> dict[str, int]:
    """question id -> when a recorded round last asked it (its finished_ms)."""
    seen: dict[str, int] = {}
    for m in progress["mocks"] if progress else []:
        for qid in m["questions"]:
            seen[qid] = max(seen.get(qid, m["finished_ms"]), m["finished_ms"])
    return seen


def _draw(rng: random.Random, pool: list[Entry], count: int, seen: dict[str, int]) -> list[Entry]:
    """`count` of the pool, never asked in a recorded round if enough are left; else all of
    those, then the least recently asked. With nothing seen it is
    the draw of the rounds before this rule, so an old seed gives the same round."""
    fresh = [e for e in pool if e.id not in seen]
    if len(fresh) >= count:
        return rng.sample(fresh, count)
    # the seeded rng breaks ties (questions of the same round), so laps mix them up
    stale = sorted((e for e in pool if e.id in seen), key=lambda e: (seen[e.id], rng.random()))
    return [*fresh, *stale[: count - len(fresh)]]


def new_mock(
    bank: BankData,
    role: str,
    level: str,
    seed: int,
    scope: str = DEFAULT_SCOPE,
    progress: Progress | None = None,
) -> MockRound:
    """A fresh mock round (see the module docstring for how it is chosen and ordered).
    Given the reader's `progress`, it asks no question a recorded round asked until the
    pool has run out of others (then the least recently asked come back first)."""
    if scope not in SCOPES:
        raise EngineError(f"scope must be one of {', '.join(SCOPES)}")
    if not isinstance(role, str) or role not in ROLES:
        raise EngineError(f"unknown role {shown(role)}; roles are {', '.join(ROLES)}")
    if not isinstance(level, str) or level not in LEVELS:
        raise EngineError(f"unknown level {shown(level)}; levels are {', '.join(LEVELS)}")
    if not is_int(seed):
        raise EngineError("seed must be an integer")
    if progress is not None:
        require_progress(progress)
    pool = candidates(bank, role, level, scope)
    if not pool:
        raise EngineError(f"the bank has no concept question for the role {role!r}")
    rng = random.Random(seed)
    count = rng.randint(MIN_QUESTIONS, MAX_QUESTIONS)
    picked = _draw(rng, pool, min(count, len(pool)), last_seen(progress))
    order = {e.id: n for n, e in enumerate(bank.entries)}
    picked.sort(key=lambda e: (depth(bank, e), order[e.id]))
    return _round(role, level, seed, picked)


def redo_mock(bank: BankData, mock: MockRound, seed: int) -> MockRound:
    """ "Redo the weak ones": a new round, same role and level, of the questions `mock`
    graded lean hire, no hire or didn't know, in the order they were asked (taken from the
    bank, like a saved round's). Refused when there is none, or the seed repeats the id."""
    require_mock(mock)
    if not is_int(seed):
        raise EngineError("seed must be an integer")
    if f"mock-{seed}" == mock["id"]:
        raise EngineError("the new round needs a seed of its own")
    entries = [bank.entry(qid) for qid in weak_ids(mock)]
    picked = [e for e in entries if e is not None and e.kind == "question"]
    if not picked:
        raise EngineError("this round has no weak question to redo")
    return _round(mock["role"], mock["level"], seed, picked)


def saved_problem(saved: Any) -> str | None:
    """None when `saved` is a running round as the page stores it, else why not. Whether
    its time has run out is the page's call: the engine never reads the clock."""
    why = record_problem(saved, SAVED_KEYS, SAVED_ROUND_VERSION, "the saved round")
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
    done = saved["done_seconds"]
    if done is not None and not (is_int(done) and 0 <= done <= MAX_QUESTION_SECONDS):
        return f"the saved round's answer took {shown(done)} seconds"
    return None


SAVED_ROUND: Record[SavedRound] = register(
    Record("saved_round", saved_problem, stored_as="the saved round")
)


def from_bank(bank: BankData, saved: SavedRound) -> tuple[SavedRound | None, str | None]:
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


def _upgraded_round(data: Any) -> Any:
    """A running round saved by an older guide as now, so a round under way when the guide
    is updated goes on: version 1 had no seconds per grade (kept unknown), version 2 no
    "I'm done" state (the answer still going). Anything else as it is, for the checks."""
    if not (isinstance(data, dict) and is_int(data.get("version"))):
        return data
    if data["version"] == 1:
        data = _with_seconds(data)
    if data.get("version") == 2 and "done_seconds" not in data:
        return {**data, "version": SAVED_ROUND_VERSION, "done_seconds": None}
    return data


def _with_seconds(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 round as version 2: each grade's seconds unknown."""
    mock = data.get("mock")
    if not isinstance(mock, dict):
        return data
    if not (is_int(mock.get("version")) and mock["version"] == 1 and "seconds" not in mock):
        return data
    if not isinstance(mock.get("grades"), list):
        return data
    seconds = [None] * len(mock["grades"])
    upgraded = {**mock, "version": MOCK_VERSION, "seconds": seconds}
    return {**data, "version": 2, "mock": upgraded}


def restore_round(bank: BankData, raw: Any) -> tuple[SavedRound | None, str | None]:
    """A running round from stored text: (saved, None) when it can go on, (None, None) when
    nothing is stored, else (None, reason); never raises, like restore_progress. The round
    is checked as stored, then rebuilt from the bank and checked again (the bank may have
    changed since: fewer probes, say)."""
    parsed = parse_stored(raw, SAVED_ROUND.stored_as)
    if not parsed.present or parsed.reason:
        return None, parsed.reason
    stored, reason = SAVED_ROUND.restore(_upgraded_round(parsed.data))
    if stored is None:
        return None, reason
    saved, problem = from_bank(bank, stored)
    problem = problem or saved_problem(saved)
    return (None, problem) if problem else (saved, None)


def grade_mock(mock: MockRound, grade: str, seconds: int | None = None) -> MockRound:
    """The round with the current question graded, the `seconds` it took kept (None when
    not known), and the next one current."""
    require_mock(mock)
    require_grade(grade)
    if seconds is not None and not (is_int(seconds) and 0 <= seconds <= MAX_QUESTION_SECONDS):
        raise EngineError(f"seconds must be a whole number from 0 to {MAX_QUESTION_SECONDS}")
    if mock["position"] >= len(mock["questions"]):
        raise EngineError("every question of this mock round is graded; see the scorecard")
    return {
        **mock,
        "grades": [*mock["grades"], grade],
        "seconds": [*mock["seconds"], seconds],
        "position": mock["position"] + 1,
    }


def record_mock(
    progress: Progress, mock: MockRound, finished_ms: int, ended: str = "complete"
) -> Progress:
    """A new progress with the round stored and each of its grades reviewed, so a mock
    round feeds the flashcard schedule like any other self-grade. `ended` says how it ended
    (vocab.MOCK_ENDINGS): "complete" needs every question graded; a partial round ("ended"
    early, out of "time") keeps what was graded, at least one question. A round is recorded
    once: recording the same id again is refused rather than counting its grades twice."""
    require_progress(progress)
    require_mock(mock)
    require_time(finished_ms, "finished_ms")
    if not isinstance(ended, str) or ended not in MOCK_ENDINGS:
        raise EngineError(f"ended is {shown(ended)}; it must be one of {', '.join(MOCK_ENDINGS)}")
    graded, total = len(mock["grades"]), len(mock["questions"])
    if ended == "complete" and graded < total:
        raise EngineError("grade every question of the mock round before recording it")
    if ended != "complete" and not 1 <= graded < total:
        raise EngineError("a partial round is recorded with at least one question graded")
    if any(m["id"] == mock["id"] for m in progress["mocks"]):
        raise EngineError(f"the mock round {mock['id']!r} is already recorded")
    ids = [q["id"] for q in mock["questions"]]
    stored: MockRecord = {
        "id": mock["id"],
        "role": mock["role"],
        "level": mock["level"],
        "finished_ms": finished_ms,
        "questions": ids,
        "grades": list(mock["grades"]),
        "signal": signal(mock["grades"]),
        "ended": ended,
        "seconds": list(mock["seconds"]),
    }
    for question_id, grade in zip(ids, mock["grades"], strict=False):
        progress = review(progress, question_id, grade, finished_ms)
    mocks = sorted([*progress["mocks"], stored], key=lambda m: (m["finished_ms"], m["id"]))
    return {**progress, "mocks": mocks}
