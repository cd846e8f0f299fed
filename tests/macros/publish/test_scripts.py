"""The site's scripts: ES modules under frontend/, bundled by esbuild from frontend/main.js
into one module (macros/publish/scripts.py), cached by every source it may import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.publish import esbuild, scripts
from tests.conftest import ROOT


def test_every_module_under_frontend_shapes_the_cache_key(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "frontend", tmp_path / "frontend")
    before = esbuild.input_hash(tmp_path, scripts.sources(tmp_path), scripts.OPTIONS)
    helper = tmp_path / "frontend" / "lib" / "format.js"
    helper.write_text(helper.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    after = esbuild.input_hash(tmp_path, scripts.sources(tmp_path), scripts.OPTIONS)
    assert before != after


def test_a_missing_entry_is_named(tmp_path: Path) -> None:
    with pytest.raises(esbuild.BundleBuildError, match=r"frontend/main\.js not found"):
        scripts.site_script(tmp_path)


@pytest.mark.node  # esbuild runs under Node when the bundle is not cached yet
def test_the_bundle_is_one_module_with_no_eval_and_no_imports_left() -> None:
    text = scripts.site_script(ROOT)
    assert "new Function" not in text and "eval(" not in text  # the site's CSP forbids both
    assert "document.currentScript" not in text  # undefined in a module
    assert "import(" in text  # the code editor, loaded only on exercise pages
    assert not any(line.startswith("import ") for line in text.splitlines())  # all inlined
