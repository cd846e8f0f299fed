"""The one entry point the browser worker calls: `dispatch(op, args_json) -> result_json`.

Only strings cross between JavaScript and Python, so every message is JSON and no JS
object is ever held by Python. Errors come back as `{"ok": false, "error": ...}` with a
sentence a reader can understand; dispatch itself never raises. Ops that need the bank use
the one loaded by `load_bank`; every other argument is a keyword from the JSON object.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import import_module
from typing import Any

from . import cards, feedback_files, progress, quiz, session_state, sync, vocab
from .bankdata import BankData, parse_bank
from .errors import EngineError
from .state import MockRound, Progress, QuizSession
from .validate import shown

_state: dict[str, BankData] = {}


# What a quiz page needs (the quiz, progress, flashcards' due times) is imported with this
# module; the rest (mock rounds, exercises and the code runner, the dashboard, plan,
# import/export, the indexes) on the first call that needs it. Importing all of it cost a
# first visit about 0.2 s of quiz-ready time in the browser, where Python compiles each
# module from source (#20). The build's memory snapshot imports every module anyway
# (macros/publish/snapshot.py), so a restored worker has them all.
def _module(name: str) -> Any:
    return import_module(f"{__package__}.{name}")


def _later(module: str, name: str) -> Callable[..., Any]:
    """`module.name`, imported on its first call. It keeps the module's name, so the set
    of ops that run the reader's code can still be checked against the runner's."""

    def call(**kwargs: Any) -> Any:
        return getattr(_module(module), name)(**kwargs)

    call.__module__ = f"{__package__}.{module}"
    call.__name__ = call.__qualname__ = name
    return call


def _bank() -> BankData:
    if "bank" not in _state:
        raise EngineError("the question bank is not loaded yet")
    return _state["bank"]


def _load_bank(text: str) -> dict[str, Any]:
    bank = parse_bank(json.loads(text))
    _state["bank"] = bank
    feedback_files.reset()
    return {"entries": len(bank.entries), "items": len(bank.items)}


def _grade(session: Any, chosen: list[int]) -> dict[str, Any]:
    new, feedback = quiz.grade(_bank(), session, chosen)
    return {"session": new, "feedback": feedback}


def _retry_session(session: Any, seed: int) -> QuizSession:
    """A quiz of the misses of `session`, which must be a session that fits the bank."""
    checked, reason = session_state.restore_session(_bank(), session)
    if checked is None:
        raise EngineError(reason or "not a quiz session")
    return quiz.retry_session(_bank(), checked, seed)


def _restore_session(data: Any) -> dict[str, Any]:
    session, reason = session_state.restore_session(_bank(), data)
    return {"session": session, "reason": reason}


def _restore_saved_session(raw: Any) -> dict[str, Any]:
    """The quiz session a page stored, or None; `reason` says why a stored one is unusable,
    `newer` the version when a newer copy of the guide wrote it (then leave it alone)."""
    newer = sync.newer_version(raw, vocab.SESSION_VERSION)
    session, reason = session_state.restore_saved_session(_bank(), raw)
    return {"session": session, "reason": reason, "newer": newer}


def _restore_progress(raw: str | None) -> dict[str, Any]:
    """`newer` is set when a newer copy of the guide wrote the progress: the page must
    neither back it up and start empty nor write over it."""
    state, reason = progress.restore_progress(raw)
    newer = sync.newer_version(raw, vocab.PROGRESS_VERSION)
    return {"progress": state, "reason": reason, "newer": newer}


def _review(progress: Progress, question_id: str, grade: str, now_ms: int) -> Progress:
    """Only the bank's flashcards (questions, short answers, problems) can be graded."""
    if cards.require_question_id(question_id) not in cards.question_ids(_bank()):
        raise EngineError(f"{shown(question_id)} is not a flashcard of the bank")
    return cards.review(progress, question_id, grade, now_ms)


def _record_mock(
    progress: Progress, mock: MockRound, finished_ms: int, ended: str = "complete"
) -> Progress:
    """A round recorded from the page must ask only this bank's concept questions, since
    each of its grades becomes a flashcard review."""
    from .mock import record_mock, require_mock

    known = set(cards.concept_ids(_bank()))
    stray = [q["id"] for q in require_mock(mock)["questions"] if q["id"] not in known]
    if stray:
        raise EngineError(f"{shown(stray[0])} is not a concept question of the bank")
    return record_mock(progress, mock, finished_ms, ended)


def _redo_mock(mock: MockRound, seed: int) -> MockRound:
    from .mock import redo_mock

    return redo_mock(_bank(), mock, seed)


def _restore_mock(mock: Any) -> dict[str, Any]:
    from .mock import restore_mock

    found, reason = restore_mock(mock)
    return {"mock": found, "reason": reason}


