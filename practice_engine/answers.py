"""Typed answers kept by request: the latest answer to each concept question, stored with
progress only while settings.keep_answers is true, so it reaches storage and the export
file only when the reader ticked "keep my answers". Otherwise the op returns the progress
unchanged and the text stays in the page.
"""

from __future__ import annotations

from typing import Any

from .clock import require_time
from .errors import EngineError
from .progress import require_progress
from .state import KeptAnswer, Progress
from .vocab import MAX_ANSWER_CHARS


def keep_answer(progress: Progress, question_id: str, text: Any, now_ms: int) -> Progress:
    """`progress` with `text` as the latest answer to `question_id`, when the reader keeps
    answers and the text is not blank; else `progress` itself."""
    require_progress(progress)
    if not isinstance(text, str):
        raise EngineError("the answer must be text")
    if len(text) > MAX_ANSWER_CHARS:
        raise EngineError(
            f"the answer is {len(text)} characters long; at most {MAX_ANSWER_CHARS} are kept"
        )
    require_time(now_ms, "now_ms")
    if not progress["settings"]["keep_answers"] or not text.strip():
        return progress
    kept: KeptAnswer = {"text": text, "t_ms": int(now_ms)}
    return {**progress, "answers": {**progress["answers"], question_id: kept}}


def merge_answers(
    stored: dict[str, KeptAnswer],
    mine: dict[str, KeptAnswer],
    since: dict[str, KeptAnswer],
    keep: bool,
) -> dict[str, KeptAnswer]:
    """The later answer per question, from `stored` and the answers of `mine` that differ
    from `since` (all of them in a union merge, where `since` is empty). Nothing when the
    merged settings keep no answers."""
    if not keep:
        return {}
    merged = dict(stored)
    for qid, answer in mine.items():
        if since.get(qid) == answer:
            continue
        other = merged.get(qid)
        if other is None or answer["t_ms"] >= other["t_ms"]:
            merged[qid] = answer
    return dict(sorted(merged.items()))
