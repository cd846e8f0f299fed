"""Each built page links one stylesheet of ours, joined at build time from the sources listed
in mkdocs.yml, and one script, the module esbuild bundled from frontend/main.js
(macros/publish/bundle.py, scripts.py); practice pages say in the head that Python starts
at once."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import mkdocs_config

ROOT = Path(__file__).resolve().parents[2]
OURS = re.compile(r'(?:href|src)="(?:\.\./)*(assets/(?:css|js)/[^"]+)"')
NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.S)
MODULE = r'<script src="(?:\.\./)*assets/js/site\.[0-9a-f]{10}\.js" type="module">'
EAGER = '<meta name="mlguide-python" content="eager">'
EARLY = r'<script type="module" async src="(?:\.\./)*assets/js/py-early\.mjs">'
# The one classic script of ours, before Material's bundle: it holds back the bundle's
# request for the search index until the reader opens search (search-gate.js).
GATE = "assets/js/search-gate.js"
GATE_FIRST = re.compile(
    r'<script src="(?:\.\./)*assets/js/search-gate\.js"></script>\s*'
    r'<script src="(?:\.\./)*assets/javascripts/bundle\.'
)


def _listed() -> tuple[list[str], list[str]]:
    config = mkdocs_config()
    scripts = [s if isinstance(s, str) else s["path"] for s in config.get("extra_javascript", [])]
    return config["extra_css"], scripts


def test_every_page_links_one_stylesheet_and_one_module_of_ours(guide_pages: list[Path]) -> None:
    css, js = _listed()
    wrong = []
    for page in guide_pages:
        # What a browser with JavaScript loads: <noscript> content is not even parsed.
        html = NOSCRIPT.sub("", page.read_text(encoding="utf-8"))
        body = html.split("</head>", 1)[1]
        linked = OURS.findall(html)
        styles = [u for u in linked if u.endswith(".css")]
        scripts = [u for u in OURS.findall(body) if u.endswith(".js") and u != GATE]
        if not GATE_FIRST.search(body):
            wrong.append(f"{page}: the search gate is not loaded just before the theme's bundle")
        if not re.search(MODULE, body):
            wrong.append(f"{page}: the script is not loaded as a module")
        if len(styles) != 1 or not re.fullmatch(r"assets/css/site\.[0-9a-f]{10}\.css", styles[0]):
            wrong.append(f"{page}: stylesheets {styles}")
        if len(scripts) != 1 or not re.fullmatch(r"assets/js/site\.[0-9a-f]{10}\.js", scripts[0]):
            wrong.append(f"{page}: scripts {scripts}")
        if any(source in linked for source in [*css, *js]):
            wrong.append(f"{page}: links a source file, not the bundle")
    assert wrong == []


def test_the_stylesheet_holds_every_listed_source_in_order(built_site: Path) -> None:
    css, js = _listed()
    assert js == []  # scripts are modules under frontend/, not listed
    [css_bundle] = (built_site / "assets" / "css").glob("site.*.css")
    text = css_bundle.read_text(encoding="utf-8")
    at = [text.find(f"{source} */") for source in css]
    assert -1 not in at and at == sorted(at)
    for source in css:  # the source itself, as written, not a copy of an old build
        assert (ROOT / "docs" / source).read_text(encoding="utf-8").strip() in text


def test_the_script_holds_every_widget_and_no_source_is_published(built_site: Path) -> None:
    [js_bundle] = (built_site / "assets" / "js").glob("site.*.js")
    text = js_bundle.read_text(encoding="utf-8")
    shells = (".mlw-quiz", ".mlw-fc", ".mlw-mock", ".mlw-dash", ".mlw-backups", ".mlw-exercise")
    for shell in shells:
        assert f'"{shell}"' in text, shell  # the entry's selector -> mount table
    # The worker and the lazily loaded editor are files of their own, and so is the search
    # gate, which must run before the theme's bundle; nothing else is.
    published = sorted(p.name for p in (built_site / "assets" / "js").glob("*.js"))
    assert published == sorted([js_bundle.name, "moved.js", "search-gate.js"])


def test_python_starts_at_once_only_on_practice_pages(guide_pages: list[Path]) -> None:
    """A practice page's head starts the worker (an async module, so it holds back neither
    parsing nor paint: py-early.mjs); no other page has a script of ours in its head."""
    eager, reading = 0, 0
    for page in guide_pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        ours = re.findall(r"<script[^>]*assets/js/[^>]*>", head)
        if EAGER in head:
            eager += 1
            assert len(ours) == 1 and re.fullmatch(EARLY, ours[0]), page
        else:
            reading += 1
            assert ours == [], page  # all in the module
    assert eager and reading


def test_readers_without_javascript_get_the_full_navigation(built_site: Path) -> None:
    """guide.css lays the sidebars out as Material's bundle will (no layout shift when it
    runs); no-js.css, loaded only without JavaScript, gives the whole navigation back."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<noscript><link rel="stylesheet" href="[^"]*assets/css/no-js\.css">', html)
    assert (built_site / "assets" / "css" / "no-js.css").is_file()
