"""Run a Python script inside Pyodide under Node (run_in_pyodide.mjs beside this file), with
the given wheels installed and no network, and return what the script left in OUTPUT."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

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
