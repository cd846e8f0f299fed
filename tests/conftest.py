"""Shared fixtures: the real bank, a built site (built once per session), the site served
under a sub-path like a GitHub project page, and the golden-file update flag.

`make test` runs the suite on two pytest-xdist workers: the tests that need the built site
(tests/site/ and tests/browser/) all go to one worker, which builds and serves the site
once and runs them in order, while the other runs everything that needs no site (the
engine, the build's modules, the content, the figures, Python inside Pyodide)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import settings

from devtools.server import serve
from devtools.site import ROOT, build
from macros.bank import Bank, load_bank
from macros.publish.redirects import is_redirect

# CI and the helpers share two busy cores: a property test's speed says nothing about its
# correctness, so no example fails for taking longer than Hypothesis's default 200 ms.
settings.register_profile("shared-cores", deadline=None)
settings.load_profile("shared-cores")

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python tags read as None: the tests read its lists."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    """mkdocs.yml as plain data, the one way tests read it."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


BUILT = {"build_result", "built_site", "site_url", "_served_dir"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need the whole site built (which runs esbuild under Node) are marked
    `site`, so `make test-fast` can leave them out with the browser and Node tests."""
    for item in items:
        if BUILT & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output (review the diff before committing)",
    )


# The tests that need the built site, by folder (a test elsewhere may not ask for it).
SITE_TESTS = ("tests/site/", "tests/browser/")


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook; harmless without it
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Give all the tests that need the built site to one worker, as one unit of work, so
    the site is built and served once; every other test is a unit of its own."""
    from xdist.scheduler import LoadScopeScheduling

    class SiteOnOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "site" if nodeid.startswith(SITE_TESTS) else nodeid

    return SiteOnOneWorker(config, log)


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def real_bank() -> Bank:
    return load_bank(ROOT / "quiz_data")


@pytest.fixture(scope="session")
def fixture_bank() -> Bank:
    return load_bank(FIXTURES / "bank")


@pytest.fixture(scope="session")
def _served_dir(tmp_path_factory: pytest.TempPathFactory):
    """A folder served like a GitHub project page; the site is built into it afterwards,
    for the URL it is served at (Material's instant navigation needs site_url to match)."""
    site = tmp_path_factory.mktemp("site")
    with serve(site, prefix="/ml-guide/") as url:
        yield site, url


@pytest.fixture(scope="session")
def build_result(_served_dir) -> tuple[Path, str]:
    """Build the real site once, strictly."""
    site, url = _served_dir
    built = build(site, url)
    if not built.ok:
        pytest.fail(f"mkdocs build --strict failed:\n{built.output}")
    return site, built.output


@pytest.fixture(scope="session")
def built_site(build_result: tuple[Path, str]) -> Path:
    return build_result[0]


@pytest.fixture(scope="session")
def guide_pages(built_site: Path) -> list[Path]:
    """Every page of the guide in the built site, without the redirect pages of moved URLs."""
    pages = sorted(built_site.rglob("index.html"))
    return [p for p in pages if not is_redirect(p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="session")
def site_url(_served_dir, built_site: Path) -> str:
    """The built site at http://127.0.0.1:PORT/ml-guide/ (a project-page sub-path)."""
    return _served_dir[1]
