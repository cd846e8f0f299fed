"""Each built page links one stylesheet and one script of ours, joined at build time from the
sources listed in mkdocs.yml (macros/bundle.py); the Python client is in the head only on
practice pages, which start Python at once."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OURS = re.compile(r'(?:href|src)="(?:\.\./)*(assets/(?:css|js)/[^"]+)"')
NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.S)
EAGER = '<meta name="mlguide-python" content="eager">'


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _listed() -> tuple[list[str], list[str]]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    scripts = [s if isinstance(s, str) else s["path"] for s in config["extra_javascript"]]
    return config["extra_css"], scripts


def test_every_page_links_one_stylesheet_and_one_script_of_ours(guide_pages: list[Path]) -> None:
    css, js = _listed()
    wrong = []
    for page in guide_pages:
        # What a browser with JavaScript loads: <noscript> content is not even parsed.
        html = NOSCRIPT.sub("", page.read_text(encoding="utf-8"))
        body = html.split("</head>", 1)[1]
        linked = OURS.findall(html)
        styles = [u for u in linked if u.endswith(".css")]
        scripts = [u for u in OURS.findall(body) if u.endswith(".js")]
        if len(styles) != 1 or not re.fullmatch(r"assets/css/site\.[0-9a-f]{10}\.css", styles[0]):
            wrong.append(f"{page}: stylesheets {styles}")
        if len(scripts) != 1 or not re.fullmatch(r"assets/js/site\.[0-9a-f]{10}\.js", scripts[0]):
            wrong.append(f"{page}: scripts {scripts}")
        if any(source in linked for source in [*css, *js]):
            wrong.append(f"{page}: links a source file, not the bundle")
    assert wrong == []


def test_the_bundles_hold_every_listed_source_in_order(built_site: Path) -> None:
    css, js = _listed()
    [css_bundle] = (built_site / "assets" / "css").glob("site.*.css")
    [js_bundle] = (built_site / "assets" / "js").glob("site.*.js")
    for bundle, sources in ((css_bundle, css), (js_bundle, js)):
        text = bundle.read_text(encoding="utf-8")
        at = [text.find(f"{source} */" if source.endswith(".css") else f"// {source}\n")
              for source in sources]  # fmt: skip
        assert -1 not in at and at == sorted(at), bundle.name
        for source in sources:  # the source itself, as written, not a copy of an old build
            assert (ROOT / "docs" / source).read_text(encoding="utf-8").strip() in text


def test_the_python_client_is_in_the_head_only_on_practice_pages(guide_pages: list[Path]) -> None:
    eager, reading = 0, 0
    for page in guide_pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        in_head = "assets/js/py-client.js" in head
        if EAGER in head:
            eager += 1
            assert in_head, page
        else:
            reading += 1
            assert not in_head, page
    assert eager and reading


def test_readers_without_javascript_get_the_full_navigation(built_site: Path) -> None:
    """guide.css lays the sidebars out as Material's bundle will (no layout shift when it
    runs); no-js.css, loaded only without JavaScript, gives the whole navigation back."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<noscript><link rel="stylesheet" href="[^"]*assets/css/no-js\.css">', html)
    assert (built_site / "assets" / "css" / "no-js.css").is_file()
