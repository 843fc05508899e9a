"""--fix writes like a careful editor (issue 13), through the real CLI: the owner, group and
mode are kept without setuid/setgid, and a draft that is a symbolic link, has several hard
links, is read-only or changed while it was checked is refused with a message, the file byte
for byte as it was, and neither "No problems found" nor "Fixed" printed after a failure."""

from __future__ import annotations

import os
import resource
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, TESTS, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
FIXTURES = TESTS / "fix"
ORIGINAL = (FIXTURES / "draft.md").read_bytes()
FIXED = (FIXTURES / "draft.fixed.md").read_bytes()
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    target = tmp_path / "draft.md"
    target.write_bytes(ORIGINAL)
    target.chmod(0o644)
    return target


def fix(*paths: str, options: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return run_cli(*RULES, "--fix", *options, *paths, timeout=60)


@ROOT_ONLY
def test_fix_as_root_keeps_the_owner_and_group_and_drops_setuid(draft: Path) -> None:
    os.chown(draft, 1234, 5678)
    draft.chmod(0o6755)
    result = fix(str(draft))
    assert result.stderr.endswith("Fixed 6 findings in 1 file.\n")
    written = draft.stat()
    assert (written.st_uid, written.st_gid, stat.S_IMODE(written.st_mode)) == (1234, 5678, 0o755)
    assert draft.read_bytes() == FIXED


def test_a_symbolic_link_is_refused_and_followed_only_when_asked(tmp_path: Path, draft: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(draft)
    refused = fix(str(link))
    assert refused.stderr.splitlines() == [
        f"newslint: {link} not fixed: is a symbolic link; --follow-symlinks fixes the file it points to"
    ]
    assert refused.returncode == 2
    assert "No problems found" not in refused.stdout and "Found 7 errors" in refused.stdout
    assert link.is_symlink() and draft.read_bytes() == ORIGINAL
    followed = fix(str(link), options=("--follow-symlinks",))
    assert followed.stderr.endswith("Fixed 6 findings in 1 file.\n")
    assert link.is_symlink() and os.readlink(link) == str(draft)  # still a link, to the fixed file
    assert draft.read_bytes() == FIXED


def test_a_file_with_two_hard_links_is_refused_or_rewritten_in_place(tmp_path: Path, draft: Path) -> None:
    other = tmp_path / "other.md"
    os.link(draft, other)
    refused = fix(str(draft))
    assert refused.stderr.splitlines() == [
        f"newslint: {draft} not fixed: has 2 hard links, which an atomic write would split; "
        "--fix-hard-links rewrites it in place"
    ]
    assert refused.returncode == 2
    assert draft.read_bytes() == ORIGINAL and draft.stat().st_ino == other.stat().st_ino
    in_place = fix(str(draft), options=("--fix-hard-links",))
    assert in_place.stderr.endswith("Fixed 6 findings in 1 file.\n")
    assert draft.stat().st_ino == other.stat().st_ino  # not split: both names see the fix
    assert other.read_bytes() == FIXED


def test_a_read_only_draft_is_refused(draft: Path) -> None:
    draft.chmod(0o444)
    result = fix(str(draft))
    assert result.stderr.splitlines() == [f"newslint: {draft} not fixed: is read-only"]
    assert result.returncode == 2
    assert draft.read_bytes() == ORIGINAL and stat.S_IMODE(draft.stat().st_mode) == 0o444


def test_a_failed_write_prints_neither_fixed_nor_no_problems(draft: Path) -> None:
    """The write fails (a file size limit of 64 bytes stands in for a full disk or a read-only
    folder, which root would not notice): the findings are those of the file as it is."""

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    result = subprocess.run(
        [sys.executable, "-m", "newslint", *RULES, "--fix", str(draft)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=small_files,
        env={**os.environ, "NO_COLOR": "1", "NEWSLINT_NO_CACHE": "1"},
    )
    assert result.stderr.splitlines() == [f"newslint: {draft} not fixed: cannot write fixes: File too large"]
    assert result.returncode == 2
    assert "Found 7 errors" in result.stdout and "No problems found" not in result.stdout
    assert draft.read_bytes() == ORIGINAL
    assert [p.name for p in draft.parent.iterdir()] == ["draft.md"]  # no temporary file left


def test_a_line_appended_while_fix_runs_is_never_lost(tmp_path: Path) -> None:
    """Another program appends while --fix checks a large draft: the fix is refused (or, if the
    append came first, made with the new line in); the appended line is never lost."""
    draft = tmp_path / "big.md"
    body = ORIGINAL + b"Filler sentence about the weather in the capital today.\n" * 60_000
    draft.write_bytes(body)
    appended = b"A line written by another program.\n"
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", *RULES, "--fix", str(draft)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )

    def append_soon() -> None:
        time.sleep(0.5)
        with open(draft, "ab") as stream:
            stream.write(appended)

    writer = threading.Thread(target=append_soon)
    writer.start()
    _, errors = process.communicate(timeout=120)
    writer.join()
    final = draft.read_bytes()
    assert final.endswith(appended)
    if process.returncode == 2:
        assert errors.splitlines() == [f"newslint: {draft} not fixed: changed since it was read; check it again"]
        assert final == body + appended
    else:
        assert final.startswith(FIXED)


def test_fix_in_a_copy_keeps_working(tmp_path: Path) -> None:
    """The ordinary case stays as it was: a regular, writable file with one link."""
    target = tmp_path / "draft.md"
    shutil.copyfile(FIXTURES / "draft.md", target)
    result = fix(str(target))
    assert result.stderr.endswith("Fixed 6 findings in 1 file.\n")
    assert target.read_bytes() == FIXED
