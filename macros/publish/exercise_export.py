"""The JSON files of the coding exercises, beside their pages.

- `assets/exercises/<id>.json`: what the page needs to run and check the reader's code and
  to teach before the solution: the starter, the checks, the forbidden names, the
  complexity bound, the hints (as HTML, revealed one at a time) and the follow-up
  questions, with the exercise's version.
- `assets/exercises/reveal/<id>.json`: what the reader earns: the reference solution, the
  author's remarks and the model answers to the follow-ups. The page fetches it only when
  the reader reveals one of them.
- `assets/exercises/index.json`: every exercise's id, title, page and version, for the
  progress pages and the schedule (the engine's exercise_overview takes this list).
- `assets/exercises/exercise.schema.json`: the JSON Schema of exercise.yml.

None of this is on a page, so the site search, which indexes pages, never sees a solution,
a remark or an answer (tests/site/test_exercise_secrets.py holds it so). Hints are here too
rather than collapsed on the page: on the page they would be in the search index, and
revealing them one at a time needs the script anyway. Markdown is rendered by the build
(render/fragments.py); the widget inserts that HTML and nothing else as HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from practice_engine.vocab import EXERCISE_EXPORT_VERSION

from ..bank.exercise_models import ExerciseMeta
from ..bank.exercises import Exercise
from ..render.fragments import to_html
from . import Outputs
from .export import dumps

EXERCISES_DIR = "assets/exercises"
REVEAL_DIR = f"{EXERCISES_DIR}/reveal"
INDEX_JSON = f"{EXERCISES_DIR}/index.json"
SCHEMA_JSON = f"{EXERCISES_DIR}/exercise.schema.json"
PAGES_DIR = "exercises"

# (fragment HTML, src_uri of the page that shows it) -> the HTML with its formulas typeset
Typeset = Callable[[str, str], str]


def _no_math(content: str, page: str) -> str:
    return content


def _renderer(exercise: Exercise, typeset: Typeset) -> Callable[[str], str]:
    """Bank Markdown of one exercise -> HTML with its formulas typeset for its page."""
    page = page_of(exercise)
    return lambda text: typeset(to_html(text), page)


def exercise_record(exercise: Exercise, typeset: Typeset = _no_math) -> dict[str, Any]:
    """The public file of an exercise (see the module docstring)."""
    meta = exercise.meta
    html = _renderer(exercise, typeset)
    return {
        "format": EXERCISE_EXPORT_VERSION,
        "id": exercise.id,
        "title": exercise.title,
        "version": exercise.version,
        "function": exercise.function,
        "starter": exercise.starter,
        "checks": exercise.checks,
        "forbid": exercise.rules,
        "complexity": exercise.bound,
        "hints": [html(h) for h in meta.hints],
        "followups": [{"q": html(f.q)} for f in meta.followups],
        "reveal": f"{REVEAL_DIR}/{exercise.id}.json",
    }


def reveal_record(exercise: Exercise, typeset: Typeset = _no_math) -> dict[str, Any]:
    """What the reader earns: the solution (as code text), remarks and answers (HTML)."""
    html = _renderer(exercise, typeset)
    return {
        "format": EXERCISE_EXPORT_VERSION,
        "id": exercise.id,
        "version": exercise.version,
        "solution": exercise.solution,
        "remarks": html(exercise.meta.remarks),
        "answers": [html(f.answer) for f in exercise.meta.followups],
    }


def index_record(exercises: list[Exercise]) -> dict[str, Any]:
    return {
        "format": EXERCISE_EXPORT_VERSION,
        "exercises": [
            {
                "id": e.id,
                "title": e.title,
                "url": f"{PAGES_DIR}/{e.id}/",
                "version": e.version,
                "complexity": e.bound["target"] if e.bound else None,
            }
            for e in exercises
        ],
    }


def schema_json() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **ExerciseMeta.model_json_schema(),
    }


def page_of(exercise: Exercise) -> str:
    """The src_uri of the page that shows an exercise."""
    return f"{PAGES_DIR}/{exercise.id}.md"


def exercise_outputs(exercises: list[Exercise], typeset: Typeset = _no_math) -> Outputs:
    """Every exercise file: public, reveal, the index and the schema. `typeset` turns the
    formulas of a fragment into KaTeX's HTML (render/math.py), since no page typesets them
    in the browser."""
    outputs: Outputs = {
        INDEX_JSON: dumps(index_record(exercises)),
        SCHEMA_JSON: dumps(schema_json()),
    }
    for e in exercises:
        outputs[f"{EXERCISES_DIR}/{e.id}.json"] = dumps(exercise_record(e, typeset))
        outputs[f"{REVEAL_DIR}/{e.id}.json"] = dumps(reveal_record(e, typeset))
    return outputs
