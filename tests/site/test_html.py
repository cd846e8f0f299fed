"""The Nu Html Checker (vnu-jar from npm) over every built page: zero errors from our
templates, macros and widgets. Messages that come from the theme's own templates are
filtered here, each with the reason; everything else fails the test."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (pattern on the message, pattern on the extract, why it is the theme's and not ours)
THEME_ORIGIN = [
    (
        r"Bad value “” for attribute “tabindex” on element “label”",
        r'class="md-nav__link"',
        'Material\'s nav-item partial writes tabindex="" on section labels; overriding it '
        "would mean copying the whole navigation template.",
    ),
    (
        r"Attribute “autocomplete” is only allowed when the input type is",
        r'class="md-toggle"',
        "Material's base template puts autocomplete=off on its hidden toggle checkboxes so "
        "browsers do not restore drawer/search state; harmless, and not our markup.",
    ),
]


def _theme_origin(message: dict) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(re.search(m, text) and re.search(e, extract) for m, e, _ in THEME_ORIGIN)


def test_no_html_errors_from_our_code(built_site: Path) -> None:
    java = shutil.which("java")
    assert java, "Java is required for the HTML checker; `make test` installs it"
    proc = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--errors-only",
            "--skip-non-html",
            str(built_site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(proc.stderr)["messages"]
    ours = [
        f"{m['url'].split(str(built_site))[-1]}: {m['message']} [{m.get('extract', '')[:80]}]"
        for m in messages
        if not _theme_origin(m)
    ]
    assert ours == []
    # A filter that no longer matches the theme's output is stale: remove it.
    for message_pattern, extract_pattern, _ in THEME_ORIGIN:
        assert any(
            re.search(message_pattern, m.get("message", ""))
            and re.search(extract_pattern, m.get("extract", ""))
            for m in messages
        ), f"unused filter {message_pattern!r}"
