"""Answer feedback: which of a question's key points a typed answer hit, missed or was
not expected to make at the reader's level, and which of its traps it asserted.

Pure Python (plus the `snowballstemmer` wheel), so it runs unchanged in the browser's
worker. Matching is lexical and explainable: concept groups of terms with inflections and
small misspellings, negation scope and reported beliefs (see `spec`, `evaluate`).
"""

from __future__ import annotations

from typing import Any

from .core import (
    MAX_ANSWER_CHARS,
    Compiled,
    compile_block,
    coverage_grade,
    evaluate,
)
from .spec import SpecError, parse_matcher

__all__ = [
    "MAX_ANSWER_CHARS",
    "Compiled",
    "SpecError",
    "compile_block",
    "coverage_grade",
    "evaluate",
    "feedback",
    "parse_matcher",
]

_compiled: dict[str, tuple[dict[str, Any], Compiled]] = {}


def feedback(
    block: dict[str, Any] | None,
    question_id: str,
    level: str,
    text: str,
    known: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Feedback for one answer to one question, from the question's exported block.

    A question without key points answers `{"available": false}`, so the page can hide the
    panel instead of showing an empty checklist. Parsed matchers are cached per block.
    """
    if block is None or not (block.get("key_points") or block.get("trap_claims")):
        return {"available": False, "question": question_id}
    cached = _compiled.get(question_id)
    if cached is None or cached[0] is not block:  # a reloaded bank brings new blocks
        cached = _compiled[question_id] = (block, compile_block(block, question_id))
    result = evaluate(cached[1], level, text, known)
    return {"question": question_id, **result, "measured": bool(block.get("measured"))}
