"""Load and validate the question bank, reporting every problem at once.

A contributor who breaks a file should see one list naming each file, field and what was
expected, not the first traceback. So parsing and validation never raise on bad data; they
collect `Problem` records, and `load_bank` raises one `BankError` carrying all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from .models import Entry, Problem, Question, Short, Track, TracksFile

AnyEntry = Question | Problem | Short

TRACKS_FILE = "tracks.yml"
ENTRY_DIRS = ("questions", "problems", "lists")


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in the bank: where it is and what was expected."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class BankError(Exception):
    """The bank is invalid; `issues` lists every problem found."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues = sorted(set(issues))
        lines = "\n".join(f"  - {i}" for i in self.issues)
        super().__init__(f"the question bank has {len(self.issues)} problem(s):\n{lines}")


@dataclass(frozen=True)
class Bank:
    tracks: tuple[Track, ...]
    entries: tuple[AnyEntry, ...]

    def track(self, track_id: str) -> Track:
        return next(t for t in self.tracks if t.id == track_id)

    def get(self, entry_id: str) -> AnyEntry:
        return next(e for e in self.entries if e.id == entry_id)

    @property
    def questions(self) -> list[Question]:
        return [e for e in self.entries if isinstance(e, Question)]

    @property
    def problems(self) -> list[Problem]:
        return [e for e in self.entries if isinstance(e, Problem)]

    @property
    def shorts(self) -> list[Short]:
        return [e for e in self.entries if isinstance(e, Short)]

    def in_track(self, track_id: str) -> list[AnyEntry]:
        return [e for e in self.entries if e.track == track_id]


_ENTRY = TypeAdapter(Entry)


def _field_path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for p in loc:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        elif p in ("question", "problem", "short") and not parts:
            continue  # the union's discriminator tag, not a field the author wrote
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or "(top level)"


def _message(err: dict) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown key (check the spelling against the schema)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {err['ctx']['min_length']} item(s)"
    if kind == "literal_error":
        return f"expected one of {err['ctx']['expected']}, got {err['input']!r}"
    if kind == "string_pattern_mismatch":
        return f"{err['input']!r} does not match the pattern {err['ctx']['pattern']}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return "`kind` must be 'question', 'problem' or 'short'"
    if kind.endswith("_type"):
        got = type(err["input"]).__name__
        return f"{err['msg'].lower()} (got {got})"
    return err["msg"].removeprefix("Value error, ")


def _issues_from(error: ValidationError, file: str) -> list[Issue]:
    out = []
    for err in error.errors():
        field = _field_path(err["loc"])
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            field = "kind"
        out.append(Issue(file, field, _message(err)))
    return out


def _read_yaml(path: Path, rel: str) -> tuple[object, list[Issue]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Issue(rel, "", f"cannot read the file: {exc}")]
    try:
        return yaml.safe_load(text), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [Issue(rel, where, f"YAML syntax error: {problem}")]


def _load_tracks(root: Path) -> tuple[list[Track], list[Issue]]:
    data, issues = _read_yaml(root / TRACKS_FILE, TRACKS_FILE)
    if issues:
        return [], issues
    try:
        return list(TracksFile.model_validate(data).tracks), []
    except ValidationError as exc:
        return [], _issues_from(exc, TRACKS_FILE)


def _entry_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for sub in ENTRY_DIRS:
        files += sorted((root / sub).rglob("*.y*ml")) if (root / sub).is_dir() else []
    return files


def _declared_id(data: object) -> str | None:
    """The id a file claims, even when the file is invalid; it still exists for references."""
    return data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None


def _load_entry(path: Path, root: Path) -> tuple[AnyEntry | None, list[Issue], str | None]:
    """The entry (or None), its problems, and the id the file declares even if invalid."""
    rel = path.relative_to(root).as_posix()
    data, issues = _read_yaml(path, rel)
    if issues:
        return None, issues, None
    if not isinstance(data, dict):
        return (
            None,
            [Issue(rel, "(top level)", "expected a mapping of fields at the top level")],
            None,
        )
    declared = _declared_id(data)
    data.setdefault("kind", "question")
    try:
        entry = _ENTRY.validate_python(data)
    except ValidationError as exc:
        return None, _issues_from(exc, rel), declared
    if path.stem != entry.id:
        return entry, [Issue(rel, "id", f"id {entry.id!r} must match the file name")], declared
    return entry, [], declared


