"""The JSON exports of the bank for the quiz, flashcards and mock round, with its JSON
Schema (the coding exercises' files are exercise_export.py's).

Output is byte-for-byte stable for the same bank (sorted keys, fixed order, no timestamps),
so a rebuild that changes nothing changes no file, and the service worker's cache key only
moves when the content does.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from practice_engine.vocab import BANK_EXPORT_VERSION, LEVELS, ROLE_LABELS

from ..bank import Bank, Entry, Problem, Question
from ..bank.models import EntryModel, TracksFile
from ..render.links import entry_title, page_of, page_url
from . import Outputs
from .feedback import feedback_block, feedback_lexicon

BANK_JSON = "assets/quiz/bank.json"
SCHEMA_JSON = "assets/quiz/bank.schema.json"
# Answer feedback, apart from the bank: one file per question with key points, and the
# lexicon (practice_engine/feedback_files.py says why and how the worker loads them).
FEEDBACK_DIR = "assets/quiz/feedback"
FEEDBACK_LEXICON = f"{FEEDBACK_DIR}/lexicon.json"


def _items(entry: Entry) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "stem": item.stem,
            "multiple": item.multiple,
            "options": [o.model_dump() for o in item.options],
        }
        for item in entry.quiz
    ]


def _record(entry: Entry, bank: Bank) -> dict[str, Any]:
    record: dict[str, Any] = {
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
        record["time_target"] = entry.time_target
        record["followups"] = [f.q for f in entry.followups]
    if isinstance(entry, Question):
        record["order"] = entry.order
        # The must-know set is the core the home page, study plan and mock round start from.
        record["core"] = entry.must_know
        if entry.key_points or entry.trap_claims:
            record["feedback"] = feedback_block(entry)
    return record


def bank_json(bank: Bank) -> dict[str, Any]:
    """The engine's view of the bank, as the worker holds it once a question's feedback is
    loaded: only what a quiz, flashcard, mock round or answer feedback needs. Published
    split (`bank_outputs`); the engine reads either form."""
    return {
        "version": BANK_EXPORT_VERSION,
        "levels": list(LEVELS),
        "roles": dict(ROLE_LABELS),
        "tracks": [
            {"id": t.id, "title": t.title, "levels": list(t.levels), "roles": list(t.roles)}
            for t in bank.tracks
        ],
        "entries": [_record(e, bank) for e in bank.entries],
        "feedback_lexicon": feedback_lexicon(bank),
    }


def schema_json() -> dict[str, Any]:
    """JSON Schema of a bank entry and of the tracks file, generated from the models."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ML interview guide question bank",
        "entry": TypeAdapter(EntryModel).json_schema(),
        "tracks_file": TracksFile.model_json_schema(),
    }


def dumps(data: dict[str, Any]) -> str:
    """Compact: every practice page's worker fetches and parses the bank before Python is
    ready, and indentation made it 5.1 MB where 2.9 MB say the same."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def split_feedback(data: dict[str, Any]) -> tuple[dict[str, Any], Outputs]:
    """The bank without its answer feedback, and the feedback as files of their own: each
    question's block in `<id>.json`, the lexicon in `lexicon.json`. Every practice page
    loads the bank before its quiz is ready; the feedback is read only for a typed answer."""
    version = data["version"]
    files: Outputs = {
        FEEDBACK_LEXICON: dumps({"version": version, "lexicon": data["feedback_lexicon"]})
    }
    entries = []
    for entry in data["entries"]:
        entry = dict(entry)
        block = entry.pop("feedback", None)
        if block is not None:
            record = {"version": version, "id": entry["id"], "feedback": block}
            files[f"{FEEDBACK_DIR}/{entry['id']}.json"] = dumps(record)
        entries.append(entry)
    rest = {k: v for k, v in data.items() if k != "feedback_lexicon"}
    return {**rest, "entries": entries}, files


def bank_outputs(bank: Bank) -> Outputs:
    """assets/quiz/bank.json, its schema and the answer-feedback files."""
    published, feedback = split_feedback(bank_json(bank))
    return {BANK_JSON: dumps(published), SCHEMA_JSON: dumps(schema_json()), **feedback}
