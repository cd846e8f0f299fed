"""The answer-feedback part of the bank export: each question's key points and trap
claims as the engine's feedback op reads them, and the bank words a misspelling must not
turn into a matcher's word.

The matchers are parsed by the engine's own parser (practice_engine.feedback), so the
build and the browser read them alike; the work done here is what the browser should not
redo on every answer (stemming the matchers' words, finding near words in the bank).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from practice_engine.feedback.lexicon import near_words, stem
from practice_engine.feedback.spec import parse_matcher, words_of
from practice_engine.feedback.text import fold, tokens_of

from ..bank import Bank, Question
from ..bank.models import KeyPoint, TrapClaim


def _points(question: Question) -> list[KeyPoint | TrapClaim]:
    return [*question.key_points, *question.trap_claims]


def feedback_block(question: Question) -> dict[str, Any]:
    """What the answer-feedback op needs: key points, trap claims with their matchers as
    written (the engine parses them), the traps' Markdown source and the caveat."""
    words = {
        w.text
        for point in _points(question)
        for w in words_of(parse_matcher(point.match))
        if w.text.isalpha() and w.kind == "word"
    }
    return {
        "key_points": [kp.model_dump() for kp in question.key_points],
        "trap_claims": [tc.model_dump() for tc in question.trap_claims],
        "traps": list(question.traps),
        "caveat": question.feedback_caveat,
        # The matchers' words already stemmed, so the browser does not redo it.
        "stems": {w: stem(w) for w in sorted(words)},
    }


_NOT_PROSE = {"key_points", "trap_claims", "feedback_caveat"}


def _strings(value: object) -> list[str]:
    """Every piece of prose in a bank model (matchers excluded)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return _strings(value.model_dump(exclude=_NOT_PROSE & set(type(value).model_fields)))
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def feedback_lexicon(bank: Bank) -> list[str]:
    """The bank's own words that lie within a misspelling of a matcher's word ("modal"
    near "model"): the engine must read them as themselves, never as that word."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for q in bank.questions:
        for point in _points(q):
            for w in words_of(parse_matcher(point.match)):
                (prefixes if w.kind == "prefix" else words).add(w.text)
    if not words and not prefixes:
        return []
    vocabulary = {
        word
        for entry in bank.entries
        for text in _strings(entry)
        for word, number, _, _ in tokens_of(fold(text))
        if not number
    }
    return list(_near_words(frozenset(words), frozenset(prefixes), frozenset(vocabulary - words)))


@lru_cache(maxsize=4)
def _near_words(
    words: frozenset[str], prefixes: frozenset[str], vocabulary: frozenset[str]
) -> list[str]:
    """Cached: a few seconds of work that only changes when the bank's words do."""
    return near_words(set(words), set(prefixes), set(vocabulary))
