"""Export and import of progress as a file, so a reader can move it between browsers or
keep a backup. Reading a file never raises: it answers ok/error with a message naming what
is wrong and where. Merging is a union that loses nothing either side knows, and exporting
then importing into a cleared state gives back exactly the state exported.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from typing import Any

from .answers import merge_answers
from .bankdata import BankData
from .clock import is_int, is_time, parse_when, require_time, to_ms
from .errors import EngineError
from .progress import has_study_data, require_progress, upgrade
from .state import ExerciseRecord, Progress
from .stored_text import nesting_problem
from .validate import shown
from .vocab import MAX_HISTORY, MAX_IMPORT_CHARS, PROGRESS_FORMAT, PROGRESS_VERSION

FILE_KEYS = ("format", "version", "exported_ms", "progress")
MODES = ("merge", "replace")


def export_file(progress: Progress, now_ms: int) -> dict[str, Any]:
    """The file's content; the page serialises it and offers it for download."""
    require_progress(progress)
    require_time(now_ms, "now_ms")
    return {
        "format": PROGRESS_FORMAT,
        "version": PROGRESS_VERSION,
        "exported_ms": now_ms,
        "progress": progress,
    }


def _file_problem(data: Any) -> str | None:
    """Problems with the envelope around the progress, in the order a reader would fix them."""
    if not isinstance(data, dict):
        return "the file is JSON but not an object; it is not a progress export"
    if "format" not in data:
        return 'the file has no "format"; it is not a progress export of this guide'
    if data["format"] != PROGRESS_FORMAT:
        return f'the file\'s "format" is {shown(data["format"])}, expected {PROGRESS_FORMAT!r}'
    if "version" not in data:
        return 'the file has no "version"'
    version = data["version"]
    if not is_int(version):
        return f'the file\'s "version" must be a whole number, not {shown(version)}'
    if version > PROGRESS_VERSION:
        return (
            f"the file was written by a newer version of the guide (format {version}; this "
            f"page reads up to {PROGRESS_VERSION}); open this page again once the guide here "
            "is updated, then import it"
        )
    if version < 1:
        return f"the file's version {version} was never written by this guide"
    extra = sorted(str(k) for k in data if k not in FILE_KEYS)
    if extra:
        return f"the file has unknown keys {shown(extra)}"
    if "exported_ms" in data and not is_time(data["exported_ms"]):
        return '"exported_ms" must be a whole number of milliseconds since 1970'
    if "progress" not in data:
        return 'the file has no "progress"'
    inner = data["progress"]
    if isinstance(inner, dict) and inner.get("version") != version:
        inner_version = shown(inner.get("version"))
        return f"progress.version is {inner_version}, but the file is version {version}"
    return None


def _reject(error: str) -> dict[str, Any]:
    return {"ok": False, "error": error, "incoming": None}


def _parse(text: Any) -> tuple[Any, dict[str, Any] | None]:
    """(data, None) or (None, rejection). The size is checked before parsing, so a huge
    file costs nothing, and the depth before json.loads (see nesting_problem)."""
    if not isinstance(text, str):
        return None, _reject("the file is not text")
    if len(text) > MAX_IMPORT_CHARS:
        return None, _reject("the file is larger than 5 MB; a progress export is far smaller")
    nested = nesting_problem(text)
    if nested:
        return None, _reject(f"the file is not a progress export: {nested}")
    try:
        return json.loads(text), None
    except (ValueError, RecursionError) as exc:
        return None, _reject(f"the file is not JSON ({exc})")


def read_import(text: str) -> dict[str, Any]:
    """{"ok", "error", "incoming"}: the file's progress (version 1 migrated) or why it cannot
    be imported."""
    data, rejected = _parse(text)
    if rejected:
        return rejected
    problem = _file_problem(data)
    if problem:
        return _reject(problem)
    incoming, problem = upgrade(data["progress"])
    if incoming is None:
        return _reject(problem or "the file's progress is not valid")
    return {"ok": True, "error": None, "incoming": incoming}


