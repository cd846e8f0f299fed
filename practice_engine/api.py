"""The one entry point the browser worker calls: `dispatch(op, args_json) -> result_json`.

Only strings cross between JavaScript and Python, so every message is JSON and no JS
object is ever held by Python. Errors come back as `{"ok": false, "error": ...}` with a
sentence a reader can understand; dispatch itself never raises.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import progress, quiz, session_state
from .bankdata import BankData, BankFormatError, parse_bank

_state: dict[str, BankData] = {}


def _bank() -> BankData:
    if "bank" not in _state:
        raise quiz.QuizError("the question bank is not loaded yet")
    return _state["bank"]


def _load_bank(text: str) -> dict[str, Any]:
    bank = parse_bank(json.loads(text))
    _state["bank"] = bank
    return {"entries": len(bank.entries), "items": len(bank.items)}


def _grade(session: dict, chosen: list[int]) -> dict[str, Any]:
    new, feedback = quiz.grade(_bank(), session, chosen)
    return {"session": new, "feedback": feedback}


def _restore_session(data: Any) -> dict[str, Any]:
    session, reason = session_state.restore_session(_bank(), data)
    return {"session": session, "reason": reason}


def _restore_progress(raw: str | None) -> dict[str, Any]:
    state, reason = progress.restore_progress(raw)
    return {"progress": state, "reason": reason}


OPS: dict[str, Callable[..., Any]] = {
    "load_bank": _load_bank,
    "new_session": lambda filters, seed: quiz.new_session(_bank(), filters, seed),
    "view": lambda session: quiz.view(_bank(), session),
    "grade": _grade,
    "advance": quiz.advance,
    "finished": quiz.finished,
    "score": lambda session: quiz.score(_bank(), session),
    "restore_session": _restore_session,
    "restore_progress": _restore_progress,
    "record": progress.record,
    "item_stats": progress.item_stats,
}


def dispatch(op: str, args_json: str) -> str:
    """Run `op` with keyword arguments decoded from `args_json`; answer in JSON."""
    try:
        fn = OPS.get(op)
        if fn is None:
            raise quiz.QuizError(f"unknown operation {op!r}")
        args = json.loads(args_json) if args_json else {}
        if not isinstance(args, dict):
            raise quiz.QuizError("arguments must be a JSON object")
        return json.dumps({"ok": True, "result": fn(**args)})
    except (quiz.QuizError, BankFormatError) as exc:
        return json.dumps({"ok": False, "error": str(exc)})
    except (TypeError, KeyError, ValueError, AttributeError) as exc:
        return json.dumps({"ok": False, "error": f"bad request to {op!r}: {exc}"})
