"""Run a Python script inside Pyodide under Node (run_in_pyodide.mjs beside this file), with
the given wheels installed and no network, and return what the script left in OUTPUT; or run
it on both CPython and Pyodide, as the engine benchmarks do, to compare the two."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from macros.publish.wheels import browser_wheels, build_engine_wheel

ROOT = Path(__file__).resolve().parents[1]
RUNNER = Path(__file__).with_name("run_in_pyodide.mjs")


def run_in_pyodide(script: Path, input_file: Path, wheels: list[Path], timeout: int = 600) -> str:
    node = shutil.which("node")
    assert node, "Node is required for the Pyodide tests"
    proc = subprocess.run(
        [node, str(RUNNER), str(script), str(input_file), *map(str, wheels)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def run_on_both(script: Path, data: dict) -> tuple[dict, dict]:
    """`script` fed `data` as its INPUT (JSON text), on this CPython and then in Pyodide with
    the wheels the site ships: the same engine on both sides, so their answers can be
    compared and their times set side by side."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.json"
        path.write_text(json.dumps(data))
        namespace = {"INPUT": path.read_text(), "__name__": "bench"}
        exec(compile(script.read_text(), str(script), "exec"), namespace)
        cpython = json.loads(namespace["OUTPUT"])
        wheels = [*browser_wheels(ROOT), build_engine_wheel(ROOT)]
        pyodide = json.loads(run_in_pyodide(script, path, wheels))
    return cpython, pyodide
