"""Where each entry lives on the site, and Markdown links to it from any page.

Links are written as relative Markdown links to the target `.md` file, so MkDocs resolves
them for any site base and its `validation:` settings catch a broken link or anchor.
"""

from __future__ import annotations

import posixpath

from ..bank import Bank, Entry, Problem, Short

OTHER_LISTS_PAGE = "questions/other-lists.md"
PROBLEMS_DIR = "problems"  # docs/problems/<area>.md holds the practice problems of an area


def page_of(entry: Entry, bank: Bank) -> str:
    """The docs-relative Markdown file that holds the entry's card."""
    if isinstance(entry, Problem):
        return f"{PROBLEMS_DIR}/{entry.area}.md"
    if isinstance(entry, Short):
        return OTHER_LISTS_PAGE
    return bank.track(entry.track).page


def page_url(md_path: str) -> str:
    """The site-relative URL MkDocs gives a page under `use_directory_urls: true`."""
    stem = md_path.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def rel_md(from_page: str, to_path: str) -> str:
    """A path to `to_path` relative to the Markdown file `from_page` (both docs-relative)."""
    if from_page == to_path:
        return ""
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def entry_href(entry: Entry, bank: Bank, from_page: str) -> str:
    return f"{rel_md(from_page, page_of(entry, bank))}#q-{entry.id}"


def entry_title(entry: Entry) -> str:
    return entry.title if isinstance(entry, Problem) else entry.prompt


def entry_link(entry: Entry, bank: Bank, from_page: str) -> str:
    text = entry_title(entry).replace("[", "\\[").replace("]", "\\]")
    return f"[{text}]({entry_href(entry, bank, from_page)})"
