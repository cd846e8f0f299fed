"""The matcher language of key points and trap claims, parsed and checked.

Writers describe an idea as concept groups: a group is a list of terms, any one of which
counts (variants and synonyms); `all` needs every item, `any` needs one; `unless` lists
groups whose presence in the sentence cancels the match (a definition that says "assuming
the null" is not the trap "the probability that the null is true"). A term is one or more
words; `word*` matches any word starting so, `=word` only that exact word, and `...` lets
up to GAP_WORDS other words stand between two words of a term. Every other word also
matches its inflections (by stem) and small misspellings.

The build validates the bank with `parse_matcher`, so a writer's mistake is reported with
its file and field before the site is built, and the engine parses the same way at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .text import ARTICLES, fold, tokens_of

SCOPES = ("sentence", "answer")
GAP = "..."
GAP_WORDS = 4
MAX_WORDS = 6
MAX_TERMS = 40
MAX_DEPTH = 3
MIN_PREFIX = 3
_ALLOWED = re.compile(r"[\w\s'’.,/<>=%≤≥*+-]*")


class SpecError(ValueError):
    """A matcher is malformed; `where` is the path inside it (for example `all[1][0]`)."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a term. kind: "word" (stem and misspellings), "prefix", "exact",
    "number" (same value only) or "symbol"."""

    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Term:
    source: str
    words: tuple[Word | None, ...]  # None marks a gap of up to GAP_WORDS words


@dataclass(frozen=True, slots=True)
class Group:
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Node:
    op: str  # "all" or "any"
    items: tuple[Group | Node, ...]
    unless: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class Matcher:
    root: Node
    within: str  # "sentence": every item in one sentence; "answer": anywhere in the answer


def _word(chunk: str, where: str) -> list[Word]:
    exact = chunk.startswith("=") and chunk not in ("=", "==")
    prefix = chunk.endswith("*")
    core = chunk.removeprefix("=").removesuffix("*")
    if "*" in core:
        raise SpecError(where, f"{chunk!r}: '*' may only end a word")
    found = [t for t in tokens_of(fold(core)) if t[0] not in ARTICLES]
    if not found:
        return []
    if prefix and (found[-1][1] or not found[-1][0].isalpha() or len(found[-1][0]) < MIN_PREFIX):
        raise SpecError(
            where, f"{chunk!r}: '*' needs a word of at least {MIN_PREFIX} letters before it"
        )
    words = []
    for n, (text, number, _, _) in enumerate(found):
        if number:
            kind = "number"
        elif not text[0].isalnum():
            kind = "symbol"
        elif prefix and n == len(found) - 1:
            kind = "prefix"  # in "u-shape*" only the last word is a prefix
        else:
            kind = "exact" if exact else "word"
        words.append(Word(text, kind))
    return words


def parse_term(raw: Any, where: str) -> Term:
    """One term, for example "p-value", "assum*", "null ... true" or "=h0"."""
    if not isinstance(raw, str):
        raise SpecError(where, f"a term must be text, got {type(raw).__name__}")
    if not _ALLOWED.fullmatch(raw):
        bad = next(c for c in raw if not _ALLOWED.fullmatch(c))
        raise SpecError(where, f"{raw!r}: the character {bad!r} cannot be matched")
    words: list[Word | None] = []
    for chunk in fold(raw).replace("/", " ").split():
        if chunk == GAP:
            if not words or words[-1] is None:
                raise SpecError(where, f"{raw!r}: '...' must stand between two words")
            words.append(None)
        else:
            words += _word(chunk, where)
    if not words:
        raise SpecError(where, f"{raw!r} has no word to match (articles are ignored)")
    if words[-1] is None:
        raise SpecError(where, f"{raw!r}: '...' must stand between two words")
    if sum(w is not None for w in words) > MAX_WORDS:
        raise SpecError(where, f"{raw!r}: at most {MAX_WORDS} words in a term")
    return Term(raw.strip(), tuple(words))


def parse_group(raw: Any, where: str) -> Group:
    """A concept group: a list of terms (or one term), any of which counts."""
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list):
        raise SpecError(where, f"a group must be a list of terms, got {type(raw).__name__}")
    if not items:
        raise SpecError(where, "a group needs at least one term")
    if len(items) > MAX_TERMS:
        raise SpecError(where, f"a group has at most {MAX_TERMS} terms")
    terms = [parse_term(t, f"{where}[{n}]" if items is raw else where) for n, t in enumerate(items)]
    seen: dict[tuple, str] = {}
    for n, term in enumerate(terms):
        if term.words in seen:
            raise SpecError(
                f"{where}[{n}]", f"{term.source!r} repeats {seen[term.words]!r} in this group"
            )
        seen[term.words] = term.source
    return Group(tuple(terms))


def _node(raw: Any, where: str, depth: int, top: bool) -> Node:
    if not isinstance(raw, dict):
        raise SpecError(where, f"expected a mapping with `all` or `any`, got {type(raw).__name__}")
    allowed = {"all", "any", "unless"} | ({"within"} if top else set())
    unknown = sorted(str(k) for k in raw if k not in allowed)
    if unknown:
        extra = " (`within` is only allowed at the top)" if "within" in unknown else ""
        raise SpecError(join(where, unknown[0]), f"unknown key{extra}")
    ops = [k for k in ("all", "any") if k in raw]
    if len(ops) != 1:
        raise SpecError(where, "give exactly one of `all` or `any`")
    if depth > MAX_DEPTH:
        raise SpecError(where, f"matchers nest at most {MAX_DEPTH} levels deep")
    op = ops[0]
    items_raw = raw[op]
    at = join(where, op)
    if not isinstance(items_raw, list) or not items_raw:
        raise SpecError(at, "needs a list of at least one group or matcher")
    items: list[Group | Node] = []
    for n, item in enumerate(items_raw):
        if isinstance(item, dict):
            items.append(_node(item, f"{at}[{n}]", depth + 1, top=False))
        else:
            items.append(parse_group(item, f"{at}[{n}]"))
    unless_raw = raw.get("unless", [])
    if not isinstance(unless_raw, list) or ("unless" in raw and not unless_raw):
        raise SpecError(join(where, "unless"), "needs a list of at least one group")
    unless = tuple(
        parse_group(g, f"{join(where, 'unless')}[{n}]") for n, g in enumerate(unless_raw)
    )
    return Node(op, tuple(items), unless)


def join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def parse_matcher(raw: Any) -> Matcher:
    """Parse a matcher as written in the bank; raise SpecError naming the place."""
    root = _node(raw, "", 1, top=True)
    within = raw.get("within", "sentence")
    if within not in SCOPES:
        raise SpecError("within", f"expected one of {', '.join(SCOPES)}, got {within!r}")
    return Matcher(root, within)


def words_of(matcher: Matcher) -> set[Word]:
    """Every word a matcher can match (the build lists real words near them)."""
    found: set[Word] = set()

    def walk(node: Node) -> None:
        for item in (*node.items, *node.unless):
            if isinstance(item, Node):
                walk(item)
            else:
                for term in item.terms:
                    found.update(w for w in term.words if w is not None)

    walk(matcher.root)
    return found
