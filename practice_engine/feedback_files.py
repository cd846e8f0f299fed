"""Answer-feedback data loaded when first needed, not with the bank.

Each question's feedback block (key points, trap claims with their parsed matchers,
stems) and the bank's feedback lexicon were about 70% of `assets/quiz/bank.json`, which
every practice page's worker fetches and parses before the quiz is ready, while only a
typed answer (flashcards' answer box, the mock round) reads them. The build writes them
apart (macros/publish/export.py: `assets/quiz/feedback/<id>.json` and `lexicon.json`);
the worker fetches a question's file and the lexicon before its first `feedback` op and
hands each to `load_feedback`. A bank that carries its blocks inline (tests, the CPython
tools) needs none of this: an inline block wins.
"""

from __future__ import annotations

import json
from typing import Any

from .bankdata import BankData
from .errors import EngineError
from .vocab import BANK_EXPORT_VERSION

_blocks: dict[str, dict[str, Any]] = {}
# One frozenset, replaced on load: answer feedback reads it on every answer, so it is not
# rebuilt per call.
_lexicon: dict[str, frozenset[str]] = {"words": frozenset()}


def reset() -> None:
    """Forget what was loaded: a new bank brings its own."""
    _blocks.clear()
    _lexicon["words"] = frozenset()


def load(text: str) -> dict[str, Any]:
    """Take one feedback file: `{"version", "id", "feedback"}` for a question, or
    `{"version", "lexicon"}`. Returns what it held, for the worker's bookkeeping."""
    if not isinstance(text, str):
        raise EngineError("a feedback file must be given as its text")
    try:
        data = json.loads(text)
    except ValueError:
        raise EngineError("a feedback file is not JSON") from None
    if not isinstance(data, dict) or data.get("version") != BANK_EXPORT_VERSION:
        raise EngineError(f"a feedback file of another export; expected {BANK_EXPORT_VERSION}")
    if isinstance(data.get("lexicon"), list):
        words = data["lexicon"]
        if not all(isinstance(w, str) for w in words):
            raise EngineError("the feedback lexicon must be a list of words")
        _lexicon["words"] = _lexicon["words"] | frozenset(words)
        return {"lexicon": len(words)}
    qid, block = data.get("id"), data.get("feedback")
    if not isinstance(qid, str) or not isinstance(block, dict):
        raise EngineError("a feedback file needs a question id and its feedback block")
    _blocks[qid] = block
    return {"id": qid}


def block_for(bank: BankData, question_id: str) -> dict[str, Any] | None:
    entry = bank.entry(question_id)
    if entry is not None and entry.feedback is not None:
        return entry.feedback
    return _blocks.get(question_id)


def lexicon(bank: BankData) -> frozenset[str]:
    """The bank's own lexicon if it came inline, else the loaded one."""
    loaded = _lexicon["words"]
    if not loaded or loaded <= bank.lexicon:
        return bank.lexicon
    return loaded if not bank.lexicon else bank.lexicon | loaded
