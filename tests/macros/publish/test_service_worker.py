"""What the service worker precaches, keeps on first use of Python, and when its version
moves, given the list of files the build wrote; and, run under Node, which caches it
deletes when it takes over."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.publish.service_worker import build_version, site_files, write_service_worker

FILES = {
    "index.html": "home",
    "study/faq/index.html": "faq",
    "404.html": "missing",
    "assets/css/guide.css": "css",
    "assets/js/quiz.js": "js",
    "assets/js/editor.mjs": "editor",
    "assets/js/py-worker.mjs": "worker",
    "assets/js/wheel-files.mjs": "wheels",
    "assets/js/byte-meter.mjs": "meter",
    "assets/pyodide/pyodide.asm.wasm": "wasm",
    "assets/pyodide/314.0.7/snapshot-0123456789abcdef.bin.gz": "snapshot",
    "assets/py/practice_engine-0.1-py3-none-any.whl": "wheel",
    "assets/quiz/runtime.json": "{}",
    "assets/quiz/bank.json": "{}",
    "assets/quiz/bank.schema.json": "{}",
    "assets/quiz/feedback/bias-variance.json": "{}",
    "assets/css/guide.css.gz": "gz",
    "sitemap.xml": "<urlset/>",
    "search/search_index.json": "{}",
    "sw.js": "old worker",
}


def _site(tmp_path: Path) -> Path:
    for rel, text in FILES.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_pages_and_assets_are_precached_under_the_urls_readers_use() -> None:
    precache, _ = site_files(FILES)
    assert precache == [
        "404.html",
        "assets/css/guide.css",
        "assets/js/py-worker.mjs",
        "assets/js/quiz.js",
        "assets/quiz/bank.json",
        "assets/quiz/runtime.json",
        "./",
        "study/faq/",
    ]


def test_python_runtime_and_the_editor_wait_for_first_practice() -> None:
    precache, runtime = site_files(FILES)
    assert runtime == [
        "assets/js/byte-meter.mjs",
        "assets/js/editor.mjs",
        "assets/js/wheel-files.mjs",
        "assets/py/practice_engine-0.1-py3-none-any.whl",
        "assets/pyodide/pyodide.asm.wasm",
        "assets/quiz/feedback/bias-variance.json",
    ]
    assert "assets/js/editor.mjs" not in precache
    # the worker's parts no page imports: a reader who never uses Python never gets them
    assert "assets/js/wheel-files.mjs" not in precache
    assert "assets/js/byte-meter.mjs" not in precache


def test_the_search_index_is_kept_when_first_fetched_not_at_install() -> None:
    precache, runtime = site_files(FILES)
    assert "search/search_index.json" not in precache + runtime


def test_answer_feedback_is_kept_with_the_runtime_on_first_practice() -> None:
    precache, runtime = site_files(FILES)
    assert "assets/quiz/feedback/bias-variance.json" in runtime
    assert "assets/quiz/feedback/bias-variance.json" not in precache


def test_version_moves_with_any_byte_but_not_with_sw_js(tmp_path: Path) -> None:
    site = _site(tmp_path)
    before = build_version(site, FILES)
    (site / "sw.js").write_text("another worker")
    assert build_version(site, FILES) == before
    (site / "assets/pyodide/pyodide.asm.wasm").write_text("wasm2")
    assert build_version(site, FILES) != before
    assert build_version(site, [p for p in FILES if p != "404.html"]) != before


def test_written_worker_has_no_placeholder_left(tmp_path: Path) -> None:
    text = write_service_worker(_site(tmp_path), FILES).read_text()
    assert "__" not in text.replace("__proto__", "")
    assert '"study/faq/"' in text


def test_the_snapshot_is_left_to_the_python_worker() -> None:
    precache, runtime = site_files(FILES)
    assert not [u for u in precache + runtime if "snapshot-" in u]


# The written worker's activate step, run with stand-ins for `self` and `caches`: which of
# the origin's caches survive a take-over by the build served at /b/.
ACTIVATE = """
const vm = require("node:vm");
const [source, keys] = [process.argv[1], JSON.parse(process.argv[2])];
const caches = new Set(keys);
const listeners = {};
const self = {
  registration: { scope: "https://reader.github.io/b/" },
  addEventListener: (type, fn) => { listeners[type] = fn; },
  clients: { claim: async () => {} },
};
const cacheStorage = { keys: async () => [...caches], delete: async (k) => caches.delete(k) };
vm.runInNewContext(source, { self, caches: cacheStorage, URL });
let done;
listeners.activate({ waitUntil: (p) => { done = p; } });
done.then(() => console.log(JSON.stringify([...caches].sort())));
"""


@pytest.mark.node
def test_a_new_build_deletes_its_own_old_caches_and_no_other_sites(tmp_path: Path) -> None:
    source = write_service_worker(_site(tmp_path), FILES).read_text()
    version = source.split('const VERSION = "')[1].split('"')[0]
    keys = [
        f"mlguide:/b/:{version}",  # this build's
        "mlguide:/b/:0000000000000000",  # an older build of this site
        "mlguide-00000000deadbeef",  # an older build, named before caches had the path
        "mlguide:/a/:1111111111111111",  # another copy of the guide on the same origin
        "mlguide:/b/c/:2222222222222222",  # a site whose path starts with this one's
        "python-snapshot:/b/",  # the Python worker's, kept across builds
    ]
    node = shutil.which("node")
    assert node, "Node is needed (make install)"
    run = subprocess.run(
        [node, "-e", ACTIVATE, source, json.dumps(keys)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == sorted(
        [f"mlguide:/b/:{version}", "mlguide:/a/:1111111111111111",
         "mlguide:/b/c/:2222222222222222", "python-snapshot:/b/"]
    )  # fmt: skip
