"""System programs the test suite needs beyond Python and Node: a Chromium for the browser
tests and a Java runtime for the Nu Html Checker. `make test` runs
`python -m devtools.system --ensure`, which installs Debian's packages when it runs
as root and otherwise stops with a message saying how to get them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from devtools import chromium

JAVA_HOW_TO = (
    "No Java runtime found for the HTML checker (vnu). Install one, for example\n"
    "  sudo apt-get install default-jre-headless      (Debian/Ubuntu)"
)


def _apt_install(package: str, how_to: str) -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(how_to)
    print(f"Installing Debian's {package} package for the tests...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)


def ensure_java() -> str:
    path = shutil.which("java")
    if path is None:
        _apt_install("default-jre-headless", JAVA_HOW_TO)
        path = shutil.which("java")
    if path is None:
        sys.exit(JAVA_HOW_TO)
    return path


if __name__ == "__main__":
    if "--ensure" in sys.argv:
        print(f"chromium: {chromium.ensure()}")
        print(f"java: {ensure_java()}")
