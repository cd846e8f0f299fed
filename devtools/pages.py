"""Helpers for driving the built site's pages from Playwright, shared by the browser tests
and the benchmarks."""

from __future__ import annotations

import time
from typing import Any


def eventually(page: Any, script: str, arg: Any = None, timeout_s: float = 60) -> Any:
    """Poll a page expression until its value is truthy, and return that value.

    For async expressions: `wait_for_function` does not await a returned promise, and a
    promise is always truthy, so it would return at once."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(200)
    raise AssertionError(f"still false after {timeout_s} s: {script}")
