"""Whether an occurrence of a term is asserted: negated by a cue earlier in its clause,
or reported as someone else's belief ("a common mistake is", "is a myth").

An occurrence is `negated` when a negation cue stands before it in its clause, within
NEGATION_REACH tokens, or inside its gap, unless the term carries its own negation; it is
`reported` when its segment of the sentence carries a reporting cue.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from .lexicon import (
    BELIEF_VERBS,
    NEGATION_PHRASES,
    NEGATION_REACH,
    NEGATIONS,
    NOT_NEGATIONS,
    PREDICATE_ENDS,
    PREDICATE_ONLY,
    PREDICATE_VERBS,
    REPORTING,
)
from .spec import Term
from .text import Token


def _by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for cue in REPORTING:
        table[cue[0]].append(cue)
    return {k: tuple(v) for k, v in table.items()}


_CUES_BY_WORD = _by_first_word()


@dataclass(frozen=True, slots=True)
class Occurrence:
    sentence: int
    segment: int
    first: int  # token indices, inclusive
    last: int
    negated: bool
    reported: bool

    @property
    def plain(self) -> bool:
        return not (self.negated or self.reported)


# Negation cues inside a matched term -> that term's span (see Polarity.occurrence).
Consumed = dict[int, tuple[int, int]] | None


class Polarity:
    """The negation cues and the reported segments of one analysed answer, and the
    polarity of any span of its tokens. Built once per answer."""

    def __init__(self, tokens: tuple[Token, ...], stems: dict[str, str]) -> None:
        self.tokens = tokens
        self.stems = stems
        self.cues = self._negation_cues()
        self.reported_segments = self._reported_segments()

    def _negation_cues(self) -> list[int]:
        toks = self.tokens
        cues = []
        for i, tok in enumerate(toks):
            before = toks[i - 1].text if i and toks[i - 1].sentence == tok.sentence else ""
            after = (
                toks[i + 1].text
                if i + 1 < len(toks) and toks[i + 1].sentence == tok.sentence
                else ""
            )
            if tok.text in NEGATIONS:
                if (tok.text, after) in NOT_NEGATIONS or (before, tok.text) in NOT_NEGATIONS:
                    continue
                cues.append(i)
            elif (before, tok.text) in NEGATION_PHRASES and before not in NEGATIONS:
                cues.append(i)
        return cues

    def _cue_at(self, i: int, cue: tuple[str, ...]) -> bool:
        toks = self.tokens
        if i + len(cue) > len(toks) or toks[i + len(cue) - 1].sentence != toks[i].sentence:
            return False
        for k, part in enumerate(cue):
            text = toks[i + k].text
            if part.startswith("="):
                if text != part[1:]:
                    return False
            elif not text.isalpha() or self.stems.get(text) != part:
                return False
        if len(cue) == 1 and cue[0] in PREDICATE_ONLY:
            word = toks[i].text
            before = toks[i - 1].text if i and toks[i - 1].sentence == toks[i].sentence else ""
            after = toks[i + 1] if i + 1 < len(toks) else None
            if word.endswith("ly"):  # "wrongly believe", not "wrongly refused requests"
                return (
                    after is not None
                    and after.sentence == toks[i].sentence
                    and (self.stems.get(after.text, after.text) in BELIEF_VERBS)
                )
            # "is false", "it's wrong to say", but not "is a false positive" (articles are
            # dropped, so the next word tells the adjective from the predicate).
            follows = (
                after is None or after.clause != toks[i].clause or after.text in PREDICATE_ENDS
            )
            return before in PREDICATE_VERBS and follows
        return True

    def _reported_segments(self) -> frozenset[int]:
        found = set()
        for i, tok in enumerate(self.tokens):
            cues = _CUES_BY_WORD.get("=" + tok.text, ()) + _CUES_BY_WORD.get(
                self.stems.get(tok.text, ""), ()
            )
            if any(self._cue_at(i, cue) for cue in cues):
                found.add(tok.segment)
        return frozenset(found)

    def occurrence(
        self, first: int, last: int, negative: bool = False, consumed: Consumed = None
    ) -> Occurrence:
        """An occurrence of a term with its negation and reporting.

        A `negative` term (one with a negation among its words: "no effect", "doesn't ...
        prove") states its own polarity, so no cue negates it ("failing to clear the bar
        doesn't prove..."). Any other term is negated by a cue before it in its clause or
        inside its gap ("more controls is not automatically better" for "more ...
        better"). `consumed` maps the cues that are words of a negative term the matcher
        found to that term's span: they negate nothing outside it ("I wouldn't bother
        tracking latency" is about bothering), though still the words inside it."""
        toks = self.tokens
        negated = False
        for cue in () if negative else self.cues:
            span = consumed.get(cue) if consumed else None
            if span is not None and (last < span[0] or first > span[1]):
                continue
            reach = min(cue + NEGATION_REACH, len(toks) - 1)
            for i in range(max(first, cue + 1), min(last, reach) + 1):
                if toks[i].clause == toks[cue].clause:
                    negated = True
                    break
            if negated:
                break
        reported = any(toks[i].segment in self.reported_segments for i in range(first, last + 1))
        return Occurrence(toks[first].sentence, toks[first].segment, first, last, negated, reported)


def negative(term: Term) -> bool:
    """Whether a term has a negation among its words ("no effect", "rather than ...")."""
    texts = [w.text if w is not None else "" for w in term.words]
    return any(t in NEGATIONS for t in texts) or any(
        pair in NEGATION_PHRASES for pair in pairwise(texts)
    )
