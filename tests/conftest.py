"""Shared fixtures: the real bank, a built site (built once per session), the site served
under a sub-path like a GitHub project page, and the golden-file update flag."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI and the helpers share two busy cores: a property test's speed says nothing about its
# correctness, so no example fails for taking longer than Hypothesis's default 200 ms.
settings.register_profile("shared-cores", deadline=None)
settings.load_profile("shared-cores")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT))

from macros.bank import Bank, load_bank  # noqa: E402
from tests.support.server import serve  # noqa: E402

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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{output}")
    return site, output


@pytest.fixture(scope="session")
def built_site(build_result: tuple[Path, str]) -> Path:
    return build_result[0]


@pytest.fixture(scope="session")
def site_url(_served_dir, built_site: Path) -> str:
    """The built site at http://127.0.0.1:PORT/ml-guide/ (a project-page sub-path)."""
    return _served_dir[1]
