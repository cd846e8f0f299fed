"""Waiting for a page after Material's instant navigation."""

from __future__ import annotations

import re


def at(path: str) -> re.Pattern[str]:
    """A URL ending in `path`, with any hash: Material's navigation.tracking can race
    instant navigation and leave the previous page's section in the hash (seen:
    #how-to-use-it from the home page), while the page itself is the right one."""
    return re.compile(rf".*/{re.escape(path.strip('/'))}/(#[^/]*)?$")
