"""The site's MkDocs plugin ("guide" in mkdocs.yml): one method per MkDocs event, each
calling plain functions in bank/, render/ and publish/.

The order of a build, by MkDocs' own order of events:
- on_config: load and validate the bank and the exercises; a broken one stops the build
  with every problem listed. List every track under Questions in the nav, and note the
  tracks with no page file (render/track_pages.py).
- on_files: register everything the site holds beside the pages as MkDocs files: the
  scripts' bundle, joined stylesheets, JSON exports, runtime, wheels, snapshot, editor,
  redirects, the pages of tracks with no page file, and the flashcards deck's chunk
  pages (render/deck_chunks.py).
- on_page_markdown: tag each page with the tracks, levels and roles of its questions.
- on_page_content: typeset the page's formulas with KaTeX (render/math.py).
- on_env: every page is converted, so the formulas' stylesheet can be written and
  registered, and the templates told which pages link it; then keep MkDocs' final list
  of files, for the service worker.
- on_post_page / on_post_template: swap the typeset formulas in; give every page its CSP;
  note each page's card ids.
- on_post_build: check that bank, pages and export agree, then write the service worker,
  which lists every file, so it comes last.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .bank import Bank, BankError
from .bank.cache import bank_for, exercises_for
from .config import GuideConfig
from .publish import Outputs
from .publish.bundle import BundleError, bundle
from .publish.csp import with_csp
from .publish.editor import editor_outputs
from .publish.esbuild import BundleBuildError
from .publish.exercise_export import exercise_outputs
from .publish.export import bank_json, bank_outputs
from .publish.parity import (
    card_ids,
    deck_mismatches,
    exported_ids,
    flashcard_ids,
    mismatches,
    pages_by_id,
)
from .publish.redirects import redirect_outputs
from .publish.runtime import AssetError, katex_files, manifest, pyodide_files, wheel_files
from .publish.scripts import site_script
from .publish.service_worker import write_service_worker
from .publish.snapshot import SnapshotError, snapshot_outputs
from .publish.wheels import WheelError, browser_wheels, build_engine_wheel
from .render.deck_chunks import FLASHCARDS_PAGE, chunk_pages, deck_order
from .render.links import page_of
from .render.math import MathError, MathPages
from .render.tags import page_tags, tag_summary
from .render.track_pages import TrackPageError, generated_pages, with_track_nav

# Written after MkDocs' list of files is final: the theme's static pages (by MkDocs) and,
# in their on_post_build, the search index and the tags plugin's export.
LATE_OUTPUTS: tuple[str, ...] = ("404.html", "sitemap.xml", "sitemap.xml.gz")
LATE_OUTPUTS += ("search/search_index.json", "tags.json")
BUILD_ERRORS: tuple[type[Exception], ...] = (AssetError, BundleBuildError, BundleError)
BUILD_ERRORS += (MathError, SnapshotError, WheelError)


class GuidePlugin(BasePlugin[GuideConfig]):
    """Validates the bank, publishes everything the widgets need, and checks the result."""

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.root = Path()
        self.bank: Bank | None = None
        self.exported: set[str] = set()
        self.card_ids: dict[str, list[str]] = {}
        self.fc_ids: dict[str, list[str]] = {}  # flashcards per page, in chunks
        self.site_files: list[str] = []
        self.math: MathPages | None = None
        self.chunk_pages: dict[str, str] = {}
        self.track_pages: dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A live-reloading dev server must not cache pages; a dirty build renders only the
        # changed pages, so it cannot check the cards of all of them.
        self.serving, self.dirty = command == "serve", dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        try:
            self.bank = bank_for(self.root / "quiz_data")
            exercises_for(self.root / "quiz_data" / "exercises")  # every problem, file and field
        except BankError as exc:
            raise PluginError(str(exc)) from None
        if self.bank is not None:  # a track is one entry in tracks.yml: its page and nav
            try:
                self.track_pages = generated_pages(self.bank, Path(config.docs_dir))
            except TrackPageError as exc:
                raise PluginError(str(exc)) from None
            config.nav = with_track_nav(config.nav, self.bank)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            files = bundle(files, config, site_script(self.root))
            self.math = MathPages(self.root)  # before the exercise fragments are typeset
            outputs = self._outputs(files, config)
        except BUILD_ERRORS as exc:
            raise PluginError(str(exc)) from None
        for uri, what in outputs.items():
            if isinstance(what, Path):
                files.append(File.generated(config, uri, abs_src_path=str(what)))
            else:
                files.append(File.generated(config, uri, content=what))
        for uri, markdown in self.track_pages.items():  # pages of tracks without a file
            files.append(File.generated(config, uri, content=markdown))
        # The flashcards deck's other chunks: pages the flashcards widget loads, in no nav.
        self.chunk_pages = chunk_pages(self.bank) if self.bank is not None else {}
        for uri, markdown in self.chunk_pages.items():
            inclusion = InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
        self.card_ids, self.fc_ids = {}, {}
        return files

    def _outputs(self, files: Files, config: MkDocsConfig) -> Outputs:
        """Every generated file of the site, by its path in the site."""
        assert self.bank is not None and self.math is not None
        math = self.math
        node_modules = self.root / "node_modules"
        runtime = pyodide_files(node_modules)
        wheels = [*browser_wheels(self.root), build_engine_wheel(self.root)]
        snapshot: Outputs = {}
        record = None
        if self.config.python_snapshot:
            snapshot, record = snapshot_outputs(self.root, runtime, wheels)
        exported = bank_json(self.bank)
        self.exported = exported_ids(exported)
        pages = [f.src_uri for f in files.documentation_pages()]
        return {
            **bank_outputs(self.bank),
            **exercise_outputs(exercises_for(self.root / "quiz_data" / "exercises"), math.fragment),
            **runtime,
            **katex_files(node_modules),
            **wheel_files(wheels),
            **snapshot,
            "assets/quiz/runtime.json": manifest(runtime, wheel_files(wheels), record),
            **editor_outputs(self.root),
            **redirect_outputs(pages, dict(self.config.moved), config.site_url or ""),
        }

    @event_priority(10)  # before Material's tags plugin (-50) reads page.meta
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Tag every page that shows bank entries with their tracks, levels and roles."""
        assert self.bank is not None
        on_page = [e for e in self.bank.entries if page_of(e, self.bank) == page.file.src_uri]
        if on_page:
            page.meta["tags"] = page_tags(on_page, self.bank)
            page.meta["tag_summary"] = tag_summary(on_page, self.bank)  # partials/tags.html
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Typeset the page's formulas now; they go into the page in on_post_page, so the
        search index reads their TeX rather than KaTeX's HTML."""
        assert self.math is not None
        try:
            self.math.collect(html, page.file.src_uri)
        except MathError as exc:
            raise PluginError(str(exc)) from None
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        assert self.math is not None
        self.card_ids[page.file.dest_uri] = card_ids(output)
        self.fc_ids[page.file.dest_uri] = flashcard_ids(output)
        try:
            output = self.math.typeset_page(output)
        except MathError as exc:
            raise PluginError(str(exc)) from None
        return with_csp(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The theme's static pages (404.html) get the CSP like every other page."""
        return with_csp(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # after every other plugin has changed the list
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is converted by now, and nothing is written yet: the formulas'
        stylesheet, which only now is complete, joins the site's files."""
        assert self.math is not None
        try:
            uri, css = self.math.stylesheet()
        except MathError as exc:
            raise PluginError(str(exc)) from None
        files.append(File.generated(config, uri, content=css))
        # The flashcards page shows the cards of its chunk pages: their formulas need KaTeX's
        # stylesheet there too.
        self.math.share(list(self.chunk_pages), FLASHCARDS_PAGE)
        # overrides/main.html: only a page with a formula links KaTeX's stylesheet
        env.globals["katex_stylesheet"] = self.math.stylesheet_for
        self.site_files = [f.dest_uri for f in files]
        return env

    def on_build_error(self, *, error: Exception) -> None:
        if self.math is not None:
            self.math.close()  # Node must not outlive a failed build

    @event_priority(-100)  # after the search and tags plugins have written their files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.bank is not None
        if not self.dirty:
            pages = pages_by_id(self.card_ids)
            problems = mismatches({e.id for e in self.bank.entries}, pages, self.exported)
            problems += deck_mismatches(deck_order(self.bank), self.fc_ids)
            if problems:
                raise PluginError("bank, pages and JSON disagree:\n  - " + "\n  - ".join(problems))
        if not self.serving:
            site = Path(config.site_dir)
            late = [rel for rel in LATE_OUTPUTS if (site / rel).is_file()]
            write_service_worker(site, [*self.site_files, *late])
