"""MkDocs build hooks: validate the bank first, then write the export and runtime assets,
then check that bank, pages and JSON agree. Each step is a plain function elsewhere."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file by path, before any plugin has put the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError

from macros.assets import (
    AssetError,
    copy_katex,
    copy_pyodide,
    copy_wheels,
    write_runtime_manifest,
)
from macros.bank import BankError
from macros.bundle import BundleError, bundle
from macros.csp import with_csp
from macros.editor_bundle import EditorBundleError, write_editor_bundle
from macros.exercises import exercises_for, write_exercise_export
from macros.export import write_export
from macros.parity import json_ids, mismatches, page_ids
from macros.render.links import page_of
from macros.service_worker import write_service_worker
from macros.site_bank import bank_for
from macros.snapshot import SnapshotError, enabled, write_snapshot
from macros.tags import page_tags
from macros.wheels import WheelError, browser_wheels, build_engine_wheel


def _root(config) -> Path:
    return Path(config["config_file_path"]).parent


_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_config(config):
    try:
        bank_for(_root(config) / "quiz_data")
    except BankError as exc:
        raise PluginError(str(exc)) from None
    try:  # ExercisesError is a BankError: every problem, with its file and field
        exercises_for(_root(config) / "quiz_data" / "exercises")
    except BankError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_post_build(config) -> None:
    root = _root(config)
    site = Path(config["site_dir"])
    bank = bank_for(root / "quiz_data")
    bank_json, _ = write_export(bank, site)
    try:
        pyodide_dir = copy_pyodide(root / "node_modules", site)
        copy_katex(root / "node_modules", site)
        wheels = copy_wheels([*browser_wheels(root), build_engine_wheel(root)], site)
    except (AssetError, WheelError) as exc:
        raise PluginError(str(exc)) from None
    write_runtime_manifest(site, pyodide_dir, wheels)
    if enabled(config["extra"].get("python_snapshot")):  # before the service worker lists it
        try:
            write_snapshot(site, root)
        except SnapshotError as exc:
            raise PluginError(str(exc)) from None
    # Coding exercises: the checks each page fetches, and the bundled code editor.
    write_exercise_export(exercises_for(root / "quiz_data" / "exercises"), site)
    try:
        write_editor_bundle(root, site)
    except EditorBundleError as exc:
        raise PluginError(str(exc)) from None
    problems = mismatches({e.id for e in bank.entries}, page_ids(site), json_ids(bank_json))
    if problems:
        raise PluginError("bank, pages and JSON disagree:\n  - " + "\n  - ".join(problems))
    not_found = site / "404.html"  # rendered outside on_post_page, so it gets its CSP here
    if not_found.is_file():
        not_found.write_text(with_csp(not_found.read_text(encoding="utf-8")), encoding="utf-8")
    if _command["name"] != "serve":  # a live-reloading dev server must not cache pages
        write_service_worker(site)


def on_post_page(output: str, page, config) -> str:
    return with_csp(output)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Tag every page that shows bank entries with their tracks, levels and roles; runs
    before the tags plugin reads the page's metadata."""
    bank = bank_for(_root(config) / "quiz_data")
    on_page = [e for e in bank.entries if page_of(e, bank) == page.file.src_uri]
    if on_page:
        page.meta["tags"] = page_tags(on_page, bank)
    return markdown


def on_files(files, config):
    """Pages link one stylesheet and one script of ours, joined from the listed sources."""
    try:
        return bundle(files, config)
    except BundleError as exc:
        raise PluginError(str(exc)) from None
