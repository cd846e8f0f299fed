"""The coding exercises on the build side: load and validate quiz_data/exercises/.

Each exercise is a folder named by its id holding prompt.md, starter.py, solution.py,
checks.py and exercise.yml (hints, remarks, follow-ups, forbidden names, complexity bound;
see exercise_models.py), plus slow.py when it declares a complexity bound: a correct but
slower reference that the bound must reject. Like the bank loader, validation never stops
at the first problem: it collects an `Issue` (file, field, what was expected) for each one
and raises a single error listing them all, so a contributor fixes everything in one pass.

Each exercise gets a version: a hash of what the reader's code is judged against (prompt,
starter, checks, forbidden names, bound), so a draft or a pass made on an older version can
be flagged. Hints, remarks, follow-ups and the solution do not change it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from practice_engine.constraints import require_rules, violations
from practice_engine.exercise_checks import checks_namespace, checks_problems
from practice_engine.vocab import EXERCISE_VERSION_CHARS

from .exercise_models import ExerciseMeta
from .loader import BankError, Issue, _issues_from, _read_yaml

FILES = ("prompt.md", "starter.py", "solution.py", "checks.py", "exercise.yml")
SLOW = "slow.py"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ExercisesError(BankError):
    """The exercises are invalid; `issues` lists every problem found."""

    def __init__(self, issues: Iterable[Issue]) -> None:
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
    meta: ExerciseMeta
    examples: tuple[dict[str, Any], ...]  # checks.py's EXAMPLES, shown on the page
    slow: str | None  # slow.py, kept for the test that the bound rejects it
    version: str  # see the module docstring

    @property
    def rules(self) -> list[dict[str, str]]:
        return self.meta.rules()

    @property
    def bound(self) -> dict[str, Any] | None:
        return self.meta.bound()


def exercise_version(prompt: str, starter: str, checks: str, meta: ExerciseMeta) -> str:
    """A hash of what the reader's code is judged against."""
    judged: dict[str, Any] = {"prompt": prompt, "starter": starter, "checks": checks}
    judged |= {"forbid": meta.rules(), "complexity": meta.bound()}
    text = json.dumps(judged, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:EXERCISE_VERSION_CHARS]


def _read(path: Path, rel: str, issues: list[Issue]) -> str | None:
    if not path.is_file():
        needs = ", ".join(FILES)
        issues.append(Issue(rel, "", f"file is missing (each exercise needs {needs})"))
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


def _checks(code: str, rel: str, issues: list[Issue]) -> dict[str, Any]:
    """Run checks.py (our own repository's file) and validate what it defines with the
    engine's own rules, the ones the page's Check button applies; returns its names."""
    if not _compiles(code, rel, issues):
        return {}
    try:
        namespace = checks_namespace(code, rel)
    except Exception as exc:
        issues.append(Issue(rel, "", f"raised {type(exc).__name__}: {exc} when loaded"))
        return {}
    problems = checks_problems(namespace)
    if not problems and not namespace.get("EXAMPLES"):
        problems.append(("EXAMPLES", "needs at least one visible example for the page"))
    issues += [Issue(rel, where, what) for where, what in problems]
    return namespace if not problems else {}


def _meta(folder: Path, rel_dir: str, issues: list[Issue]) -> ExerciseMeta | None:
    rel = f"{rel_dir}/exercise.yml"
    if _read(folder / "exercise.yml", rel, issues) is None:
        return None
    data, found = _read_yaml(folder / "exercise.yml", rel)
    if found:
        issues += found
        return None
    try:
        return ExerciseMeta.model_validate(data)
    except ValidationError as exc:
        issues += _issues_from(exc, rel)
        return None


def _uses_nothing_forbidden(code: str, meta: ExerciseMeta, rel: str, issues: list[Issue]) -> None:
    for v in violations(code, require_rules(meta.rules())):
        issues.append(Issue(rel, f"line {v['line']}", f"uses {v['target']}, which forbid bans"))


def _defines(code: str, function: str, rel: str, issues: list[Issue]) -> None:
    if function and not re.search(rf"^def {re.escape(function)}\(", code, re.M):
        issues.append(Issue(rel, "FUNCTION", f"must define `def {function}(` at the top level"))


def _bound_needs(
    folder: Path,
    rel_dir: str,
    meta: ExerciseMeta | None,
    names: dict[str, Any],
    issues: list[Issue],
) -> str | None:
    """With a bound, checks.py must build its inputs and slow.py must exist; returns slow.py."""
    has_slow = (folder / SLOW).is_file()
    if meta is None:  # exercise.yml is invalid: its own issues say why
        return None
    if meta.complexity is None:
        if has_slow:
            issues.append(
                Issue(
                    f"{rel_dir}/{SLOW}",
                    "",
                    "slow.py is only for an exercise with a complexity bound",
                )
            )
        return None
    if names and not callable(names.get("complexity_input")):
        issues.append(
            Issue(
                f"{rel_dir}/checks.py",
                "complexity_input",
                "a complexity bound needs complexity_input(n) returning the args at size n",
            )
        )
    if not has_slow:
        issues.append(
            Issue(
                f"{rel_dir}/{SLOW}",
                "",
                "file is missing: a complexity bound needs a slower reference that it rejects",
            )
        )
        return None
    return _read(folder / SLOW, f"{rel_dir}/{SLOW}", issues)


def load_exercise(folder: Path, root: Path) -> tuple[Exercise | None, list[Issue]]:
    """One exercise folder: the exercise (None when invalid) and its problems."""
    rel_dir = folder.relative_to(root).as_posix()
    issues: list[Issue] = []
    if not ID_PATTERN.match(folder.name):
        issues.append(Issue(rel_dir, "id", "folder names are ids: lowercase words and hyphens"))
    code_files = [name for name in FILES if name != "exercise.yml"]
    texts = {name: _read(folder / name, f"{rel_dir}/{name}", issues) for name in code_files}
    meta = _meta(folder, rel_dir, issues)
    title = ""
    if texts["prompt.md"] is not None:
        title = _title(texts["prompt.md"], f"{rel_dir}/prompt.md", issues)
    names = (
        _checks(texts["checks.py"], f"{rel_dir}/checks.py", issues)
        if texts["checks.py"] is not None
        else {}
    )
    function = names.get("FUNCTION", "")
    slow = _bound_needs(folder, rel_dir, meta, names, issues)
    for name, code in (
        ("starter.py", texts["starter.py"]),
        ("solution.py", texts["solution.py"]),
        (SLOW, slow),
    ):
        rel = f"{rel_dir}/{name}"
        if code is not None and _compiles(code, rel, issues):
            _defines(code, function, rel, issues)
            if meta is not None and name == "solution.py":
                _uses_nothing_forbidden(code, meta, rel, issues)
    read = {name: text for name, text in texts.items() if text is not None}
    if issues or meta is None or len(read) != len(code_files):
        return None, issues
    prompt = read["prompt.md"].split("\n", 1)[1] if "\n" in read["prompt.md"] else ""
    exercise = Exercise(
        id=folder.name,
        title=title,
        prompt=prompt.strip("\n") + "\n",
        starter=read["starter.py"],
        solution=read["solution.py"],
        checks=read["checks.py"],
        function=function,
        meta=meta,
        examples=tuple(names["EXAMPLES"]),
        slow=slow,
        version=exercise_version(read["prompt.md"], read["starter.py"], read["checks.py"], meta),
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
