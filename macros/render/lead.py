"""The sentence a candidate says first: each part of an answer opens with it, in bold.

Answers are written so their first sentence stands on its own as the spoken opener; the
reader scanning a part should be able to stop there. Splitting is done here at build time,
on the Markdown source, and never inside a formula, code span or parenthesis, nor after an
abbreviation such as "e.g." or a decimal point.
"""

from __future__ import annotations

import re

# Words ending in a full stop that do not end a sentence (compared lower-case).
ABBREVIATIONS = frozenset(
    {"e.g.", "i.e.", "vs.", "etc.", "cf.", "al.", "approx.", "fig.", "eq.", "no.", "dr.", "mr."}
)
# A sentence ends at . ? or ! followed by a space and then something that can open one.
_OPENER = re.compile(r"[A-Za-z0-9$`*(\"'“‘]")
# A lone initial such as the "J." of "J. Smith" or the "U.S." of a name.
_INITIAL = re.compile(r"(?:[a-z]\.)+")
_CLOSERS = {"$": "$", "`": "`", "(": ")", "[": "]"}


def _ends_sentence(text: str, i: int) -> bool:
    """True when the stop at text[i] ends the first sentence."""
    if i + 2 >= len(text) or text[i + 1] != " " or not _OPENER.match(text[i + 2]):
        return False
    word = text[: i + 1].rsplit(" ", 1)[-1].lower()
    return word not in ABBREVIATIONS and not _INITIAL.fullmatch(word)


def split_lead(text: str) -> tuple[str, str]:
    """(first sentence, the rest); the rest is empty when the text is one sentence or no
    safe split exists."""
    stack: list[str] = []
    for i, ch in enumerate(text):
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch in _CLOSERS and not (stack and stack[-1] in "$`"):
            stack.append(_CLOSERS[ch])
        elif not stack and ch in ".?!" and _ends_sentence(text, i):
            return text[: i + 1], text[i + 2 :]
    return text.strip(), ""


def lead_part_md(label: str, text: str) -> str:
    """One answer part as Markdown: its label, its opening sentence in bold (a span the
    stylesheet can set apart), then the rest."""
    lead, rest = split_lead(text.strip())
    opener = f'<strong class="qlead">{lead}</strong>'
    return f"**{label}.** {opener} {rest}".rstrip()
