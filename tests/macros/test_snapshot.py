"""The build side of the memory snapshot: made with the site's own runtime and wheels,
recorded in the manifest with what the worker checks, cached by input hash, and refused
when it does not match the runtime the site serves. Runs Node once (~4 s)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from macros import snapshot
from macros.assets import copy_pyodide, copy_wheels, read_runtime_manifest, write_runtime_manifest
from macros.wheels import browser_wheels, build_engine_wheel
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(site, root): just the runtime, the wheels and the manifest, as the build lays them
    out; root is a scratch project root, so the snapshot cache starts empty."""
    site = tmp_path_factory.mktemp("site")
    root = tmp_path_factory.mktemp("root")
    runtime = copy_pyodide(ROOT / "node_modules", site)
    wheels = copy_wheels([*browser_wheels(ROOT), build_engine_wheel(ROOT)], site)
    (site / "assets" / "quiz").mkdir(parents=True)
    write_runtime_manifest(site, runtime, wheels)
    return site, root


@pytest.fixture(scope="module")
def record(small_site: tuple[Path, Path]) -> dict:
    return snapshot.write_snapshot(*small_site)


def test_record_describes_the_published_file(small_site, record: dict) -> None:
    site, _ = small_site
    packed = (site / record["file"]).read_bytes()
    assert record["file"].startswith("assets/pyodide/")  # cached by the service worker
    assert len(packed) == record["bytes"]
    assert hashlib.sha256(packed).hexdigest() == record["sha256"]
    raw = gzip.decompress(packed)
    assert len(raw) == record["raw_bytes"] > 16 << 20  # a whole wasm heap
    assert read_runtime_manifest(site)["snapshot"] == record


def test_snapshot_is_for_the_served_runtime(small_site, record: dict) -> None:
    site, _ = small_site
    manifest = read_runtime_manifest(site)
    loader = (site / manifest["pyodide"]["dir"] / "pyodide.mjs").read_text(encoding="utf-8")
    assert record["pyodide"] == manifest["pyodide"]["version"]
    assert f'BUILD_ID:"{record["build_id"]}"' in loader
    raw = gzip.decompress((site / record["file"]).read_bytes())
    words = [int.from_bytes(raw[i : i + 4], "little") for i in range(16, 48, 4)]
    assert "".join(f"{w:08x}" for w in words) == record["build_id"]  # the header says so too


def test_every_engine_module_is_imported_before_the_snapshot(record: dict) -> None:
    engine = {
        p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        for p in (ROOT / "practice_engine").rglob("*.py")
        if p.stem != "__init__"
    }
    assert engine <= set(record["modules"])  # answer feedback (and its stemmer) included
    assert not any(m.startswith("snowballstemmer") for m in record["modules"])
    assert {"fsrs", "fsrs.scheduler", "typing_extensions"} <= set(record["modules"])


def test_rebuild_reuses_the_cache_and_drops_stale_files(small_site, record, monkeypatch) -> None:
    site, root = small_site
    stale = site / Path(record["file"]).with_name("snapshot-0000000000000000.bin.gz")
    stale.write_bytes(b"old")

    def no_node(*args):
        raise AssertionError("the cached snapshot should have been reused")

    monkeypatch.setattr(snapshot, "_run_node", no_node)
    again = snapshot.write_snapshot(site, root)
    assert again == record
    assert not stale.exists()
    assert [p.name for p in (site / record["file"]).parent.glob("snapshot-*")] == [
        Path(record["file"]).name
    ]


def test_input_hash_follows_wheels_and_strategy(small_site, tmp_path: Path) -> None:
    site, _ = small_site
    manifest = read_runtime_manifest(site)
    runtime = site / manifest["pyodide"]["dir"]
    wheels = [site / w for w in manifest["wheels"]]
    base = snapshot.input_hash(runtime, wheels, "packages")
    assert re.fullmatch(r"[0-9a-f]{16}", base)
    assert snapshot.input_hash(runtime, wheels, "stdlib") != base
    changed = tmp_path / wheels[-1].name
    shutil.copy(wheels[-1], changed)
    with changed.open("ab") as f:
        f.write(b"\0")
    assert snapshot.input_hash(runtime, [*wheels[:-1], changed], "packages") != base


def test_a_snapshot_for_another_runtime_version_fails_the_build(small_site, record) -> None:
    site, root = small_site
    path = site / "assets" / "quiz" / "runtime.json"
    saved = path.read_text(encoding="utf-8")
    data = json.loads(saved)
    data["pyodide"]["version"] = "0.0.1"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        with pytest.raises(snapshot.SnapshotError, match=r"0\.0\.1"):
            snapshot.write_snapshot(site, root)
    finally:
        path.write_text(saved, encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "on"),
    [(True, True), (False, False), (None, False), ("true", True), ("1", True), ("false", False),
     ("0", False), ("", False), ("off", False)],
)  # fmt: skip
def test_switch_reads_yaml_bools_and_env_strings(value: object, on: bool) -> None:
    assert snapshot.enabled(value) is on


def test_unknown_strategy_is_refused(small_site) -> None:
    with pytest.raises(snapshot.SnapshotError, match="strategy"):
        snapshot.write_snapshot(*small_site, strategy="everything")
