"""The coding exercises on the build side: load and validate quiz_data/exercises/.

Each exercise is a folder named by its id holding prompt.md, starter.py, solution.py and
checks.py. Like the bank loader, validation never stops at the first problem: it collects
an `Issue` (file, field, what was expected) for each one and raises a single error listing
them all, so a contributor fixes everything in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from practice_engine.exercises import checks_namespace, checks_problems

from .loader import BankError, Issue

FILES = ("prompt.md", "starter.py", "solution.py", "checks.py")
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


def _checks(code: str, rel: str, issues: list[Issue]) -> str:
    """Run checks.py (our own repository's file) and validate what it defines with the
    engine's own rules, the ones the page's Check button applies; returns FUNCTION."""
    if not _compiles(code, rel, issues):
        return ""
    try:
        namespace = checks_namespace(code, rel)
    except Exception as exc:
        issues.append(Issue(rel, "", f"raised {type(exc).__name__}: {exc} when loaded"))
        return ""
    problems = checks_problems(namespace)
    issues += [Issue(rel, where, what) for where, what in problems]
    function = namespace.get("FUNCTION")
    return function if isinstance(function, str) and function.isidentifier() else ""


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
    read = {name: text for name, text in texts.items() if text is not None}
    if issues or len(read) != len(FILES):
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