def _find(located: list[tuple[str, AnyEntry]], entry_id: str) -> AnyEntry | None:
    return next((e for _, e in located if e.id == entry_id), None)


def _feedback_checks(rel: str, e: AnyEntry) -> list[Issue]:
    """Key point and trap claim ids are unique within their question, and every trap
    claim points at one of the question's traps."""
    if not isinstance(e, Question):
        return []
    issues: list[Issue] = []
    for field, records in (("key_points", e.key_points), ("trap_claims", e.trap_claims)):
        seen: set[str] = set()
        for n, record in enumerate(records):
            if record.id in seen:
                issues.append(Issue(rel, f"{field}[{n}].id", f"duplicate id {record.id!r}"))
            seen.add(record.id)
    for n, claim in enumerate(e.trap_claims):
        if claim.trap >= len(e.traps):
            issues.append(
                Issue(
                    rel,
                    f"trap_claims[{n}].trap",
                    f"no trap {claim.trap}: this question has {len(e.traps)} trap(s), "
                    f"numbered from 0",
                )
            )
    return issues


def _cross_checks(
    tracks: list[Track], located: list[tuple[str, AnyEntry]], invalid_ids: set[str]
) -> list[Issue]:
    """Checks across files. Ids of files that failed validation count as existing, so a
    broken file is reported once, not again by every file that links to it."""
    issues: list[Issue] = []
    track_ids = {t.id for t in tracks}
    seen: dict[str, str] = {}
    item_seen: dict[str, str] = {}
    for rel, e in located:
        issues += _feedback_checks(rel, e)
        if e.id in seen:
            issues.append(Issue(rel, "id", f"duplicate id {e.id!r} (also in {seen[e.id]})"))
        seen.setdefault(e.id, rel)
        if track_ids and e.track not in track_ids:
            issues.append(Issue(rel, "track", f"unknown track {e.track!r}"))
        for n, item in enumerate(e.quiz):
            where = f"quiz[{n}].id"
            if not item.id.startswith(e.id + "-"):
                issues.append(Issue(rel, where, f"must start with '{e.id}-'"))
            if item.id in item_seen:
                issues.append(Issue(rel, where, f"duplicate quiz item id {item.id!r}"))
            item_seen.setdefault(item.id, rel)
    for rel, e in located:
        for n, rid in enumerate(e.related):
            if rid not in seen and rid not in invalid_ids:
                issues.append(Issue(rel, f"related[{n}]", f"no question has id {rid!r}"))
            elif rid == e.id:
                issues.append(Issue(rel, f"related[{n}]", "a question cannot relate to itself"))
        see = getattr(e, "see", None)
        if see in invalid_ids:
            continue
        if see is not None and not isinstance(_find(located, see), Question | Problem):
            issues.append(Issue(rel, "see", f"no question or problem has id {see!r}"))
    seen_tracks: set[str] = set()
    for n, t in enumerate(tracks):
        if t.id in seen_tracks:
            issues.append(Issue(TRACKS_FILE, f"tracks[{n}].id", f"duplicate track {t.id!r}"))
        seen_tracks.add(t.id)
    return issues


def load_bank(root: Path | str) -> Bank:
    """Load every file under `root`; raise `BankError` listing all problems if any."""
    root = Path(root)
    tracks, issues = _load_tracks(root)
    located: list[tuple[str, AnyEntry]] = []
    invalid_ids: set[str] = set()
    for path in _entry_files(root):
        entry, found, declared = _load_entry(path, root)
        issues += found
        if entry is not None:
            located.append((path.relative_to(root).as_posix(), entry))
        if found:  # a broken file still "owns" its name and the id it declares
            invalid_ids.update(i for i in (path.stem, declared) if i)
    if not located and not issues:
        issues.append(Issue("questions/", "", "the bank holds no question"))
    issues += _cross_checks(tracks, located, invalid_ids)
    if issues:
        raise BankError(issues)
    order = {t.id: n for n, t in enumerate(tracks)}
    entries = sorted((e for _, e in located), key=lambda e: (order[e.track], e.order, e.id))
    return Bank(tracks=tuple(tracks), entries=tuple(entries))
