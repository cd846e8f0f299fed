"""Find a matcher's terms in an analysed answer and decide what each sentence does with
them: asserts them, negates them, or reports them as someone else's belief.

Every occurrence of a term (found by `index`) is tagged by `polarity`: `negated` (a
negation cue earlier in its clause, within NEGATION_REACH tokens, or inside its gap, unless
the term carries its own negation) and `reported` (its segment of the sentence carries a
cue such as "a common mistake is" or "is a myth"). A node of the matcher then reports three
facts: whether every occurrence it used is plain (`asserted`, what a trap spread over a
sentence's segments needs), whether every item has at least one plain occurrence
(`plain`, what an asserted key point and a trap in one segment need), and whether any
occurrence is negated or reported (`denied`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .index import Index
from .polarity import Consumed, Occurrence, negative
from .spec import Group, Matcher, Node

# Where a node is evaluated: ("sentence", n), ("segment", n) or ("answer", 0).
Unit = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Found:
    asserted: bool
    plain: bool
    denied: bool
    occurrences: tuple[Occurrence, ...]


class Evaluator:
    """Evaluate parsed matchers on one answer; occurrences of each group are cached."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._spans: dict[int, list[tuple[int, int, bool]]] = {}
        self._groups: dict[int, list[Occurrence]] = {}
        self._consumed: Consumed = None

    def spans(self, group: Group) -> list[tuple[int, int, bool]]:
        """(first, last, negative) of every occurrence of the group's terms; a span found
        by a negative and a plain term counts as negative."""
        key = id(group)
        if key not in self._spans:
            found: dict[tuple[int, int], bool] = {}
            for term in group.terms:
                is_negative = negative(term)
                for span in self.index.term(term):
                    found[span] = found.get(span, False) or is_negative
            self._spans[key] = sorted((a, b, neg) for (a, b), neg in found.items())
        return self._spans[key]

    def group(self, group: Group) -> list[Occurrence]:
        """Occurrences of a group, negation judged with the current matcher's consumed
        cues (a group belongs to one matcher, so the cache stays consistent)."""
        key = id(group)
        if key not in self._groups:
            occurrence = self.index.polarity.occurrence
            self._groups[key] = [
                occurrence(a, b, neg, self._consumed) for a, b, neg in self.spans(group)
            ]
        return self._groups[key]

    def _consume(self, matcher: Matcher) -> Consumed:
        """Negation cues inside any negative span of the matcher's items (not `unless`)."""
        cues = self.index.polarity.cues
        if not cues:
            return None
        inside: dict[int, tuple[int, int]] = {}

        def walk(node: Node) -> None:
            for item in node.items:
                if isinstance(item, Node):
                    walk(item)
                else:
                    for a, b, negative in self.spans(item):
                        if negative:
                            inside.update((c, (a, b)) for c in cues if a <= c <= b)

        walk(matcher.root)
        return inside

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
        # An `unless` group names the correct idea; negated ("simple baselines rarely tell
        # you anything"), it is not there to cancel the match.
        for group in node.unless:
            if any(o.sentence in sentences and not o.negated for o in self.group(group)):
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
        self._consumed = self._consume(matcher)
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