def read_backup(text: str) -> dict[str, Any]:
    """Like read_import, for a backup the site kept: the progress exactly as it was stored
    (no file envelope), or an export file. Restoring a backup then goes through the same
    preview and merge or replace as importing a file."""
    data, rejected = _parse(text)
    if rejected:
        return rejected
    if isinstance(data, dict) and "format" in data:
        return read_import(text)
    incoming, problem = upgrade(data, "the backup")
    if incoming is None:
        return _reject(problem or "the backup is not progress")
    return {"ok": True, "error": None, "incoming": incoming}


def _union(first: list, second: list, key: Callable[[Any], Hashable]) -> list:
    """Both lists' elements, each key once (the first seen wins), in their original order."""
    seen: set[Hashable] = set()
    out = []
    for x in [*first, *second]:
        if key(x) not in seen:
            seen.add(key(x))
            out.append(x)
    return out


def _merge_quiz(current: dict, incoming: dict) -> dict:
    """Per item: the union of answers (same time and verdict counted once), in time order,
    keeping the newest MAX_HISTORY like record() does."""
    merged = dict(current)
    for item_id, history in incoming.items():
        union = _union(merged.get(item_id, []), history, tuple)
        merged[item_id] = sorted(union, key=lambda a: a[0])[-MAX_HISTORY:]
    return merged


def _last_review_ms(card: dict) -> int:
    """A card never reviewed (only in a hand-made file) counts as older than any other."""
    when = parse_when(card["last_review"]) if card["last_review"] else None
    return to_ms(when) if when else -1


def _merge_cards(current: dict, incoming: dict) -> dict:
    """Per question: the card reviewed later (current wins a tie)."""
    merged = dict(current)
    for question_id, card in incoming.items():
        mine = merged.get(question_id)
        if mine is None or _last_review_ms(card) > _last_review_ms(mine):
            merged[question_id] = card
    return merged


def _later(mine: Any, theirs: Any, when: Callable[[Any], int]) -> Any:
    """The one of two values that is later by `when`; mine on a tie or when theirs is None."""
    if theirs is None or (mine is not None and when(theirs) <= when(mine)):
        return mine
    return theirs


def _merge_record(mine: ExerciseRecord, theirs: ExerciseRecord) -> ExerciseRecord:
    """Results and follow-up grades united; the card reviewed later, the draft saved later
    and the round touched later (current wins a tie)."""
    results = _union(mine["results"], theirs["results"], tuple)
    grades = _union(mine["followups"], theirs["followups"], tuple)
    return {
        "round": _later(mine["round"], theirs["round"], lambda r: r["last_ms"] or -1),
        "results": sorted(results, key=lambda r: r[0])[-MAX_HISTORY:],
        "card": _later(mine["card"], theirs["card"], _last_review_ms),
        "followups": sorted(grades, key=lambda g: g[2])[-MAX_HISTORY:],
        "draft": _later(mine["draft"], theirs["draft"], lambda d: d["saved_ms"]),
    }


def _merge_exercises(current: dict, incoming: dict) -> dict:
    merged = dict(current)
    for exercise_id, record in incoming.items():
        mine = merged.get(exercise_id)
        merged[exercise_id] = record if mine is None else _merge_record(mine, record)
    return merged


