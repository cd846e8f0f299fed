"""The coding exercises' JSON: a public file per exercise with what Run, Check and the hints
need and nothing the reader earns; a reveal file with the solution, the remarks and the
follow-up answers; the index the schedule reads; and the schema of exercise.yml. All of it
deterministic, and the Markdown rendered by the build."""

from __future__ import annotations

import json

from macros.bank.exercises import load_exercises
from macros.publish.exercise_export import (
    INDEX_JSON,
    SCHEMA_JSON,
    exercise_outputs,
    exercise_record,
    reveal_record,
)
from practice_engine.exercise_progress import exercise_overview
from practice_engine.judge import require_exercise
from practice_engine.progress import empty_progress
from tests.conftest import ROOT

REAL = ROOT / "quiz_data" / "exercises"
EXERCISES = load_exercises(REAL)
PUBLIC_KEYS = {"format", "id", "title", "version", "function", "starter", "checks", "forbid"}
PUBLIC_KEYS |= {"complexity", "hints", "followups", "reveal"}


def test_every_exercise_has_a_public_and_a_reveal_file_and_the_index() -> None:
    outputs = exercise_outputs(EXERCISES)
    expected = {INDEX_JSON, SCHEMA_JSON}
    for e in EXERCISES:
        expected |= {f"assets/exercises/{e.id}.json", f"assets/exercises/reveal/{e.id}.json"}
    assert set(outputs) == expected
    assert exercise_outputs(EXERCISES) == outputs  # deterministic


def test_the_public_file_holds_what_the_page_needs_and_nothing_earned() -> None:
    for e in EXERCISES:
        record = exercise_record(e)
        assert set(record) == PUBLIC_KEYS
        assert record["version"] == e.version and record["checks"] == e.checks
        text = json.dumps(record)
        assert "solution" not in record and json.dumps(e.solution) not in text
        assert "answer" not in json.dumps(record["followups"])
        assert record["reveal"] == f"assets/exercises/reveal/{e.id}.json"
        require_exercise(record)  # the engine takes the record as it is published


def test_the_reveal_file_holds_the_solution_remarks_and_answers() -> None:
    top_k = next(e for e in EXERCISES if e.id == "top-k-heap")
    reveal = reveal_record(top_k)
    assert set(reveal) == {"format", "id", "version", "solution", "remarks", "answers"}
    assert reveal["solution"] == top_k.solution
    assert reveal["remarks"].startswith("<p>A bounded min-heap")
    assert len(reveal["answers"]) == len(top_k.meta.followups)


def test_markdown_is_rendered_with_the_site_extensions() -> None:
    top_k = next(e for e in EXERCISES if e.id == "top-k-heap")
    remarks = reveal_record(top_k)["remarks"]
    assert '<span class="arithmatex">\\(O(n \\log k)\\)</span>' in remarks
    assert "<code>sorted(pairs, ...)[:k]</code>" in remarks
    hints = exercise_record(top_k)["hints"]
    assert hints[1].startswith("<p>") and "<code>heapq.heapreplace</code>" in hints[1]


def test_the_index_is_what_the_overview_takes() -> None:
    index = json.loads(exercise_outputs(EXERCISES)[INDEX_JSON])
    assert [e["id"] for e in index["exercises"]] == [e.id for e in EXERCISES]
    assert index["exercises"][0]["url"] == f"exercises/{EXERCISES[0].id}/"
    overview = exercise_overview(empty_progress(), index["exercises"], 1_767_225_600_000)
    assert overview["counts"]["new"] == len(EXERCISES)


def test_the_schema_describes_exercise_yml() -> None:
    schema = json.loads(exercise_outputs(EXERCISES)[SCHEMA_JSON])
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["required"]) == {"hints", "remarks", "followups"}
    assert schema["properties"]["hints"]["maxItems"] == 4