def _restore_round(raw: Any) -> dict[str, Any]:
    """The running round the page saved, or None; `reason` says why a stored one is
    unusable, `newer` the version when a newer copy of the guide wrote it."""
    from .mock import restore_round

    newer = sync.newer_version(raw, vocab.SAVED_ROUND_VERSION)
    saved, reason = restore_round(_bank(), raw)
    return {"round": saved, "reason": reason, "newer": newer}


def _merge_round(stored: Any, mine: Any, clearing: Any = None) -> dict[str, Any]:
    from .mock import restore_round

    restore = lambda raw: restore_round(_bank(), raw)  # noqa: E731
    return sync.merge_slot(
        sync.ROUND_SLOT, restore, stored, mine, clearing, vocab.SAVED_ROUND_VERSION
    )


def _merge_session(stored: Any, mine: Any, clearing: Any = None) -> dict[str, Any]:
    restore = lambda raw: session_state.restore_saved_session(_bank(), raw)  # noqa: E731
    return sync.merge_slot(
        sync.SESSION_SLOT, restore, stored, mine, clearing, vocab.SESSION_VERSION
    )


def _feedback(question_id: str, level: str, text: str) -> dict[str, Any]:
    """Key points hit, missed or not expected at `level`, and traps asserted, for a typed
    answer to one of the bank's concept questions. Imported on first use, so pages that
    never ask for feedback do not pay for the stemmer."""
    from . import feedback as answer_feedback

    entry = _bank().entry(question_id) if isinstance(question_id, str) else None
    if entry is None or entry.kind != "question":
        raise EngineError(f"{shown(question_id)} is not a concept question of the bank")
    block = feedback_files.block_for(_bank(), question_id)
    lexicon = feedback_files.lexicon(_bank())
    return answer_feedback.feedback(block, question_id, level, text, lexicon)


def _keep_answer(progress: Progress, question_id: str, text: str, now_ms: int) -> Progress:
    """Only answers to the bank's flashcards are kept (and only when asked to)."""
    if cards.require_question_id(question_id) not in cards.question_ids(_bank()):
        raise EngineError(f"{shown(question_id)} is not a flashcard of the bank")
    from .answers import keep_answer

    return keep_answer(progress, question_id, text, now_ms)


def _constants() -> dict[str, Any]:
    """The words and numbers of the vocabulary the widgets show once Python is up, so the
    page shows the engine's own instead of copying them. (What a page needs before Python
    starts, the build writes into its HTML from the same module.)"""
    return {
        "grades": [{"id": g, "label": vocab.GRADE_LABELS[g]} for g in vocab.GRADES],
        "signal_labels": {str(k): v for k, v in vocab.SIGNAL_LABELS.items()},
        "new_per_day_range": list(vocab.NEW_PER_DAY_RANGE),
        "mock_clock_seconds": vocab.MOCK_CLOCK_SECONDS,
        "mock_endings": list(vocab.MOCK_ENDINGS),
        "check_kinds": list(vocab.CHECK_KINDS),
        "exercise_statuses": list(vocab.EXERCISE_STATUSES),
        "exercise_events": list(vocab.EXERCISE_EVENTS),
        "solution_after_fails": vocab.SOLUTION_AFTER_FAILS,
        "max_draft_chars": vocab.MAX_DRAFT_CHARS,
        "levels": list(vocab.LEVELS),
        "max_answer_chars": vocab.MAX_ANSWER_CHARS,
        "scopes": [{"id": s, "label": vocab.SCOPE_LABELS[s]} for s in vocab.SCOPES],
        "default_scope": vocab.DEFAULT_SCOPE,
        "browse_scope": vocab.BROWSE_SCOPE,
    }


def _exercise_constraints(code: Any, forbid: Any) -> dict[str, Any]:
    """The forbidden names the reader's code uses, without running it (the editor can show
    them as the reader types)."""
    from . import constraints

    if not isinstance(code, str):
        raise EngineError("code must be the text of the reader's code")
    return {"violations": constraints.violations(code, constraints.require_rules(forbid))}


