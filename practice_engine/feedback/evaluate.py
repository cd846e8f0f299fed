"""Find a matcher's terms in an analysed answer and decide what each sentence does with
them: asserts them, negates them, or reports them as someone else's belief.

Every occurrence of a term is tagged `negated` (a negation cue earlier in its clause, within
NEGATION_REACH tokens, that is not itself part of the term) and `reported` (its segment of
the sentence carries a cue such as "a common mistake is" or "is a myth"). A node of the
matcher then reports three facts: whether every occurrence it used is plain (`asserted`,
what a trap needs), whether every item has at least one plain occurrence (`plain`, what an
asserted key point needs), and whether any occurrence is negated or reported (`denied`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .lexicon import (
    MIN_FUZZY_PREFIX,
    NEGATION_PHRASES,
    NEGATION_REACH,
    NEGATIONS,
    NOT_NEGATIONS,
    PREDICATE_ONLY,
    PREDICATE_VERBS,
    REPORTING,
    edit_budget,
    misspelling_of,
    misspelt_prefix,
    stem,
)
from .spec import GAP_WORDS, Group, Matcher, Node, Term, Word
from .text import Analysed, Utf16, number_value


def heads(words: set[str]) -> frozenset[str]:
    """First three letters of the stems of `words` and of the reporting cues: a token
    whose first three letters are not among them cannot share a stem with any of them."""
    stems = {stem(w) for w in words if w.isalpha()}
    stems |= {part for cue in REPORTING for part in cue if not part.startswith("=")}
    return frozenset(s[:3] for s in stems)


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


# Where a node is evaluated: ("sentence", n), ("segment", n) or ("answer", 0).
Unit = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Found:
    asserted: bool
    plain: bool
    denied: bool
    occurrences: tuple[Occurrence, ...]


class Index:
    """An analysed answer ready for matching: token positions by text, by stem and by first
    letter, the negation cues and the reported segments. Built once per answer."""

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
        self.cues = self._negation_cues()
        self.reported_segments = self._reported_segments()
        self._positions: dict[Word, frozenset[int]] = {}

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
            return word.endswith("ly") or before in PREDICATE_VERBS
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

    # -- words and terms -------------------------------------------------------------

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
        sentence = self.tokens[at].sentence
        reach = GAP_WORDS + 1 if gap else 1
        matches = self.positions(word)
        for nxt in range(at + 1, min(at + 1 + reach, len(self.tokens))):
            if self.tokens[nxt].sentence != sentence:
                break
            if nxt in matches:
                end = self._extend(nxt, words, k + (2 if gap else 1))
                if end is not None:
                    return end
        return None

    def occurrence(self, first: int, last: int) -> Occurrence:
        toks = self.tokens
        negated = False
        for cue in self.cues:
            if first <= cue <= last:
                continue  # "no" in the term "no effect" is the idea, not its negation
            reach = min(cue + NEGATION_REACH, len(toks) - 1)
            for i in range(max(first, cue + 1), min(last, reach) + 1):
                if toks[i].clause == toks[cue].clause:
                    negated = True
                    break
            if negated:
                break
        reported = any(toks[i].segment in self.reported_segments for i in range(first, last + 1))
        return Occurrence(toks[first].sentence, toks[first].segment, first, last, negated, reported)


class Evaluator:
    """Evaluate parsed matchers on one answer; occurrences of each group are cached."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._groups: dict[int, list[Occurrence]] = {}

    def group(self, group: Group) -> list[Occurrence]:
        key = id(group)
        if key not in self._groups:
            spans = sorted({span for term in group.terms for span in self.index.term(term)})
            self._groups[key] = [self.index.occurrence(a, b) for a, b in spans]
        return self._groups[key]

    def node(self, node: Node, unit: Unit) -> Found | None:
        """The node's result in one sentence or segment (or across the answer)."""
        results = []
        for item in node.items:
            if isinstance(item, Node):
                found = self.node(item, unit)
            else:
                found = self._group_found(item, unit)
            if found is None and node.op == "all":
                return None
            if found is not None:
                results.append(found)
        if not results:
            return None
        occurrences = tuple(o for r in results for o in r.occurrences)
        sentences = {o.sentence for o in occurrences}
        for group in node.unless:
            if any(o.sentence in sentences for o in self.group(group)):
                return None
        combine = all if node.op == "all" else any
        return Found(
            asserted=combine(r.asserted for r in results),
            plain=combine(r.plain for r in results),
            denied=any(r.denied for r in results),
            occurrences=occurrences,
        )

    def _group_found(self, group: Group, unit: Unit) -> Found | None:
        kind, number = unit
        occ = [
            o
            for o in self.group(group)
            if kind == "answer" or (o.sentence if kind == "sentence" else o.segment) == number
        ]
        if not occ:
            return None
        return Found(
            asserted=all(o.plain for o in occ),
            plain=any(o.plain for o in occ),
            denied=any(not o.plain for o in occ),
            occurrences=tuple(occ),
        )

    def matches(self, matcher: Matcher, by: str = "sentence") -> list[tuple[Unit, Found]]:
        """Every sentence (or segment, with by="segment") where the matcher matches, with
        what it found there; one entry for the whole answer for a matcher `within: answer`."""
        if matcher.within == "answer":
            found = self.node(matcher.root, ("answer", 0))
            return [(("answer", 0), found)] if found else []
        tokens = self.index.tokens
        field = "sentence" if by == "sentence" else "segment"
        units = sorted({getattr(tokens[i], field) for i in self._first_words(matcher)})
        out = []
        for number in units:
            found = self.node(matcher.root, (by, number))
            if found is not None:
                out.append(((by, number), found))
        return out

    def _first_words(self, matcher: Matcher) -> set[int]:
        """Token positions of any word the matcher uses: only their sentences can match."""
        positions: set[int] = set()

        def walk(node: Node) -> None:
            for item in node.items:
                if isinstance(item, Node):
                    walk(item)
                else:
                    for occ in self.group(item):
                        positions.add(occ.first)

        walk(matcher.root)
        return positions
