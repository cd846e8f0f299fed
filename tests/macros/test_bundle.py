"""The build joins our stylesheets into one file and our scripts into one (macros/bundle.py):
order kept, each script strict and failing alone, and anything unsafe to join refused."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from macros.bundle import PY_CLIENT, BundleError, bundle, join_css, join_js

STRICT = '"use strict";\n'


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


def test_scripts_are_joined_in_order_each_in_its_own_block() -> None:
    js = join_js({"assets/js/b.js": STRICT + "B();", "assets/js/a.js": STRICT + "A();"})
    assert js.startswith(STRICT)  # the whole bundle is strict, as every source was
    assert js.index("B();") < js.index("A();")
    assert js.count("try {") == 2 and js.count("catch (error)") == 2


def test_a_script_that_is_not_strict_is_refused() -> None:
    # In the bundle it would silently become strict, which can change what it does.
    with pytest.raises(BundleError, match="use strict"):
        join_js({"assets/js/a.js": "A();"})


@pytest.mark.node
def test_a_failing_script_stops_only_itself(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    js = join_js({
        "assets/js/a.js": STRICT + "throw new Error('a broke');",
        "assets/js/b.js": STRICT + "globalThis.ran = 'b';",
    })  # fmt: skip
    script = tmp_path / "run.js"
    script.write_text(
        "globalThis.reportError = (e) => console.log('reported: ' + e.message);\n"
        + js
        + "\nconsole.log('ran: ' + globalThis.ran);\n"
    )
    out = subprocess.run([node, str(script)], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["reported: a broke", "ran: b"]


def _project(tmp_path: Path, css: list[str], js: list[str]) -> tuple[Files, MkDocsConfig]:
    docs = tmp_path / "docs"
    for rel in [*css, *js, PY_CLIENT]:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(STRICT + f"/* {rel} */\n" if rel.endswith(".js") else "x {}")
    config = MkDocsConfig()
    config.load_dict({
        "site_name": "t", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
        "extra_css": css, "extra_javascript": js,
    })  # fmt: skip
    errors, _ = config.validate()
    assert errors == []
    config.plugins._current_plugin = None  # what MkDocs sets while it runs the hooks
    files = Files([File(rel, str(docs), str(tmp_path / "site"), True) for rel in [*css, *js]])
    files.append(File(PY_CLIENT, str(docs), str(tmp_path / "site"), True))
    return files, config


def test_pages_link_the_bundles_named_by_their_content(tmp_path: Path) -> None:
    css = ["assets/css/guide.css", "assets/css/widgets.css"]
    js = ["assets/js/ui.js", "assets/js/quiz.js"]
    files, config = _project(tmp_path, css, js)
    bundle(files, config)
    [css_uri] = config["extra_css"]
    [js_uri] = [str(s) for s in config["extra_javascript"]]
    assert css_uri.startswith("assets/css/site.") and js_uri.startswith("assets/js/site.")
    text = files.get_file_from_path(js_uri).content_string
    # The worker client comes first: every widget script uses it at start-up.
    order = [text.index(f"/* {rel} */") for rel in [PY_CLIENT, *js]]
    assert order == sorted(order)
    assert files.get_file_from_path(css_uri) is not None


def test_a_listed_file_that_is_missing_is_named(tmp_path: Path) -> None:
    files, config = _project(tmp_path, ["assets/css/guide.css"], ["assets/js/ui.js"])
    files.remove(files.get_file_from_path("assets/js/ui.js"))
    with pytest.raises(BundleError, match=re.escape("assets/js/ui.js")):
        bundle(files, config)


def test_deferred_or_module_scripts_are_not_joined(tmp_path: Path) -> None:
    files, config = _project(tmp_path, [], ["assets/js/ui.js"])
    config["extra_javascript"][0] = {"path": "assets/js/ui.js", "defer": True}
    config.validate()
    with pytest.raises(BundleError, match="defer"):
        bundle(files, config)
