"""The coding exercises on the build side: load and validate quiz_data/exercises/, and write
the per-exercise JSON the page fetches for its Check button.

Each exercise is a folder named by its id holding prompt.md, starter.py, solution.py and
checks.py. Like the bank loader, validation never stops at the first problem: it collects
an `Issue` (file, field, what was expected) for each one and raises a single error listing
them all, so a contributor fixes everything in one pass.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bank import BankError, Issue

FILES = ("prompt.md", "starter.py", "solution.py", "checks.py")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CASE_KEYS = {"name", "args", "kwargs", "expected", "raises"}
EXPORT_DIR = Path("assets/exercises")


class ExercisesError(BankError):
    """The exercises are invalid; `issues` lists every problem found."""

    def __init__(self, issues) -> None:
        super().__init__(issues)
        lines = "\n".join(f"  - {i}" for i in self.issues)
        self.args = (f"the coding exercises have {len(self.issues)} problem(s):\n{lines}",)

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    prompt: str  # the Markdown of prompt.md without its title line
    starter: str
    solution: str
    checks: str
    function: str


def _read(path: Path, rel: str, issues: list[Issue]) -> str | None:
    if not path.is_file():
        issues.append(
            Issue(rel, "", "file is missing (each exercise needs " + ", ".join(FILES) + ")")
        )
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        issues.append(Issue(rel, "", f"cannot read the file: {exc}"))
        return None


def _title(prompt: str, rel: str, issues: list[Issue]) -> str:
    first = prompt.splitlines()[0] if prompt.strip() else ""
    if not first.startswith("# ") or not first[2:].strip():
        issues.append(Issue(rel, "title", f"the first line must be '# <title>', got {first!r}"))
        return ""
    return first[2:].strip()


def _compiles(code: str, rel: str, issues: list[Issue]) -> bool:
    try:
        compile(code, rel, "exec")
    except SyntaxError as exc:
        issues.append(Issue(rel, f"line {exc.lineno}", f"Python syntax error: {exc.msg}"))
        return False
    except ValueError as exc:  # a null byte
        issues.append(Issue(rel, "", f"cannot be compiled: {exc}"))
        return False
    return True


def _case_issues(cases: list, rel: str) -> list[Issue]:
    issues = []
    for n, case in enumerate(cases):
        where = f"CASES[{n}]"
        if not isinstance(case, dict):
            issues.append(Issue(rel, where, f"expected a dict, got {type(case).__name__}"))
            continue
        if not isinstance(case.get("name"), str) or not case["name"]:
            issues.append(Issue(rel, f"{where}.name", "required: a non-empty string"))
        if ("expected" in case) == ("raises" in case):
            issues.append(Issue(rel, where, "needs exactly one of 'expected' and 'raises'"))
        unknown = sorted(set(case) - CASE_KEYS, key=str)
        if unknown:
            issues.append(Issue(rel, where, f"unknown key(s) {unknown}"))
        if not isinstance(case.get("args", []), list):
            issues.append(Issue(rel, f"{where}.args", "must be a list"))
        if not isinstance(case.get("kwargs", {}), dict):
            issues.append(Issue(rel, f"{where}.kwargs", "must be a dict"))
    return issues


def _checks(code: str, rel: str, issues: list[Issue]) -> str:
    """Run checks.py (our own repository's file) and validate FUNCTION and CASES."""
    if not _compiles(code, rel, issues):
        return ""
    namespace: dict[str, Any] = {"__name__": "__exercise_checks__"}
    try:
        exec(compile(code, rel, "exec"), namespace)
    except Exception as exc:
        issues.append(Issue(rel, "", f"raised {type(exc).__name__}: {exc} when loaded"))
        return ""
    function = namespace.get("FUNCTION")
    if not isinstance(function, str) or not function.isidentifier():
        issues.append(Issue(rel, "FUNCTION", f"must name the function to write, got {function!r}"))
        function = ""
    cases = namespace.get("CASES")
    if not isinstance(cases, list) or not cases:
        got = "nothing" if cases is None else repr(cases)[:40]
        issues.append(Issue(rel, "CASES", f"must be a non-empty list of cases, got {got}"))
    else:
        issues += _case_issues(cases, rel)
    if "extra_checks" in namespace and not callable(namespace["extra_checks"]):
        issues.append(Issue(rel, "extra_checks", "must be a function"))
    return function


def _defines(code: str, function: str, rel: str, issues: list[Issue]) -> None:
    if function and not re.search(rf"^def {re.escape(function)}\(", code, re.M):
        issues.append(Issue(rel, "FUNCTION", f"must define `def {function}(` at the top level"))


def load_exercise(folder: Path, root: Path) -> tuple[Exercise | None, list[Issue]]:
    """One exercise folder: the exercise (None when invalid) and its problems."""
    rel_dir = folder.relative_to(root).as_posix()
    issues: list[Issue] = []
    if not ID_PATTERN.match(folder.name):
        issues.append(Issue(rel_dir, "id", "folder names are ids: lowercase words and hyphens"))
    texts = {name: _read(folder / name, f"{rel_dir}/{name}", issues) for name in FILES}
    title = function = ""
    if texts["prompt.md"] is not None:
        title = _title(texts["prompt.md"], f"{rel_dir}/prompt.md", issues)
    if texts["checks.py"] is not None:
        function = _checks(texts["checks.py"], f"{rel_dir}/checks.py", issues)
    for name in ("starter.py", "solution.py"):
        code, rel = texts[name], f"{rel_dir}/{name}"
        if code is not None and _compiles(code, rel, issues):
            _defines(code, function, rel, issues)
    if issues:
        return None, issues
    prompt = texts["prompt.md"].split("\n", 1)[1] if "\n" in texts["prompt.md"] else ""
    exercise = Exercise(
        id=folder.name,
        title=title,
        prompt=prompt.strip("\n") + "\n",
        starter=texts["starter.py"],
        solution=texts["solution.py"],
        checks=texts["checks.py"],
        function=function,
    )
    return exercise, []


def load_exercises(root: Path | str) -> list[Exercise]:
    """Every exercise under `root`, sorted by title; raise ExercisesError listing all
    problems if any folder is invalid."""
    root = Path(root)
    if not root.is_dir():
        raise ExercisesError([Issue(root.name, "", "the exercises folder is missing")])
    exercises, issues = [], []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        exercise, found = load_exercise(folder, root)
        issues += found
        if exercise is not None:
            exercises.append(exercise)
    if not exercises and not issues:
        issues.append(Issue(root.name, "", "holds no exercise"))
    if issues:
        raise ExercisesError(issues)
    return sorted(exercises, key=lambda e: (e.title.lower(), e.id))


_cache: dict[str, tuple[tuple, list[Exercise]]] = {}


def exercises_for(root: Path) -> list[Exercise]:
    """The exercises under `root`, reloaded only when a file changed (`mkdocs serve`)."""
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()))
    key = str(root.resolve())
    if key in _cache and _cache[key][0] == stamp:
        return _cache[key][1]
    exercises = load_exercises(root)
    _cache[key] = (stamp, exercises)
    return exercises


def get_exercise(root: Path, exercise_id: str) -> Exercise:
    for exercise in exercises_for(root):
        if exercise.id == exercise_id:
            return exercise
    raise ValueError(f"no coding exercise has id {exercise_id!r} (see {root})")


def export_record(exercise: Exercise) -> dict[str, str]:
    """What the page needs to check the reader's code; the solution stays on the page."""
    return {
        "id": exercise.id,
        "title": exercise.title,
        "starter": exercise.starter,
        "checks": exercise.checks,
    }


def write_exercise_export(exercises: list[Exercise], site_dir: Path) -> list[Path]:
    """site/assets/exercises/<id>.json, deterministic so unchanged builds change no byte."""
    out = site_dir / EXPORT_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for exercise in exercises:
        path = out / f"{exercise.id}.json"
        text = json.dumps(export_record(exercise), sort_keys=True, ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths
