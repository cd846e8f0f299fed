"""The quiz export: the bank as deterministic JSON for the widget, plus its JSON Schema.

Output is byte-for-byte stable for the same bank (sorted keys, fixed order, no timestamps),
so a rebuild that changes nothing changes no file, and the service worker's cache key only
moves when the content does.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from practice_engine.feedback.lexicon import near_words, stem
from practice_engine.feedback.spec import parse_matcher, words_of
from practice_engine.feedback.text import fold, tokens_of

from .bank import LEVELS, ROLES, TIME_TARGETS, Bank, Problem, Question
from .bank.models import Entry, Short, TracksFile
from .render.links import entry_title, page_of, page_url

EXPORT_VERSION = 1
QUIZ_DIR = Path("assets/quiz")


def _items(entry: Question | Problem | Short) -> list[dict]:
    return [
        {
            "id": item.id,
            "stem": item.stem,
            "multiple": item.multiple,
            "options": [o.model_dump() for o in item.options],
        }
        for item in entry.quiz
    ]


def _record(entry: Question | Problem | Short, bank: Bank) -> dict:
    record = {
        "id": entry.id,
        "kind": entry.kind,
        "track": entry.track,
        "title": entry_title(entry),
        "levels": list(entry.levels),
        "roles": list(entry.roles),
        "url": page_url(page_of(entry, bank)) + f"#q-{entry.id}",
        "items": _items(entry),
    }
    if isinstance(entry, Question | Problem):
        record["type"] = entry.type
        record["time_target"] = TIME_TARGETS[entry.type]
        record["followups"] = [f.q for f in entry.followups]
    if isinstance(entry, Question):
        record["order"] = entry.order
        if entry.key_points or entry.trap_claims:
            record["feedback"] = _feedback(entry)
    return record


def _feedback(question: Question) -> dict:
    """What the answer-feedback op needs: key points, trap claims with their matchers as
    written (the engine parses them), the traps' Markdown source and the caveat."""
    words = {
        w.text
        for point in (*question.key_points, *question.trap_claims)
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


def bank_json(bank: Bank) -> dict:
    """The widget's view of the bank: only what a quiz, flashcard or mock round needs."""
    return {
        "version": EXPORT_VERSION,
        "levels": list(LEVELS),
        "roles": ROLES,
        "tracks": [
            {"id": t.id, "title": t.title, "levels": list(t.levels), "roles": list(t.roles)}
            for t in bank.tracks
        ],
        "entries": [_record(e, bank) for e in bank.entries],
        "feedback_lexicon": list(feedback_lexicon(bank)),
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
        for point in (*q.key_points, *q.trap_claims):
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
    return _near_words(frozenset(words), frozenset(prefixes), frozenset(vocabulary - words))


@lru_cache(maxsize=4)
def _near_words(words: frozenset, prefixes: frozenset, vocabulary: frozenset) -> list[str]:
    """Cached: a few seconds of work that only changes when the bank's words do."""
    return near_words(set(words), set(prefixes), set(vocabulary))


def schema_json() -> dict:
    """JSON Schema of a bank entry and of the tracks file, generated from the models."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ML interview guide question bank",
        "entry": TypeAdapter(Entry).json_schema(),
        "tracks_file": TracksFile.model_json_schema(),
    }


def dumps(data: dict) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def write_export(bank: Bank, site_dir: Path) -> list[Path]:
    out = site_dir / QUIZ_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "bank.json", out / "bank.schema.json"]
    paths[0].write_text(dumps(bank_json(bank)), encoding="utf-8")
    paths[1].write_text(dumps(schema_json()), encoding="utf-8")
    return paths
