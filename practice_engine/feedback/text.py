"""Turn an answer into sentences, clauses and tokens, keeping every token's place.

The reader sees the sentence that hit a key point highlighted in the page, so every piece
keeps its offsets into the original text. Offsets are given in UTF-16 code units, the unit
of JavaScript strings, because the page (not Python) slices the text; for text inside the
Basic Multilingual Plane they equal Python's indices.

Normalisation is deliberately small and explainable: case folding, compatibility forms
(curly quotes, ligatures), American "-ize"/"-yze" spellings to British "-ise"/"-yse" (the
bank is British, readers are not), and contractions split into a verb and "not", so that
"isn't" carries the same negation as "is not".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# A token: a number (with an optional decimal part), a word (letters and digits, with an
# optional apostrophe suffix such as n't or 's), or one comparison or percent symbol.
_TOKEN = re.compile(
    r"(?P<num>(?<![\w.])\.?\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W_]+(?:['’][^\W_]+)?)"
    r"|(?P<sym><=|>=|!=|[<>=≤≥≠%±])"
)
# Where a sentence ends: ., ! or ? followed by white space, or any line break.
_SENTENCE_END = re.compile(r"[.!?]+['\"’”)\]]*(?=\s)|\n+")
# Punctuation that closes a clause inside a sentence (scopes of negation stop here).
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
# Punctuation that closes a segment: what someone else is said to believe stops here.
_SEGMENT_PUNCT = re.compile(r"[;:—–]|\s-\s")
ABBREVIATIONS = frozenset({"e.g", "i.e", "vs", "etc", "cf", "approx", "fig", "eq", "al", "resp"})
ARTICLES = frozenset({"a", "an", "the"})
# Words that open a new clause: a negation before them does not reach past them.
CLAUSE_WORDS = frozenset(
    {"but", "however", "whereas", "although", "though", "while", "yet", "instead", "unless"}
    | {"because", "except", "otherwise", "meanwhile", "which", "whereby", "so", "unlike"}
)
# Words that open a new segment: "people think X, but actually Y" asserts Y.
SEGMENT_WORDS = frozenset(
    {"but", "however", "whereas", "while", "actually", "instead", "rather", "unlike"}
)
_NEGATED_BASE = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_BRITISH = re.compile(r"(?<=[a-z]{3})(i|y)z(e|es|ed|ing|ation|ations|er|ers|able)$")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its normalised text, whether it is a number, and where it stands."""

    text: str
    number: bool
    start: int  # code-point offsets into the original answer
    end: int
    sentence: int
    clause: int  # index of the clause within the whole answer
    segment: int  # index of the segment (see _SEGMENT_PUNCT) within the whole answer


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Analysed:
    """An answer cut into sentences and tokens (articles dropped: they carry no meaning
    the matchers use, and writers should not have to spell them in every phrase)."""

    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]


_AB = re.compile(r"(?<![\w/])a/([ab])(?![\w/])")


def fold(text: str) -> str:
    """Compatibility forms, case folding and straight apostrophes; "a/b" and "a/a" become
    the words "ab" and "aa", since "a" alone is an article. Lengths are preserved for
    ordinary text so offsets stay valid (checked in `analyse`)."""
    text = text.casefold().replace("’", "'").replace("‘", "'")
    return _AB.sub(lambda m: "a" + m.group(1) + " ", text)


def british(word: str) -> str:
    """American -ize/-yze endings as the bank's British -ise/-yse ("normalize" ->
    "normalise"); only for words long enough that the ending is a suffix."""
    return _BRITISH.sub(lambda m: ("i" if m.group(1) == "i" else "y") + "s" + m.group(2), word)


def number_value(text: str) -> float | None:
    """The value of a number token ("0.05", ".05", "1,000"); None if it is not one."""
    cleaned = text.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", text) else text
    cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def split_word(raw: str) -> list[str]:
    """A word as the matchers see it: contractions split into the verb and "not", other
    apostrophe suffixes ('s, 're, 've, 'll, 'd, 'm) dropped, -ize spelt -ise."""
    if "'" not in raw:
        return [british(raw)]
    base, _, suffix = raw.partition("'")
    if suffix == "t" and base.endswith("n") and len(base) > 1:
        stem = base[:-1]
        return [_NEGATED_BASE.get(stem, stem), "not"]
    return [british(base)] if base else []


def tokens_of(text: str) -> list[tuple[str, bool, int, int]]:
    """(normalised text, is a number, start, end) for every token of an already folded
    text; used alike for answers and for the terms writers put in the bank."""
    out: list[tuple[str, bool, int, int]] = []
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "num":
            raw = m.group()
            out.append(("0" + raw if raw.startswith(".") else raw, True, m.start(), m.end()))
        elif m.lastgroup == "word":
            for part in split_word(m.group()):
                if part == "cannot":
                    out += [("can", False, m.start(), m.end()), ("not", False, m.start(), m.end())]
                else:
                    out.append((part, False, m.start(), m.end()))
        else:
            sym = {"≤": "<=", "≥": ">=", "≠": "!="}.get(m.group(), m.group())
            out.append((sym, False, m.start(), m.end()))
    return out


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and not m.group().startswith(".."):
            before = re.search(r"([a-z.]+)$", text[start : m.start()])
            word = before.group(1).strip(".") if before else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word != "a"):
                continue  # "e.g." or an initial, not the end of a sentence
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def analyse(answer: str) -> Analysed:
    """Sentences and tokens of an answer, each token tagged with its sentence, clause
    and segment; the folded text keeps the original's offsets."""
    text = unicodedata.normalize("NFC", answer)
    folded = fold(text)
    if len(folded) != len(text):  # a rare character whose case folding changes length
        folded = "".join(fold(c)[:1] or c for c in text)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    clause = segment = -1
    for s_start, s_end in _sentence_spans(folded):
        s_start, s_end = _trim(folded, s_start, s_end)
        index = len(sentences)
        sentences.append(Sentence(s_start, s_end))
        clause += 1
        segment += 1
        body = folded[s_start:s_end]
        clause_cuts = [m.start() for m in _CLAUSE_PUNCT.finditer(body)]
        segment_cuts = [m.start() for m in _SEGMENT_PUNCT.finditer(body)]
        last = 0
        for word, number, t_start, t_end in tokens_of(body):
            clause += sum(1 for c in clause_cuts if last <= c < t_start)
            segment += sum(1 for c in segment_cuts if last <= c < t_start)
            last = t_end
            clause += 1 if word in CLAUSE_WORDS or word in SEGMENT_WORDS else 0
            segment += 1 if word in SEGMENT_WORDS else 0
            if word in ARTICLES:
                continue
            tokens.append(
                Token(word, number, s_start + t_start, s_start + t_end, index, clause, segment)
            )
    return Analysed(text, tuple(sentences), tuple(tokens))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16:
    """Code-point indices of one text as JavaScript (UTF-16) string indices: characters
    outside the Basic Multilingual Plane take two units there."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, index: int) -> int:
        return index + bisect.bisect_left(self.astral, index) if self.astral else index


def utf16_offset(text: str, index: int) -> int:
    """A code-point index as a JavaScript (UTF-16) string index."""
    return Utf16(text)(index)
