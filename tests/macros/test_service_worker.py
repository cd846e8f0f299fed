"""What the service worker precaches, keeps on first use of Python, and when its version moves."""

from __future__ import annotations

from pathlib import Path

from macros.service_worker import build_version, site_files, write_service_worker

FILES = {
    "index.html": "home",
    "study/faq/index.html": "faq",
    "404.html": "missing",
    "assets/css/guide.css": "css",
    "assets/js/quiz.js": "js",
    "assets/js/editor.mjs": "editor",
    "assets/pyodide/pyodide.asm.wasm": "wasm",
    "assets/py/practice_engine-0.1-py3-none-any.whl": "wheel",
    "assets/quiz/runtime.json": "{}",
    "assets/quiz/bank.json": "{}",
    "assets/quiz/bank.schema.json": "{}",
    "assets/css/guide.css.gz": "gz",
    "sitemap.xml": "<urlset/>",
    "sw.js": "old worker",
}


def _site(tmp_path: Path) -> Path:
    for rel, text in FILES.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_pages_and_assets_are_precached_under_the_urls_readers_use(tmp_path: Path) -> None:
    precache, _ = site_files(_site(tmp_path))
    assert precache == [
        "404.html",
        "assets/css/guide.css",
        "assets/js/quiz.js",
        "assets/quiz/bank.json",
        "assets/quiz/runtime.json",
        "./",
        "study/faq/",
    ]


def test_python_runtime_and_the_editor_wait_for_first_practice(tmp_path: Path) -> None:
    precache, runtime = site_files(_site(tmp_path))
    assert runtime == [
        "assets/js/editor.mjs",
        "assets/py/practice_engine-0.1-py3-none-any.whl",
        "assets/pyodide/pyodide.asm.wasm",
    ]
    assert "assets/js/editor.mjs" not in precache


def test_version_moves_with_any_byte_but_not_with_sw_js(tmp_path: Path) -> None:
    site = _site(tmp_path)
    files = site_files(site)[0]
    before = build_version(site, files)
    (site / "sw.js").write_text("another worker")
    assert build_version(site, files) == before
    (site / "assets/pyodide/pyodide.asm.wasm").write_text("wasm2")
    assert build_version(site, files) != before


def test_written_worker_has_no_placeholder_left(tmp_path: Path) -> None:
    text = write_service_worker(_site(tmp_path)).read_text()
    assert "__" not in text.replace("__proto__", "")
    assert '"study/faq/"' in text
