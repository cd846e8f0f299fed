"""The feedback op: which key points an answer hit or missed, and which traps it asserted.

It points at ideas; it never grades. The reader still grades themselves, and the page may
mention a strong disagreement (see `coverage_grade`, the simple mapping `make bench`
measures against the reviewers' grades).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import EngineError
from ..vocab import LEVELS, MAX_ANSWER_CHARS
from .evaluate import Evaluator, Found, Unit
from .index import Index, heads
from .lexicon import seed_stems
from .spec import Matcher, SpecError, matcher_from_data, parse_matcher, words_of
from .text import analyse


@dataclass(frozen=True)
class Point:
    """A key point or a trap claim with its parsed matcher."""

    raw: dict[str, Any]
    matcher: Matcher


@dataclass(frozen=True)
class Compiled:
    key_points: tuple[Point, ...]
    trap_claims: tuple[Point, ...]
    traps: tuple[str, ...]
    caveat: str | None
    heads: frozenset[str] = frozenset()


def compile_block(block: dict[str, Any], where: str) -> Compiled:
    """Parse an exported feedback block once; a bad matcher names its place."""

    def points(field: str) -> tuple[Point, ...]:
        out = []
        for n, raw in enumerate(block.get(field) or ()):
            try:
                if "matcher" in raw:  # parsed by the build (the exported bank)
                    out.append(Point(raw, matcher_from_data(raw["matcher"])))
                else:  # as written (tests, tools)
                    out.append(Point(raw, parse_matcher(raw["match"])))
            except SpecError as exc:
                raise EngineError(f"{where}: {field}[{n}].match: {exc}") from None
            except (KeyError, TypeError, IndexError, AttributeError):
                raise EngineError(f"{where}: {field}[{n}] is malformed") from None
        return tuple(out)

    stems = block.get("stems")
    if isinstance(stems, dict):
        seed_stems(stems)
    key_points, trap_claims = points("key_points"), points("trap_claims")
    shipped = block.get("heads")
    if isinstance(shipped, list):  # computed by the build
        found = frozenset(shipped)
    else:
        found = heads({w.text for p in (*key_points, *trap_claims) for w in words_of(p.matcher)})
    return Compiled(
        key_points=key_points,
        trap_claims=trap_claims,
        traps=tuple(block.get("traps") or ()),
        caveat=block.get("caveat"),
        heads=found,
    )


def _hit(found: Found, sense: str) -> bool:
    if sense == "denied":
        return found.denied
    if sense == "either":
        return True
    return found.plain


def _where(index: Index, hits: list[tuple[Unit, Found]]) -> dict[str, list]:
    """The sentences and the matched words to highlight, in UTF-16 offsets."""
    offset = index.utf16
    sentences: list[int] = []
    spans: list[list[int]] = []
    for _, found in hits:
        for occ in found.occurrences:
            if occ.sentence not in sentences:
                sentences.append(occ.sentence)
            start = offset(index.tokens[occ.first].start)
            end = offset(index.tokens[occ.last].end)
            if [start, end] not in spans:
                spans.append([start, end])
    return {"sentences": sorted(sentences), "spans": sorted(spans)}


def _key_point(
    point: Point, evaluator: Evaluator, level: str, asserted: dict[int, set[int]]
) -> dict[str, Any]:
    """`asserted` maps a trap index to the sentences asserting it: a sentence that asserts
    a trap the key point is contradicted by does not make the point."""
    raw = point.raw
    sense = raw.get("sense", "asserted")
    against = set().union(*(asserted.get(t, ()) for t in raw.get("contradicted_by") or ()))
    hits = [
        (s, f)
        for s, f in evaluator.matches(point.matcher)
        if _hit(f, sense) and not (against and {o.sentence for o in f.occurrences} & against)
    ]
    expected = LEVELS.index(raw["level"]) <= LEVELS.index(level)
    status = "hit" if hits else "missed" if expected else "not_expected"
    return {
        "id": raw["id"],
        "label": raw["label"],
        "level": raw["level"],
        "section": raw.get("section"),
        "sense": sense,
        "expected": expected,
        "status": status,
        **_where(evaluator.index, hits),
    }


def _trap(point: Point, evaluator: Evaluator, traps: tuple[str, ...]) -> dict[str, Any]:
    raw = point.raw
    # A trap is asserted in one segment of a sentence when every group of its matcher has
    # a plain occurrence there: "people think X; in fact X" asserts X, and so does "L1 is
    # generally better, so unless I had a reason not to I'd start with lasso" (the
    # negated "lasso" is another mention). A claim spread over a sentence's segments ("I'd
    # check the split, but look at the numbers first") counts only when nothing in that
    # sentence negates or reports its words.
    found = evaluator.matches(point.matcher, by="segment")
    hits = [(u, f) for u, f in found if u[0] == "segment" and f.plain]
    if not hits and point.matcher.within == "sentence":
        hits = [(u, f) for u, f in evaluator.matches(point.matcher) if f.asserted]
    trap = raw["trap"]
    return {
        "id": raw["id"],
        "trap": trap,
        "label": raw["label"],
        "text": traps[trap] if 0 <= trap < len(traps) else "",
        "asserted": bool(hits),
        **_where(evaluator.index, hits),
    }


def check_request(level: Any, text: Any) -> None:
    if level not in LEVELS:
        raise EngineError(f"level must be one of {', '.join(LEVELS)}")
    if not isinstance(text, str):
        raise EngineError("the answer must be text")
    if len(text) > MAX_ANSWER_CHARS:
        raise EngineError(
            f"the answer is {len(text)} characters long; feedback reads at most {MAX_ANSWER_CHARS}"
        )


def evaluate(
    compiled: Compiled, level: str, text: str, known: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """Feedback on one answer at one level (see `practice_engine.feedback.feedback`)."""
    check_request(level, text)
    analysed = analyse(text)
    index = Index(analysed, known, compiled.heads)
    evaluator = Evaluator(index)
    traps = [_trap(p, evaluator, compiled.traps) for p in compiled.trap_claims]
    asserted: dict[int, set[int]] = {}
    for t in traps:
        if t["asserted"]:
            asserted.setdefault(t["trap"], set()).update(t["sentences"])
    key_points = [_key_point(p, evaluator, level, asserted) for p in compiled.key_points]
    expected = [k for k in key_points if k["expected"]]
    return {
        "available": True,
        "level": level,
        "words": sum(1 for t in analysed.tokens if not t.number and t.text[0].isalpha()),
        "sentences": [[index.utf16(s.start), index.utf16(s.end)] for s in analysed.sentences],
        "key_points": key_points,
        "traps": traps,
        "expected": len(expected),
        "hit": sum(1 for k in expected if k["status"] == "hit"),
        "caveat": compiled.caveat,
    }


def coverage_grade(hit: int, expected: int, traps_asserted: int, words: int | None = None) -> str:
    """A simple grade from coverage, for measurement and for a gentle warning when a
    self-grade disagrees strongly; never shown as the reader's grade.

    Measured on the labelled set's dev part (the reviewers' own key-point labels put
    through it agree with their grades on 0.73 of answers, against 0.54 for the first
    version): a trap costs a grade rather than sinking the answer (reviewers graded most
    well-covered answers with one trap lean hire), and an answer that hits nothing is a
    no hire unless it says nothing at all.
    """
    share = hit / expected if expected else 0.0
    if words == 0:
        return "didnt_know"
    if traps_asserted:
        return "lean_hire" if share >= 0.6 else "no_hire"
    if share >= 0.75:
        return "strong_hire"
    return "lean_hire" if share >= 0.4 else "no_hire"
