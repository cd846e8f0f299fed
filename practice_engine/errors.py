"""The one error the engine raises on purpose.

Every op refuses a request it cannot honour (a bad filter, a grade it does not know, state
that is not valid, a bank export it cannot read) with an EngineError whose message a
reader can act on; `api.dispatch` turns it into {"ok": false, "error": message}. Anything
else that escapes an op is a bug in the engine, reported as such."""

from __future__ import annotations


class EngineError(ValueError):
    """A request the engine cannot honour; the message says why, in plain words."""
