"""Run a reader's code for the exercise page's Run and Check buttons.

`run_code(code)` runs the code as a script in a fresh namespace and answers with what it
printed and, if it failed, a short traceback of the reader's own lines:

    {"ok": bool, "output": str, "truncated": bool, "error": str | None,
     "memory_error": bool}

`check_code(code, checks)` is `exercises.run_checks` plus the same "output" and "truncated"
keys, since a reader's function may print while the checks call it. `run_exercise` and
`check_exercise` are judge.run_examples and judge.check_exercise (the Run and Check of an
exercise page) with the same capture; they raise an EngineError only for an exercise that
is not one the build published.

Standard output and standard error go into one buffer, in the order they were written, and
the buffer keeps at most MAX_OUTPUT characters: `while True: print(1)` must not fill the
worker's memory while it waits to be stopped. In Pyodide a run may also allocate only about
MEMORY_HEADROOM bytes more than Python already holds (see `_memory_cap`), so a memory bomb
ends in a MemoryError, reported like any error, instead of gigabytes. Neither function ever
raises. There is no time limit here: the page ends a runaway worker from outside.
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
from collections.abc import Iterator
from typing import Any

from .errors import EngineError
from .exercises import run_checks
from .judge import check_exercise as judge_check
from .judge import measure_exercise, require_exercise, run_examples
from .tracebacks import USER_FILE, exc_line, short_traceback, syntax_error

MAX_OUTPUT = 10_000
TRUNCATED = "\n[output truncated]"
MEMORY_HEADROOM = 512 * 2**20  # bytes a run may allocate beyond what Python holds already

__all__ = [
    "MAX_OUTPUT",
    "MEMORY_HEADROOM",
    "TRUNCATED",
    "check_code",
    "check_exercise",
    "measure_complexity",
    "run_code",
    "run_exercise",
]


class CappedText(io.TextIOBase):
    """A text stream that keeps the first `limit` characters and drops the rest quietly,
    so the reader's prints keep working (and the loop keeps running) past the cap."""

    def __init__(self, limit: int = MAX_OUTPUT) -> None:
        super().__init__()
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0
        self.truncated = False

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = self.limit - self.size
        if room > 0:
            kept = text[:room]
            self.parts.append(kept)
            self.size += len(kept)
        if len(text) > max(room, 0):
            self.truncated = True
        return len(text)

    def value(self) -> str:
        text = "".join(self.parts)
        return text + TRUNCATED if self.truncated else text


@contextlib.contextmanager
def _captured(buffer: CappedText) -> Iterator[CappedText]:
    """Route print() and tracebacks written by the reader into `buffer`; give `input()`
    an empty stdin so it fails at once instead of waiting for a prompt no one sees.
    Also put back the process-wide state a script may change."""
    saved = sys.stdout, sys.stderr, sys.stdin
    random_state, recursion_limit = random.getstate(), sys.getrecursionlimit()
    sys.stdout = sys.stderr = buffer
    sys.stdin = io.StringIO("")
    try:
        yield buffer
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
        random.setstate(random_state)
        sys.setrecursionlimit(recursion_limit)


@contextlib.contextmanager
def _memory_cap() -> Iterator[None]:
    """In Pyodide, let a run allocate only about MEMORY_HEADROOM more bytes.

    Left alone, `while True: x.append(bytearray(10**8))` grows the WebAssembly memory to
    4 GB, and touching and later releasing that much memory stalls the whole browser tab.
    So: make sure MEMORY_HEADROOM bytes are free inside the current memory (malloc and free
    one block, which grows the memory without writing to it), then stop the memory from
    growing until the run ends: `WebAssembly.Memory.prototype.grow` is what Emscripten
    calls to grow it, and when that fails malloc returns NULL and Python raises
    MemoryError. Pure JavaScript property swaps; no Python runs inside malloc. On CPython
    (the tests) there is nothing to do.
    """
    try:
        import js  # type: ignore[import-not-found]  # only inside Pyodide
        import pyodide_js  # type: ignore[import-not-found]

        module, memory = pyodide_js._module, js.WebAssembly.Memory.prototype
        block = module._malloc(MEMORY_HEADROOM)
        if block:
            module._free(block)
        grow = memory.grow
        memory.grow = None
    except Exception:  # not Pyodide, or a runtime whose internals differ: no cap
        yield
        return
    try:
        yield
    finally:
        memory.grow = grow


