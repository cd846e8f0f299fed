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

from practice_engine.feedback.index import heads
from practice_engine.feedback.lexicon import near_words, stem
from practice_engine.feedback.spec import matcher_to_data, parse_matcher, words_of
from practice_engine.feedback.text import fold, tokens_of

from ..bank import Bank, Question
from ..bank.models import KeyPoint, TrapClaim


def _points(question: Question) -> list[KeyPoint | TrapClaim]:
    return [*question.key_points, *question.trap_claims]


def _point(point: KeyPoint | TrapClaim) -> dict[str, Any]:
    """A key point or trap claim with its matcher already parsed (`matcher`, in the
    compact form of `matcher_to_data`) instead of as written: the worker then rebuilds it
    without tokenising or checking it again."""
    data = point.model_dump()
    data["matcher"] = matcher_to_data(parse_matcher(data.pop("match")))
    return data


def feedback_block(question: Question) -> dict[str, Any]:
    """What the answer-feedback op needs: key points, trap claims with their parsed
    matchers, the traps' Markdown source and the caveat."""
    matchers = [parse_matcher(p.match) for p in _points(question)]
    words = {w.text for m in matchers for w in words_of(m) if w.text.isalpha() and w.kind == "word"}
    return {
        "key_points": [_point(kp) for kp in question.key_points],
        "trap_claims": [_point(tc) for tc in question.trap_claims],
        "traps": list(question.traps),
        "caveat": question.feedback_caveat,
        # The labelled set (tests/data/feedback/) holds answers to the must-know questions
        # only; elsewhere the panel says the feedback is not yet measured.
        "measured": question.must_know,
        # The matchers' words already stemmed, so the browser does not redo it, and the
        # first letters of those stems (see `heads`: which answer words need stemming).
        "stems": {w: stem(w) for w in sorted(words)},
        "heads": sorted(heads({w.text for m in matchers for w in words_of(m)})),
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
    near "model"), matchers' own words included ("one" near "once"): the engine must read
    them as themselves, never as that word."""
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
    return list(_near_words(frozenset(words), frozenset(prefixes), frozenset(vocabulary | words)))


@lru_cache(maxsize=4)
def _near_words(
    words: frozenset[str], prefixes: frozenset[str], vocabulary: frozenset[str]
) -> list[str]:
    """Cached: a few seconds of work that only changes when the bank's words do."""
    return near_words(set(words), set(prefixes), set(vocabulary))