OPS: dict[str, Callable[..., Any]] = {
    "load_bank": _load_bank,
    "constants": _constants,
    # quiz
    "new_session": lambda filters, seed: quiz.new_session(_bank(), filters, seed),
    "view": lambda session: quiz.view(_bank(), session),
    "grade": _grade,
    "advance": quiz.advance,
    "finished": quiz.finished,
    "score": lambda session: quiz.score(_bank(), session),
    "quiz_counts": lambda filters: quiz.filter_counts(_bank(), filters),
    "retry_session": _retry_session,
    "restore_session": _restore_session,
    "restore_saved_session": _restore_saved_session,
    "merge_session": _merge_session,
    # progress
    "restore_progress": _restore_progress,
    "record": progress.record,
    "item_stats": progress.item_stats,
    "merge_progress": sync.merge_progress,
    # flashcards
    "review": _review,
    "queue": lambda progress, now_ms, tz_offset_min: cards.queue(
        _bank(), progress, now_ms, tz_offset_min
    ),
    "due_times": lambda progress, tz_offset_min: cards.due_times(_bank(), progress, tz_offset_min),
    "add_to_deck": lambda progress, ids, now_ms: _module("deck").add_to_deck(
        _bank(), progress, ids, now_ms
    ),
    "card_info": cards.card_info,
    "preview": cards.preview,
    "set_settings": cards.set_settings,
    "set_profile": _later("plan", "set_profile"),
    # the study plan's dates alone (the dashboard holds them too, among much else)
    "plan": lambda progress, now_ms, tz_offset_min: _module("plan").plan_status(
        progress["settings"]["interview_date"], now_ms, tz_offset_min
    ),
    # mock rounds
    "new_mock": lambda role, level, seed, scope=vocab.DEFAULT_SCOPE, progress=None: _module(
        "mock"
    ).new_mock(_bank(), role, level, seed, scope, progress),
    "grade_mock": _later("mock", "grade_mock"),
    "redo_mock": _redo_mock,
    "scorecard": _later("mock", "scorecard"),
    "record_mock": _record_mock,
    "restore_mock": _restore_mock,
    "restore_round": _restore_round,
    "merge_round": _merge_round,
    # dashboard, export and import
    "dashboard": lambda progress, now_ms, tz_offset_min, exercises=None: _module(
        "dashboard"
    ).dashboard(_bank(), progress, now_ms, tz_offset_min, exercises),
    "day_summary": lambda progress, now_ms, tz_offset_min: _module("dashboard").day_summary(
        _bank(), progress, now_ms, tz_offset_min
    ),
    "session_summary": lambda progress, since_ms, now_ms, tz_offset_min: _module(
        "today"
    ).session_summary(_bank(), progress, since_ms, now_ms, tz_offset_min),
    "export_file": _later("transfer", "export_file"),
    "read_import": _later("transfer", "read_import"),
    "read_backup": _later("transfer", "read_backup"),
    "preview_import": lambda current, incoming, mode: _module("transfer").preview_import(
        _bank(), current, incoming, mode
    ),
    "apply_import": _later("transfer", "apply_import"),
    # answer feedback
    "feedback": _feedback,
    "load_feedback": feedback_files.load,  # a question's feedback file, or the lexicon
    "keep_answer": _keep_answer,
    # coding exercises: the runs answer with a report whatever the reader's code does (the
    # ones that run the reader's code are listed in USER_CODE_OPS below)
    "run_code": _later("runner", "run_code"),
    "check_code": _later("runner", "check_code"),
    "run_exercise": _later("runner", "run_exercise"),
    "check_exercise": _later("runner", "check_exercise"),
    "measure_complexity": _later("runner", "measure_complexity"),
    "exercise_constraints": _exercise_constraints,
    # coding exercises in progress
    "exercise_event": _later("exercise_progress", "exercise_event"),
    "exercise_state": _later("exercise_progress", "exercise_state"),
    "exercise_overview": _later("exercise_progress", "exercise_overview"),
    "grade_followup": _later("exercise_progress", "grade_followup"),
    "save_draft": _later("exercise_progress", "save_draft"),
    # the indexes' status column
    "index_status": lambda progress, exercise_ids, now_ms, tz_offset_min: _module(
        "index_status"
    ).index_status(_bank(), progress, exercise_ids, now_ms, tz_offset_min),
}


# The ops that run the reader's code. The worker (docs/assets/js/py-worker.mjs) reads this
# set at boot and runs each of these inside its box: timers, listeners and tasks a run
# leaves behind are cancelled, and its microtasks count against its own time limit.
USER_CODE_OPS = frozenset(
    {"run_code", "check_code", "run_exercise", "check_exercise", "measure_complexity"}
)


def dispatch(op: str, args_json: str) -> str:
    """Run `op` with keyword arguments decoded from `args_json`; answer in JSON."""
    try:
        fn = OPS.get(op)
        if fn is None:
            raise EngineError(f"unknown operation {op!r}")
        args = json.loads(args_json) if args_json else {}
        if not isinstance(args, dict):
            raise EngineError("arguments must be a JSON object")
        return json.dumps({"ok": True, "result": fn(**args)})
    except EngineError as exc:
        return json.dumps({"ok": False, "error": str(exc)})
    except (TypeError, KeyError, ValueError, AttributeError, IndexError) as exc:
        return json.dumps({"ok": False, "error": f"bad request to {op!r}: {exc}"})
    except Exception as exc:  # the last guard: the worker must always get an answer
        return json.dumps({"ok": False, "error": f"internal error in {op!r}: {exc!r}"})
