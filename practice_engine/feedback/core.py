"""The feedback op: which key points an answer hit or missed, and which traps it asserted.

It points at ideas; it never grades. The reader still grades themselves, and the page may
mention a strong disagreement (see `coverage_grade`, the simple mapping `make bench`
measures against the reviewers' grades).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..vocab import LEVELS
from .evaluate import Evaluator, Found, Index, Unit, heads
from .lexicon import seed_stems
from .spec import Matcher, SpecError, parse_matcher, words_of
from .text import analyse

MAX_ANSWER_CHARS = 20_000
SENSES = ("asserted", "denied", "either")


class FeedbackError(ValueError):
    """A request the feedback op cannot answer; the message says why in plain words."""


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
                out.append(Point(raw, parse_matcher(raw["match"])))
            except SpecError as exc:
                raise FeedbackError(f"{where}: {field}[{n}].match: {exc}") from None
            except (KeyError, TypeError):
                raise FeedbackError(f"{where}: {field}[{n}] is malformed") from None
        return tuple(out)

    stems = block.get("stems")
    if isinstance(stems, dict):
        seed_stems(stems)
    key_points, trap_claims = points("key_points"), points("trap_claims")
    words = {w.text for p in (*key_points, *trap_claims) for w in words_of(p.matcher)}
    return Compiled(
        key_points=key_points,
        trap_claims=trap_claims,
        traps=tuple(block.get("traps") or ()),
        caveat=block.get("caveat"),
        heads=heads(words),
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


def _key_point(point: Point, evaluator: Evaluator, level: str) -> dict[str, Any]:
    raw = point.raw
    sense = raw.get("sense", "asserted")
    hits = [(s, f) for s, f in evaluator.matches(point.matcher) if _hit(f, sense)]
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
    # A trap is asserted in one segment of a sentence: "people think X; in fact X" asserts
    # X, while a sentence that both asserts and negates it in one segment is not counted.
    found = evaluator.matches(point.matcher, by="segment")
    hits = [(u, f) for u, f in found if u[0] == "segment" and f.asserted]
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
        raise FeedbackError(f"level must be one of {', '.join(LEVELS)}")
    if not isinstance(text, str):
        raise FeedbackError("the answer must be text")
    if len(text) > MAX_ANSWER_CHARS:
        raise FeedbackError(
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
    key_points = [_key_point(p, evaluator, level) for p in compiled.key_points]
    traps = [_trap(p, evaluator, compiled.traps) for p in compiled.trap_claims]
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


def coverage_grade(hit: int, expected: int, traps_asserted: int) -> str:
    """A simple grade from coverage, for measurement and for a gentle warning when a
    self-grade disagrees strongly; never shown as the reader's grade."""
    if traps_asserted:
        return "no_hire"
    share = hit / expected if expected else 0.0
    if share >= 0.75:
        return "strong_hire"
    if share >= 0.4:
        return "lean_hire"
    return "no_hire" if hit else "didnt_know"
