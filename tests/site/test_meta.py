"""Every page says what it is: its own title and its own meta description (search engines
and Lighthouse's SEO audit read them; a shared site-wide description says nothing)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def test_each_page_has_its_own_description(built_site: Path) -> None:
    found: dict[str, str] = {}
    for page in built_site.rglob("index.html"):
        match = DESCRIPTION.search(page.read_text(encoding="utf-8"))
        rel = page.relative_to(built_site).as_posix()
        assert match and len(match.group(1)) >= 50, f"{rel}: missing or thin description"
        found[rel] = match.group(1)
    repeated = [d for d, n in Counter(found.values()).items() if n > 1]
    assert repeated == []