def _exit_error(exc: SystemExit) -> str | None:
    """`sys.exit()` and `sys.exit(0)` end a script normally; anything else is a failure."""
    if exc.code is None or exc.code == 0:
        return None
    return f"Your code called sys.exit({exc.code!r})."


def _execute(code: str) -> tuple[str | None, bool]:
    """Run `code`; return (error text or None, whether it ran out of memory)."""
    lines = code.splitlines()
    try:
        compiled = compile(code, USER_FILE, "exec")
    except Exception as exc:  # SyntaxError, or ValueError for a null byte
        return syntax_error(exc, lines), False
    namespace: dict[str, Any] = {"__name__": "__main__"}
    try:
        exec(compiled, namespace)
    except SystemExit as exc:
        return _exit_error(exc), False
    except MemoryError as exc:
        namespace.clear()  # free what the code built before reporting
        return short_traceback(exc, lines), True
    except BaseException as exc:  # KeyboardInterrupt too: the answer must always come back
        return short_traceback(exc, lines), False
    finally:
        namespace.clear()
    return None, False


def run_code(code: str) -> dict[str, Any]:
    """Run the reader's script; see the module docstring for the answer's shape."""
    buffer = CappedText()
    try:
        if not isinstance(code, str):
            raise TypeError("the code must be a string")
        with _captured(buffer), _memory_cap():
            error, out_of_memory = _execute(code)
    except BaseException as exc:  # a last resort: the reader broke the runner itself
        error, out_of_memory = f"Your code could not be run: {exc_line(exc)}", False
    return {
        "ok": error is None,
        "output": buffer.value(),
        "truncated": buffer.truncated,
        "error": error,
        "memory_error": out_of_memory,
    }


def check_code(code: str, checks: str) -> dict[str, Any]:
    """Run the exercise's checks on the reader's code, capturing what it prints."""
    buffer = CappedText()
    try:
        with _captured(buffer), _memory_cap():
            report = run_checks(code, checks)
    except BaseException as exc:  # run_checks never raises; this guards the capture
        report = {
            "ok": False,
            "passed": 0,
            "total": 0,
            "results": [],
            "error": f"Your code could not be checked: {exc_line(exc)}",
        }
    return {**report, "output": buffer.value(), "truncated": buffer.truncated}


def _captured_report(action: Any, code: Any, exercise: Any) -> dict[str, Any]:
    """`action(code, exercise)` with the reader's output captured and memory capped."""
    require_exercise(exercise)  # a bad exercise is the page's error, not the reader's
    buffer = CappedText()
    try:
        with _captured(buffer), _memory_cap():
            report = action(code, exercise)
    except BaseException as exc:  # the actions never raise once the exercise is valid
        report = {
            "ok": False,
            "verdict": "error",
            "passed": 0,
            "total": 0,
            "results": [],
            "error": f"Your code could not be checked: {exc_line(exc)}",
        }
    return {**report, "output": buffer.value(), "truncated": buffer.truncated}


def run_exercise(code: str, exercise: dict[str, Any]) -> dict[str, Any]:
    """Run: the reader's code on the visible examples, with what it printed."""
    return _captured_report(run_examples, code, exercise)


def check_exercise(code: str, exercise: dict[str, Any]) -> dict[str, Any]:
    """Check: rules, examples, hidden cases and complexity, with what the code printed."""
    return {"complexity": None, **_captured_report(judge_check, code, exercise)}


def measure_complexity(code: str, exercise: dict[str, Any]) -> dict[str, Any]:
    """The complexity measurement alone, with what the code printed meanwhile."""
    require_exercise(exercise)
    buffer = CappedText()
    try:
        with _captured(buffer), _memory_cap():
            found = measure_exercise(code, exercise)
    except EngineError:
        raise
    except BaseException as exc:  # the reader's code broke the measurement itself
        found = {"complexity": None, "error": f"Your code could not be measured: {exc_line(exc)}"}
    return {**found, "output": buffer.value(), "truncated": buffer.truncated}
