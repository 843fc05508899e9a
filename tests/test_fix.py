"""--fix, --unsafe-fixes and --diff on real files: exact results, idempotence, atomic writes."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

import newslint.fix
from newslint.cli import main
from tests.conftest import TEST_RULES, TESTS, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
FIXTURES = TESTS / "fix"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    target = tmp_path / "draft.md"
    shutil.copyfile(FIXTURES / "draft.md", target)
    target.chmod(0o640)
    return target


def test_fix_writes_exactly_the_expected_file(draft: Path) -> None:
    result = run_cli(*RULES, "--fix", str(draft))
    assert draft.read_bytes() == (FIXTURES / "draft.fixed.md").read_bytes()  # CRLF lines kept as they were
    assert result.stderr.endswith("Fixed 6 findings in 1 file.\n")
    assert result.returncode == 1  # the unsafe NL201 fix was not applied and remains
    assert ":8:23: NL201 " in result.stdout
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert [p.name for p in draft.parent.iterdir()] == ["draft.md"]  # no temporary file left


def test_second_fix_changes_nothing(draft: Path) -> None:
    run_cli(*RULES, "--fix", str(draft))
    before = draft.read_bytes()
    second = run_cli(*RULES, "--fix", str(draft))
    assert draft.read_bytes() == before
    assert second.stderr.endswith("Fixed 0 findings in 0 files.\n")


def test_unsafe_fixes_need_asking(draft: Path) -> None:
    result = run_cli(*RULES, "--fix", "--unsafe-fixes", str(draft))
    assert draft.read_bytes() == (FIXTURES / "draft.unsafe-fixed.md").read_bytes()
    assert result.returncode == 0 and result.stdout == "No problems found (1 file checked).\n"


def test_diff_changes_nothing(draft: Path) -> None:
    before = draft.read_bytes()
    result = run_cli(*RULES, "--diff", str(draft))
    assert draft.read_bytes() == before
    assert result.returncode == 1
    assert f"--- {draft}\n+++ {draft}\n" in result.stdout
    assert "-# Talks in Kiev\r\n+# Talks in Kyiv\r\n" in result.stdout
    assert result.stderr.endswith("Would fix 6 findings in 1 file.\n")


def test_bom_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThey flew to Kiev.\n".encode())
    run_cli(*RULES, "--fix", str(path))
    assert path.read_bytes() == "\ufeffThey flew to Kyiv.\n".encode()


def test_stdin_fix_prints_the_fixed_text() -> None:
    result = run_cli(*RULES, "--fix", "--stdin-filename", "draft.txt", "-", stdin=b"They flew to Kiev.\n")
    assert result.stdout == "They flew to Kyiv.\n"


def test_interrupted_write_leaves_the_original(draft: Path, monkeypatch) -> None:
    before = draft.read_bytes()

    def crash(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(newslint.fix.os, "replace", crash)
    code = main([*RULES, "--fix", str(draft)])
    assert code == 2  # reported as a write error; other files would go on
    assert draft.read_bytes() == before
    assert [p.name for p in draft.parent.iterdir()] == ["draft.md"]


def test_overlapping_fixes_never_corrupt() -> None:
    from newslint.diagnostic import Diagnostic, Severity

    def diagnostic(start: int, end: int, replacement: str) -> Diagnostic:
        return Diagnostic("x", 1, start + 1, 1, end + 1, "NL501", Severity.ERROR, "m", replacement, None, start, end)

    text = "abcdef"
    fixed, applied = newslint.fix.apply_once(
        text, [diagnostic(1, 4, "X"), diagnostic(2, 5, "Y"), diagnostic(5, 6, "Z")]
    )
    assert (fixed, applied) == ("aXeZ", 2)
