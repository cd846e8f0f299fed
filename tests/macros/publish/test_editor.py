"""The code editor bundle: esbuild over the pinned CodeMirror packages, cached by its inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.publish import editor, esbuild
from tests.conftest import ROOT


def test_a_missing_node_modules_says_what_to_run(tmp_path: Path) -> None:
    (tmp_path / "frontend").mkdir()
    shutil.copy(ROOT / editor.ENTRY, tmp_path / editor.ENTRY)
    with pytest.raises(editor.EditorBundleError, match=r"Run `npm ci`"):
        editor.editor_bundle(tmp_path)


@pytest.mark.node  # esbuild runs under Node when the bundle is not cached yet
def test_the_bundle_is_cached_by_its_inputs(monkeypatch) -> None:
    bundle = editor.editor_bundle(ROOT)
    assert bundle.parent.name == editor.input_hash(ROOT)
    text = bundle.read_text(encoding="utf-8")
    assert "export{" in text.replace(" ", "") and "mountEditor" in text
    assert "new Function" not in text and "eval(" not in text  # the site's CSP forbids both

    def no_esbuild(*args, **kwargs):
        raise AssertionError("esbuild ran although the inputs did not change")

    monkeypatch.setattr(esbuild.subprocess, "run", no_esbuild)
    assert editor.editor_outputs(ROOT) == {"assets/js/editor.mjs": bundle}
