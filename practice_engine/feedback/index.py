"""An analysed answer ready for matching: where each word of a matcher occurs, with its
inflections and small misspellings, and where each term (words in order, with gaps)
occurs within one clause or segment.
"""

from __future__ import annotations

from collections import defaultdict

from .lexicon import (
    BELIEF_VERBS,
    MIN_FUZZY_PREFIX,
    REPORTING,
    edit_budget,
    misspelling_of,
    misspelt_prefix,
    stem,
)
from .polarity import Polarity
from .spec import GAP_WORDS, Term, Word
from .text import Analysed, Utf16, number_value


def in_range(value: float | None, comparison: str) -> bool:
    """Whether a number satisfies a range word such as ">0.05" or "<=30"."""
    if value is None:
        return False
    op = comparison[:2] if comparison[1] == "=" else comparison[:1]
    bound = float(comparison[len(op) :])
    return {">": value > bound, "<": value < bound, ">=": value >= bound, "<=": value <= bound}[op]


def heads(words: set[str]) -> frozenset[str]:
    """First three letters of the stems of `words` and of the reporting cues: a token
    whose first three letters are not among them cannot share a stem with any of them."""
    stems = {stem(w) for w in words if w.isalpha()}
    stems |= {part for cue in REPORTING for part in cue if not part.startswith("=")}
    stems |= BELIEF_VERBS
    return frozenset(s[:3] for s in stems)


class Index:
    """An analysed answer ready for matching: token positions by text, by stem and by first
    letter, and its `polarity` (negation cues, reported segments). Built once per answer."""

    def __init__(
        self, analysed: Analysed, known: frozenset[str], heads: frozenset[str] | None = None
    ) -> None:
        self.analysed = analysed
        self.utf16 = Utf16(analysed.text)
        self.tokens = analysed.tokens
        self.known = known
        self.by_text: dict[str, list[int]] = defaultdict(list)
        for i, tok in enumerate(self.tokens):
            self.by_text[tok.text].append(i)
        # Stemming is the costliest step, so only words that could share a stem with a
        # matcher word (same first three letters, see `heads`) are stemmed.
        self.stems = {
            text: stem(text) if heads is None or len(text) < 4 or text[:3] in heads else text
            for text in self.by_text
            if text.isalpha()
        }
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        for text, positions in self.by_text.items():
            if text in self.stems:
                self.by_stem[self.stems[text]] += positions
        self.by_first: dict[str, list[str]] = defaultdict(list)
        self.by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.by_stem_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for text, stemmed in self.stems.items():
            self.by_first[text[0]].append(text)
            self.by_shape[text[0], len(text)].append(text)
            if stemmed != text:
                self.by_stem_shape[stemmed[0], len(stemmed)].append(text)
        self.polarity = Polarity(self.tokens, self.stems)
        self._positions: dict[Word, frozenset[int]] = {}

    def positions(self, word: Word) -> frozenset[int]:
        """Token indices where `word` matches (cached per answer)."""
        cached = self._positions.get(word)
        if cached is None:
            cached = self._positions[word] = frozenset(self._find(word))
        return cached

    def _find(self, word: Word) -> list[int]:
        if word.kind in ("exact", "symbol"):
            return list(self.by_text.get(word.text, ()))
        if word.kind == "number":
            value = number_value(word.text)
            return [
                i
                for text, pos in self.by_text.items()
                if self.tokens[pos[0]].number and number_value(text) == value
                for i in pos
            ]
        if word.kind == "range":
            return [
                i
                for text, pos in self.by_text.items()
                if self.tokens[pos[0]].number and in_range(number_value(text), word.text)
                for i in pos
            ]
        if word.kind == "prefix":
            return self._prefix(word.text)
        found = list(self.by_text.get(word.text, ()))
        if not word.text.isalpha():
            return found
        target = stem(word.text)
        found += [i for i in self.by_stem.get(target, ()) if self.tokens[i].text != word.text]
        for text in self._near(word.text, target):
            found += self.by_text[text]
        return found

    def _prefix(self, prefix: str) -> list[int]:
        fuzzy = len(prefix) >= MIN_FUZZY_PREFIX
        return [
            i
            for text in self.by_first.get(prefix[0], ())
            if text.startswith(prefix)
            or (fuzzy and text not in self.known and misspelt_prefix(text, prefix))
            for i in self.by_text[text]
        ]

    def _near(self, word: str, target: str) -> set[str]:
        """Tokens that read as misspellings of `word` (or whose stems misspell its stem),
        looked up by first letter and length so only plausible pairs are compared."""
        near = set()
        budget = edit_budget(word)
        for forms, bound, against in ((self.by_shape, len(word), word),
                                      (self.by_stem_shape, len(target), target)):  # fmt: skip
            reach = edit_budget(against) if against is target else budget
            if not reach:
                continue
            for n in range(bound - reach, bound + reach + 1):
                for text in forms.get((against[0], n), ()):
                    if text in near or text in self.known or self.stems[text] == target:
                        continue
                    form = text if forms is self.by_shape else self.stems[text]
                    if misspelling_of(form, against):
                        near.add(text)
        return near

    def term(self, term: Term) -> list[tuple[int, int]]:
        """(first, last) token indices of every occurrence of a term, within one sentence."""
        words = term.words
        first = words[0]
        assert first is not None
        spans = []
        for start in sorted(self.positions(first)):
            end = self._extend(start, words, 1)
            if end is not None:
                spans.append((start, end))
        return spans

    def _extend(self, at: int, words: tuple[Word | None, ...], k: int) -> int | None:
        if k == len(words):
            return at
        gap = words[k] is None
        word = words[k + 1] if gap else words[k]
        assert word is not None
        # Neighbouring words of a term stand in one clause ("independent samples, the
        # distribution" is not "sampling distribution"); a gap may cross a comma, as lists
        # do ("batch, stochastic and mini-batch"), but not a colon, a semicolon or a "but"
        # ("the same as gradient descent: you do a forward pass").
        here = self.tokens[at]
        reach = GAP_WORDS + 1 if gap else 1
        matches = self.positions(word)
        for nxt in range(at + 1, min(at + 1 + reach, len(self.tokens))):
            there = self.tokens[nxt]
            if there.segment != here.segment or (not gap and there.clause != here.clause):
                break
            if nxt in matches:
                end = self._extend(nxt, words, k + (2 if gap else 1))
                if end is not None:
                    return end
        return None
