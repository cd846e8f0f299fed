"""The build joins our stylesheets into one file (order kept, anything unsafe to join
refused) and links the scripts' bundle as one module (macros/publish/bundle.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from macros.publish.bundle import BundleError, bundle, join_css

SCRIPT = 'console.log("the bundle");\n'


def test_css_is_joined_in_order() -> None:
    css = join_css({"assets/css/b.css": "b {}", "assets/css/a.css": "a {}"})
    assert css.index("b {}") < css.index("a {}")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("assets/css/a.css", '@import "other.css";'),
        ("assets/css/a.css", '@charset "utf-8";'),
        ("assets/css/sub/a.css", "a {}"),  # its url()s would resolve elsewhere
        ("assets/other/a.css", "a {}"),
    ],
)
def test_css_that_cannot_be_joined_is_refused(path: str, text: str) -> None:
    with pytest.raises(BundleError, match=re.escape(path)):
        join_css({path: text})


def _project(tmp_path: Path, css: list[str], js: list[str]) -> tuple[Files, MkDocsConfig]:
    docs = tmp_path / "docs"
    for rel in [*css, *js]:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(f"/* {rel} */\n")
    config = MkDocsConfig()
    config.load_dict({
        "site_name": "t", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
        "extra_css": css, "extra_javascript": js,
    })  # fmt: skip
    errors, _ = config.validate()
    assert errors == []
    config.plugins._current_plugin = None  # what MkDocs sets while it runs the hooks
    files = Files([File(rel, str(docs), str(tmp_path / "site"), True) for rel in [*css, *js]])
    return files, config


def test_pages_link_the_bundles_named_by_their_content(tmp_path: Path) -> None:
    css = ["assets/css/guide.css", "assets/css/widgets.css"]
    files, config = _project(tmp_path, css, [])
    bundle(files, config, SCRIPT)
    [css_uri] = config["extra_css"]
    [script] = config["extra_javascript"]
    assert css_uri.startswith("assets/css/site.") and str(script).startswith("assets/js/site.")
    assert script.type == "module"  # ES modules: `import`, strict, deferred
    assert files.get_file_from_path(str(script)).content_string == SCRIPT
    text = files.get_file_from_path(css_uri).content_string
    assert text.index("guide.css */") < text.index("widgets.css */")


def test_a_listed_file_that_is_missing_is_named(tmp_path: Path) -> None:
    files, config = _project(tmp_path, ["assets/css/guide.css"], [])
    files.remove(files.get_file_from_path("assets/css/guide.css"))
    with pytest.raises(BundleError, match=re.escape("assets/css/guide.css")):
        bundle(files, config, SCRIPT)


def test_a_script_listed_in_mkdocs_yml_is_refused_with_where_scripts_go(tmp_path: Path) -> None:
    files, config = _project(tmp_path, [], ["assets/js/ui.js"])
    with pytest.raises(BundleError, match=r"assets/js/ui\.js.*frontend/main\.js"):
        bundle(files, config, SCRIPT)
