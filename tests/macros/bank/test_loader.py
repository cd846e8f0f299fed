"""The loader accepts the real bank and reports every problem of a broken one, each with
its file, field and what was expected, and never as a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.bank import BankError, load_bank
from tests.conftest import FIXTURES, ROOT

CASES = sorted(p for p in (FIXTURES / "malformed").iterdir() if p.is_dir())


def _expectations(case: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in (case / "expect.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            file, field, message = (part.strip() for part in line.split("|"))
            rows.append((file, field, message))
    return rows


def _broken_bank(case: Path, tmp_path: Path) -> Path:
    bank = tmp_path / "bank"
    shutil.copytree(FIXTURES / "bank", bank)
    shutil.copytree(case, bank, dirs_exist_ok=True)
    (bank / "expect.txt").unlink()
    return bank


def test_real_bank_is_valid(real_bank) -> None:
    assert real_bank.questions, "the real bank holds no question"


def test_fixture_bank_is_valid(fixture_bank) -> None:
    assert [e.id for e in fixture_bank.entries] == ["alpha", "delta", "epsilon", "gamma", "beta"]


def test_there_are_at_least_15_malformed_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_bank_reports_file_and_field(case: Path, tmp_path: Path) -> None:
    with pytest.raises(BankError) as info:
        load_bank(_broken_bank(case, tmp_path))
    found = [(i.file, i.field, i.message) for i in info.value.issues]
    for file, field, message in _expectations(case):
        assert any(f == file and fl == field and message in m for f, fl, m in found), (
            f"expected {file} | {field} | {message}\ngot:\n" + "\n".join(map(str, found))
        )
    # Only the broken file is blamed: no cascade into files that merely link to it.
    blamed = {f for f, _, _ in found}
    assert blamed == {file for file, _, _ in _expectations(case)}


def test_cli_lists_problems_without_traceback(tmp_path: Path) -> None:
    bank = _broken_bank(FIXTURES / "malformed" / "many-problems-at-once", tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "macros.bank", str(bank)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "questions/one/alpha.yml: track: unknown track 'nine'" in proc.stderr
    assert "questions/one/beta.yml: type: expected one of" in proc.stderr


def test_broken_bank_stops_the_build_with_the_list(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "macros", "practice_engine", "overrides", "frontend", "figures"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "quiz_data", project / "quiz_data")
    bad = project / "quiz_data" / "questions" / "fundamentals" / "bias-variance.yml"
    bad.write_text(bad.read_text().replace("type: explain", "type: lecture"))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "questions/fundamentals/bias-variance.yml: type: expected one of" in proc.stderr
