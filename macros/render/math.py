"""Formulas typeset at build time, so pages ship KaTeX's HTML and no KaTeX script.

`pymdownx.arithmatex` (generic mode) leaves each formula as its TeX source in an element
of class "arithmatex": `<span>` with `\\(...\\)` inline, `<div>` with `\\[...\\]` on its
own line. The plugin hands every page's HTML to `MathPages.collect` as MkDocs converts it;
the formulas are typeset by the pinned KaTeX under Node (katex.mjs beside this file), one
process for the whole build, one request per page; KaTeX's style attributes become
classes (katex_styles.py). Once every page is converted, `stylesheet` gives KaTeX's own
stylesheet joined with those classes under a content-hashed name, and each page with a
formula links it (pages without one load no KaTeX file at all). The TeX stays in the page
MkDocs converted, so the search index keeps reading `\\(x^2\\)` rather than the typeset
HTML and MathML; `typeset_page` swaps the formulas into the finished page.

Typeset pages are cached under build/katex/<KaTeX version and options>/<page hash>.json,
so a rebuild converts an unchanged page with no Node at all. A formula KaTeX cannot
typeset fails the build, naming the page, the formula and the files it was found in.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .katex_styles import StyleError, Styles

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

SCRIPT = Path(__file__).with_name("katex.mjs")
CACHE = Path("build/katex")
STYLESHEET_DIR = "assets/katex"
FORMULA = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>[^<]*)</(?P=tag)>')
_DELIMITERS = {"span": ("\\(", "\\)"), "div": ("\\[", "\\]")}


class MathError(RuntimeError):
    """A formula could not be typeset, or KaTeX could not be run; the message says which."""


class Formula(NamedTuple):
    tex: str
    display: bool


def formula_of(match: re.Match[str]) -> Formula:
    """The TeX inside an arithmatex element, without its delimiters."""
    tex = html.unescape(match.group("tex")).strip()
    start, end = _DELIMITERS[match.group("tag")]
    if not (tex.startswith(start) and tex.endswith(end)):
        raise MathError(f"an arithmatex element without its {start} {end}: {match.group(0)}")
    return Formula(tex[len(start) : -len(end)].strip(), match.group("tag") == "div")


class Typesetter:
    """KaTeX under Node: started on the first formula the cache does not hold, then kept
    for the rest of the build; each formula is typeset once per build."""

    def __init__(self, root: Path, cache: Path | None = None) -> None:
        self.katex = root / "node_modules" / "katex"
        self.cache = (cache or root / CACHE) / self._key()
        self.proc: subprocess.Popen[str] | None = None
        self.known: dict[Formula, str] = {}
        self.requests = 0  # round trips to Node, for the tests

    def _key(self) -> str:
        package = self.katex / "package.json"
        if not package.is_file():
            raise MathError(f"{package} not found: run `npm ci` (or `make install`) first")
        version = json.loads(package.read_text(encoding="utf-8"))["version"]
        script = hashlib.sha256(SCRIPT.read_bytes()).hexdigest()[:12]
        return f"{version}-{script}"

    def _start(self) -> subprocess.Popen[str]:
        node = shutil.which("node")
        if node is None:
            raise MathError("Node is needed to typeset the formulas (`make install`)")
        proc = subprocess.Popen(
            [node, str(SCRIPT), str(self.katex)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self._read(proc)  # KaTeX's version and options: it has loaded
        return proc

    def _read(self, proc: subprocess.Popen[str]) -> Any:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            proc.kill()
            _, err = proc.communicate()
            raise MathError(f"KaTeX under Node stopped:\n{err}")
        return json.loads(line)

    def _ask(self, formulas: list[Formula]) -> list[dict[str, Any]]:
        if self.proc is None:
            self.proc = self._start()
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps([list(f) for f in formulas]) + "\n")
        self.proc.stdin.flush()
        self.requests += 1
        answers: list[dict[str, Any]] = self._read(self.proc)
        return answers

    def _cached(self, path: Path) -> list[str] | None:
        try:
            return list(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    def _store(self, path: Path, markup: list[str]) -> None:
        """Written whole and renamed, so a parallel build never reads half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".page-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(markup, out)
        os.replace(tmp, path)

    def typeset(self, formulas: list[Formula]) -> tuple[list[str], dict[Formula, str]]:
        """KaTeX's HTML for each formula of one page, in order; and the error of each
        formula KaTeX refused (then the page is not cached)."""
        digest = hashlib.sha256(json.dumps(formulas).encode("utf-8")).hexdigest()
        path = self.cache / f"{digest[:32]}.json"
        cached = self._cached(path)
        if cached is not None and len(cached) == len(formulas):
            return cached, {}
        new = list(dict.fromkeys(f for f in formulas if f not in self.known))
        errors: dict[Formula, str] = {}
        for formula, answer in zip(new, self._ask(new) if new else [], strict=True):
            if "html" in answer:
                self.known[formula] = answer["html"]
            else:
                errors[formula] = answer["error"]
        if errors:
            return [], errors
        markup = [self.known[f] for f in formulas]
        self._store(path, markup)
        return markup, {}

    def close(self) -> None:
        if self.proc is not None:
            proc, self.proc = self.proc, None
            assert proc.stdin is not None
            proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()


