"""The engine wheel says what it needs: every third-party module the engine imports is a
declared dependency, and is one of the wheels the browser loads beside it."""

from __future__ import annotations

import ast
import re
import sys
import zipfile
from pathlib import Path

from macros.publish.wheels import ENGINE, build_engine_wheel

ROOT = Path(__file__).resolve().parents[3]
# Modules Pyodide itself provides; the engine imports them only when running there.
PYODIDE_BUILTINS = {"js", "pyodide", "pyodide_js"}


def _third_party_imports() -> set[str]:
    found = set()
    for path in (ROOT / ENGINE).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
            elif (  # importlib.util.find_spec("name"): a wheel loaded in part, by path
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "find_spec"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(str(node.args[0].value).split(".")[0])
    return {
        name for name in found if name not in sys.stdlib_module_names | PYODIDE_BUILTINS | {ENGINE}
    }


def _name(requirement: str) -> str:
    return re.split(r"[ ;<>=!~\[]", requirement, maxsplit=1)[0].lower().replace("-", "_")


def test_engine_wheel_declares_what_the_engine_imports() -> None:
    with zipfile.ZipFile(build_engine_wheel(ROOT)) as wheel:
        (meta,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        text = wheel.read(meta).decode()
    declared = {_name(line.split(":", 1)[1].strip()) for line in text.splitlines()
                if line.startswith("Requires-Dist:")}  # fmt: skip
    assert declared == _third_party_imports() == {"fsrs", "snowballstemmer"}


def test_declared_dependencies_are_pinned_for_the_browser() -> None:
    pinned = {
        _name(line)
        for line in (ROOT / "requirements-browser.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert _third_party_imports() <= pinned


def test_engine_wheel_holds_every_engine_module() -> None:
    """Subpackages too: a module left out of the wheel fails only in the browser."""
    engine = ROOT / ENGINE
    expected = {f"{ENGINE}/{p.relative_to(engine).as_posix()}" for p in engine.rglob("*.py")}
    with zipfile.ZipFile(build_engine_wheel(ROOT)) as wheel:
        modules = {n for n in wheel.namelist() if n.endswith(".py")}
    assert modules == expected


def test_a_relative_root_builds_the_wheel_too(tmp_path: Path, monkeypatch) -> None:
    """MkDocs may hand the plugin a relative config path (`mkdocs build` in the checkout):
    the wheel built from a relative root once went into the scratch folder and was deleted
    with it, so the first site build of a fresh clone failed."""
    copy = tmp_path / "repo"
    (copy / ENGINE).mkdir(parents=True)
    for path in (ROOT / ENGINE).rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            target = copy / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    monkeypatch.chdir(copy)
    wheel = build_engine_wheel(Path("."))
    assert wheel.is_absolute() and wheel.is_file() and wheel.suffix == ".whl"