def merge(current: Progress, incoming: Progress) -> Progress:
    """The union of two progresses. Settings stay the current ones, except that a progress
    with nothing studied yet (a new browser, or just cleared) takes the file's, so that
    export, clear and merge-import restore the reader's state exactly."""
    reviews = _union(current["reviews"], incoming["reviews"], tuple)
    mocks = _union(current["mocks"], incoming["mocks"], lambda m: m["id"])
    fresh = not has_study_data(current)
    settings = incoming["settings"] if fresh else current["settings"]
    return {
        "version": PROGRESS_VERSION,
        "quiz": _merge_quiz(current["quiz"], incoming["quiz"]),
        "cards": _merge_cards(current["cards"], incoming["cards"]),
        "reviews": sorted(reviews, key=lambda r: r[2]),
        "mocks": sorted(mocks, key=lambda m: (m["finished_ms"], m["id"])),
        "settings": settings,
        "exercises": _merge_exercises(current["exercises"], incoming["exercises"]),
        "answers": merge_answers(
            current["answers"], incoming["answers"], {}, settings["keep_answers"]
        ),
    }


def _require_mode(mode: Any) -> str:
    if not isinstance(mode, str) or mode not in MODES:
        raise EngineError(f"mode must be one of {', '.join(MODES)}")
    return mode


def apply_import(current: Progress, incoming: Progress, mode: str) -> Progress:
    """The progress after importing: "merge" unites both, "replace" takes the file's as is."""
    require_progress(current)
    require_progress(incoming)
    return incoming if _require_mode(mode) == "replace" else merge(current, incoming)


def _answers(progress: Progress) -> set[tuple[str, int, int]]:
    return {(item, t, c) for item, history in progress["quiz"].items() for t, c in history}


def _reviews(progress: Progress) -> set[tuple[str, str, int]]:
    return {(q, g, t) for q, g, t in progress["reviews"]}


def _results(progress: Progress) -> set[tuple[str, int, str]]:
    return {(e, r[0], r[1]) for e, rec in progress["exercises"].items() for r in rec["results"]}


def _kept(progress: Progress) -> set[tuple[str, str, int]]:
    return {(q, a["text"], a["t_ms"]) for q, a in progress["answers"].items()}


def _counts(before: Progress, after: Progress) -> dict[str, int]:
    """How much of `before` is missing from `after`."""
    return {
        "quiz_answers": len(_answers(before) - _answers(after)),
        "cards": len(set(before["cards"]) - set(after["cards"])),
        "reviews": len(_reviews(before) - _reviews(after)),
        "mocks": len({m["id"] for m in before["mocks"]} - {m["id"] for m in after["mocks"]}),
        "exercises": len(set(before["exercises"]) - set(after["exercises"])),
        "exercise_results": len(_results(before) - _results(after)),
        "answers": len(_kept(before) - _kept(after)),
    }


def _unknown(bank: BankData, incoming: Progress) -> tuple[list[str], list[str]]:
    """Ids in the file that the bank no longer has: kept, but not shown until they return."""
    questions = {e.id for e in bank.entries if e.kind == "question"}
    ids = set(incoming["cards"]) | {r[0] for r in incoming["reviews"]}
    ids |= {q for m in incoming["mocks"] for q in m["questions"]}
    items = {i for i in incoming["quiz"] if bank.item(i) is None}
    return sorted(ids - questions), sorted(items)


def preview_import(
    bank: BankData, current: Progress, incoming: Progress, mode: str
) -> dict[str, Any]:
    """What apply_import would change, counted on its actual result, so the preview and the
    import can never disagree."""
    after = apply_import(current, incoming, mode)
    added = _counts(after, current)
    updated = [q for q in current["cards"] if q in after["cards"]]
    unknown_questions, unknown_items = _unknown(bank, incoming)
    return {
        "mode": mode,
        "quiz_answers_added": added["quiz_answers"],
        "cards_added": added["cards"],
        "cards_updated": sum(1 for q in updated if after["cards"][q] != current["cards"][q]),
        "reviews_added": added["reviews"],
        "mocks_added": added["mocks"],
        "exercises_added": added["exercises"],
        "exercise_results_added": added["exercise_results"],
        "answers_added": added["answers"],
        "will_remove": _counts(current, after),
        "settings_change": after["settings"] != current["settings"],
        "unknown_questions": unknown_questions,
        "unknown_quiz_items": unknown_items,
    }
