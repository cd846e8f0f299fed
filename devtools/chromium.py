"""Find the system Chromium that Playwright drives; install Debian's package if allowed.

Playwright cannot download its own browsers here, so browser tests use the system one
(`executable_path`). `python -m devtools.chromium --ensure` installs it when missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOW_TO = (
    "No Chromium found for the browser tests. Install one, for example\n"
    "  sudo apt-get install chromium      (Debian/Ubuntu)\n"
    "or point CHROMIUM at an existing Chromium or Chrome binary:\n"
    "  CHROMIUM=/path/to/chrome make test"
)


def find() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure() -> str:
    """Return a Chromium path, installing Debian's package when running as root."""
    path = find()
    if path:
        return path
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(HOW_TO)
    print("Installing Debian's chromium package for the browser tests...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
    path = find()
    if not path:
        sys.exit(HOW_TO)
    return path


if __name__ == "__main__":
    if "--ensure" in sys.argv:
        print(f"chromium: {ensure()}")
    else:
        print(find() or HOW_TO)
