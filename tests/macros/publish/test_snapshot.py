"""The build side of the memory snapshot: made with the runtime files and wheels the site
serves, described by the record the worker checks, cached by input hash, and refused when
it does not match the runtime the site serves. Runs Node once (~4 s)."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from macros.publish import snapshot
from macros.publish.runtime import pyodide_files
from macros.publish.wheels import browser_wheels, build_engine_wheel
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, list[Path]]:
    """(root, runtime, wheels): the site's runtime files and wheels as the build passes
    them; root is a scratch project root, so the snapshot cache starts empty."""
    root = tmp_path_factory.mktemp("root")
    wheels = [*browser_wheels(ROOT), build_engine_wheel(ROOT)]
    return root, pyodide_files(ROOT / "node_modules"), wheels


@pytest.fixture(scope="module")
def made(inputs) -> tuple[dict, dict]:
    return snapshot.snapshot_outputs(*inputs)


def test_record_describes_the_published_file(inputs, made) -> None:
    _, runtime, _ = inputs
    outputs, record = made
    ((uri, source),) = outputs.items()
    loader = next(u for u in runtime if u.endswith("/pyodide.mjs"))
    assert uri == record["file"] and uri.startswith(loader.removesuffix("pyodide.mjs"))
    packed = Path(source).read_bytes()
    assert len(packed) == record["bytes"]
    assert hashlib.sha256(packed).hexdigest() == record["sha256"]
    assert record["encoding"] == "gzip" and record["strategy"] == "packages"
    raw = gzip.decompress(packed)
    assert len(raw) == record["raw_bytes"] > 16 << 20  # a whole wasm heap


def test_snapshot_is_for_the_served_runtime(inputs, made) -> None:
    _, runtime, _ = inputs
    outputs, record = made
    loader = Path(next(src for u, src in runtime.items() if u.endswith("/pyodide.mjs")))
    assert f'BUILD_ID:"{record["build_id"]}"' in loader.read_text(encoding="utf-8")
    assert f"/{record['pyodide']}/" in record["file"]
    raw = gzip.decompress(Path(next(iter(outputs.values()))).read_bytes())
    words = [int.from_bytes(raw[i : i + 4], "little") for i in range(16, 48, 4)]
    assert "".join(f"{w:08x}" for w in words) == record["build_id"]  # the header says so too


def test_every_engine_module_is_imported_before_the_snapshot(made) -> None:
    _, record = made
    engine = {
        p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        for p in (ROOT / "practice_engine").rglob("*.py")
        if p.stem != "__init__"
    }
    assert engine <= set(record["modules"])  # answer feedback (and its stemmer) included
    assert not any(m.startswith("snowballstemmer") for m in record["modules"])
    assert {"fsrs", "fsrs.scheduler", "typing_extensions"} <= set(record["modules"])


def test_rebuild_reuses_the_cache(inputs, made, monkeypatch) -> None:
    def no_node(*args):
        raise AssertionError("the cached snapshot should have been reused")

    monkeypatch.setattr(snapshot, "_run_node", no_node)
    assert snapshot.snapshot_outputs(*inputs) == made


def test_input_hash_follows_wheels_and_strategy(inputs, tmp_path: Path) -> None:
    _, runtime, wheels = inputs
    folder = Path(next(iter(runtime.values()))).parent
    base = snapshot.input_hash(folder, wheels, "packages")
    assert re.fullmatch(r"[0-9a-f]{16}", base)
    assert snapshot.input_hash(folder, wheels, "stdlib") != base
    changed = tmp_path / wheels[-1].name
    shutil.copy(wheels[-1], changed)
    with changed.open("ab") as f:
        f.write(b"\0")
    assert snapshot.input_hash(folder, [*wheels[:-1], changed], "packages") != base


def test_a_snapshot_for_another_runtime_version_fails_the_build(inputs, made) -> None:
    root, runtime, wheels = inputs
    elsewhere = {re.sub(r"/pyodide/[^/]+/", "/pyodide/0.0.1/", u): s for u, s in runtime.items()}
    with pytest.raises(snapshot.SnapshotError, match=r"0\.0\.1"):
        snapshot.snapshot_outputs(root, elsewhere, wheels)


def test_unknown_strategy_is_refused(inputs) -> None:
    with pytest.raises(snapshot.SnapshotError, match="strategy"):
        snapshot.snapshot_outputs(*inputs, strategy="everything")
