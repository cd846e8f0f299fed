"""Placeholder: exercise pages (prompt, editor, checks, collapsed solution)."""

from __future__ import annotations

from pathlib import Path


def render(root: Path, exercise_id: str, page: str) -> str:
    return f"<p>Exercise {exercise_id} is coming.</p>"


def index(root: Path, page: str) -> str:
    return ""
