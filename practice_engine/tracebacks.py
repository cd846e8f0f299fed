"""How a reader's own code failed, in a few lines: only the frames of their code, repeated
calls folded, and a syntax error pointing at its column. The check harness and the Run
button say it the same way. Standard library only."""

from __future__ import annotations

import traceback

from .values import clip

USER_FILE = "<your code>"  # the file name the reader's code is compiled under
MAX_FRAMES = 4  # frames of the reader's code shown in a traceback


def user_frames(exc: BaseException) -> list[tuple[int, str]]:
    """(line, function) of every frame of the reader's code in the exception's traceback."""
    frames = traceback.extract_tb(exc.__traceback__)
    return [(f.lineno or 0, f.name) for f in frames if f.filename == USER_FILE]


def exc_line(exc: BaseException) -> str:
    text = str(exc)
    name = type(exc).__name__
    return clip(f"{name}: {text}" if text else name)


def location(exc: BaseException) -> str:
    frames = user_frames(exc)
    if not frames:
        return ""
    line, func = frames[-1]
    return f" (line {line}, in {func})" if func != "<module>" else f" (line {line})"


def short_traceback(exc: BaseException, source_lines: list[str]) -> str:
    """A traceback of the reader's code only, repeated frames folded as Python does."""
    frames = user_frames(exc)
    folded: list[tuple[int, str, int]] = []  # line, function, times repeated
    for line, func in frames:
        if folded and folded[-1][:2] == (line, func):
            folded[-1] = (line, func, folded[-1][2] + 1)
        else:
            folded.append((line, func, 1))
    out = ["Traceback (your code only):"]
    if len(folded) > MAX_FRAMES:
        out.append(f"  ... {len(folded) - MAX_FRAMES} earlier calls not shown")
        folded = folded[-MAX_FRAMES:]
    for line, func, times in folded:
        out.append(f"  line {line}, in {func}")
        if 0 < line <= len(source_lines) and source_lines[line - 1].strip():
            out.append(f"    {source_lines[line - 1].strip()}")
        if times > 1:
            out.append(f"  [the line above repeated {times - 1} more times]")
    out.append(exc_line(exc))
    return "\n".join(out)


def syntax_error(exc: BaseException, source_lines: list[str]) -> str:
    if not isinstance(exc, SyntaxError):
        return f"Your code could not be read: {exc_line(exc)}"
    line = exc.lineno or 0
    text = f"{type(exc).__name__} on line {line}: {exc.msg}"
    if 0 < line <= len(source_lines):
        code = source_lines[line - 1].rstrip()
        text += f"\n    {code.strip()}"
        if exc.offset and exc.offset > 0:
            indent = len(code) - len(code.lstrip())
            caret = max(exc.offset - 1 - indent, 0)
            if caret <= len(code.strip()):
                text += "\n    " + " " * caret + "^"
    return text
