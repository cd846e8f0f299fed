"""Lighthouse (from npm) against the site served with gzip, on every page type, with the
system Chromium. Prints the four category scores per page."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from benchmarks.page_weight import PAGE_TYPES
from benchmarks.site import ROOT
from tests.support.chromium import LAUNCH_ARGS, ensure

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def scores(url: str) -> dict[str, int]:
    flags = " ".join(["--headless=new", *LAUNCH_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet",
             "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
             f"--only-categories={','.join(CATEGORIES)}"],
            env={**os.environ, "CHROME_PATH": ensure()},
            check=True,
            capture_output=True,
            timeout=300,
        )  # fmt: skip
        report = json.loads(out.read_text())
    return {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}


def run(base: str) -> list[dict]:
    return [{"page": name, **scores(urljoin(base, path))} for name, path in PAGE_TYPES.items()]