def _found_in(tex: str, root: Path, page: str) -> list[str]:
    """The source files that hold `tex`: the page itself, or the bank files a template
    function put on it."""
    files = [root / "docs" / page, *sorted((root / "quiz_data").rglob("*.yml"))]
    return [
        p.relative_to(root).as_posix()
        for p in files
        if p.is_file() and tex in p.read_text(encoding="utf-8")
    ]


class MathPages:
    """The formulas of one build: typeset per page, their styles, and their stylesheet."""

    def __init__(self, root: Path, cache: Path | None = None) -> None:
        self.root = root
        self.typesetter = Typesetter(root, cache)
        self.styles = Styles()
        self.typeset: dict[str, str] = {}  # an arithmatex element -> its typeset HTML
        self.pages: set[str] = set()  # src_uri of each page with a formula
        self.errors: list[str] = []
        self.stylesheet_uri: str | None = None

    def collect(self, content: str, page: str) -> None:
        """Typeset the formulas of one page's converted Markdown (`page`: its src_uri)."""
        matches = list(FORMULA.finditer(content))
        if not matches:
            return
        self.pages.add(page)
        formulas = [formula_of(m) for m in matches]
        markup, errors = self.typesetter.typeset(formulas)
        for formula, error in errors.items():
            where = ", ".join(_found_in(formula.tex, self.root, page)) or "no source file matched"
            self.errors.append(f'docs/{page}: formula "{formula.tex}" ({where}): {error}')
        for match, typeset in zip(matches, markup, strict=False):
            try:
                self.typeset[match.group(0)] = self._element(match, self.styles.classed(typeset))
            except StyleError as exc:
                self.errors.append(f"docs/{page}: {exc}")

    def fragment(self, content: str, page: str) -> str:
        """A fragment the build exports for a widget to show later (an exercise's hints,
        remarks, follow-up answers), typeset now: the page has no KaTeX script to do it.
        `page` is the src_uri of the page that shows the fragment, which then links the
        stylesheet."""
        if not FORMULA.search(content):
            return content
        self.collect(content, page)
        return self.typeset_page(content)

    @staticmethod
    def _element(match: re.Match[str], typeset: str) -> str:
        tag = match.group("tag")
        return f'<{tag} class="arithmatex">{typeset}</{tag}>'

    def stylesheet(self) -> tuple[str, str]:
        """(site path, text): KaTeX's stylesheet and the build's style classes, joined, in
        KaTeX's folder so its `url(fonts/...)` still resolve. Raises every formula error
        of the build at once."""
        self.close()
        if self.errors:
            raise MathError("formulas KaTeX cannot typeset:\n  - " + "\n  - ".join(self.errors))
        katex_css = (self.typesetter.katex / "dist" / "katex.min.css").read_text(encoding="utf-8")
        note = "/* The formulas' own styles: KaTeX's style attributes, as classes (the CSP). */"
        text = f"{katex_css.strip()}\n{note}\n{self.styles.css()}"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        self.stylesheet_uri = f"{STYLESHEET_DIR}/katex.{digest}.css"
        return self.stylesheet_uri, text

    def has_math(self, page: str) -> bool:
        return page in self.pages

    def share(self, sources: list[str], page: str) -> None:
        """`page` shows formulas of the `sources` pages (it loads their HTML): it links the
        stylesheet if any of them has a formula."""
        if any(self.has_math(source) for source in sources):
            self.pages.add(page)

    def stylesheet_for(self, page: Page | None) -> str:
        """The stylesheet a page links: KaTeX's if it has a formula, else none ("")."""
        if page is None or not self.has_math(page.file.src_uri):
            return ""
        return self.stylesheet_uri or ""

    def typeset_page(self, output: str) -> str:
        """The finished page with each formula's TeX replaced by its typeset HTML."""

        def swap(match: re.Match[str]) -> str:
            typeset = self.typeset.get(match.group(0))
            if typeset is None:
                raise MathError(f"a formula that was never typeset: {match.group(0)}")
            return typeset

        return FORMULA.sub(swap, output)

    def close(self) -> None:
        self.typesetter.close()
