"""The options of the site's MkDocs plugin ("guide" in mkdocs.yml), typed and checked by
MkDocs when it loads the configuration."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base, config_options

TRUE = ("1", "true", "yes", "on")
FALSE = ("", "0", "false", "no", "off")


class Switch(config_options.BaseConfigOption[bool]):
    """On or off: a YAML boolean, or the text an environment variable gives through
    `!ENV` (PYTHON_SNAPSHOT=1 make build), so a switch can be flipped from the shell."""

    def __init__(self, default: bool = False) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: Any) -> bool:
        if value is None:
            return self.default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise config_options.ValidationError(
            f"expected on or off (true/false, yes/no, 1/0), got {value!r}"
        )


class Folders(config_options.DictOfItems[str]):
    """Old folder -> new folder, each a docs-relative path ending in "/"."""

    def __init__(self) -> None:
        super().__init__(config_options.Type(str), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        folders = super().run_validation(value)
        for old, new in folders.items():
            if not old.endswith("/") or not new.endswith("/") or old.startswith("/"):
                raise config_options.ValidationError(
                    f"folders are docs-relative and end in '/': got {old!r}: {new!r}"
                )
        return folders


class GuideConfig(base.Config):
    # Make a memory snapshot of the booted engine at build time (publish/snapshot.py), which
    # readers' browsers keep after their first use of Python and boot from later.
    python_snapshot = Switch(default=True)
    # Folders whose pages moved; every old page URL gets a redirect page (publish/redirects.py).
    moved = Folders()
