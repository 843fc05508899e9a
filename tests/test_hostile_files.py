"""Special files, endless streams and deep trees through the real CLI (issue 13): only regular
files are read, every read is bounded before it starts, and the walk has no recursion to
exhaust. Each case runs under a timeout that fails the test instead of hanging it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
BAD = "Former US President Donald Trump spoke.\n"
GUARD = 60  # seconds: every case here ends in a few


def lint(*paths: str, **options) -> tuple[list[tuple[str, int, int, str, str]], int]:
    result = run_cli(*RULES, "--date", "2025-02-17", "--format", "json", *paths, timeout=GUARD, **options)
    found = [(d["path"], d["line"], d["column"], d["code"], d["message"]) for d in json.loads(result.stdout)]
    return found, result.returncode


def test_a_fifo_among_drafts_is_one_diagnostic_and_the_others_are_checked(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "real.md").write_text(BAD, encoding="utf-8")
    found, code = lint(str(tmp_path))
    assert [(Path(p).name, line, column, c) for p, line, column, c, _ in found] == [
        ("pipe.md", 1, 1, "NL001"),
        ("real.md", 1, 1, "NL201"),
    ]
    assert found[0][4] == "cannot check this file: is a FIFO (named pipe), not a regular file"
    assert code == 1


def test_a_fifo_named_directly(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    found, code = lint(str(tmp_path / "pipe.txt"))
    assert [(c, m) for _, _, _, c, m in found] == [
        ("NL001", "cannot check this file: is a FIFO (named pipe), not a regular file")
    ]
    assert code == 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_in_a_checked_folder(tmp_path: Path, device: str) -> None:
    (tmp_path / "endless.md").symlink_to(device)
    (tmp_path / "real.md").write_text(BAD, encoding="utf-8")
    found, code = lint(str(tmp_path), memory_mb=1024)
    assert [(Path(p).name, c, m) for p, _, _, c, m in found] == [
        ("endless.md", "NL001", "cannot check this file: is a character device, not a regular file"),
        ("real.md", "NL201", found[1][4]),
    ]
    assert code == 1


def test_standard_input_from_an_endless_device_is_read_no_further_than_the_limit() -> None:
    with open("/dev/zero", "rb") as endless:
        found, code = lint("-", stdin=endless, memory_mb=1024)
    assert [(p, c, m) for p, _, _, c, m in found] == [
        ("-", "NL001", "cannot check this file: file is too large to check (more than 20971520 bytes)")
    ]
    assert code == 1


def test_a_tree_1000_folders_deep_is_walked(tmp_path: Path) -> None:
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        for _ in range(1000):
            os.mkdir("d")
            os.chdir("d")
        Path("deep.md").write_text(BAD, encoding="utf-8")
    finally:
        os.chdir(here)
    found, code = lint(str(tmp_path))
    assert [(p.split("/").count("d"), c) for p, _, _, c, _ in found] == [(1000, "NL201")]
    assert code == 1


def test_a_link_to_a_folder_is_not_followed_so_a_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "draft.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "a" / "loop.md").symlink_to(tmp_path, target_is_directory=True)
    found, code = lint(str(tmp_path))
    assert [(Path(p).name, c) for p, _, _, c, _ in found] == [("draft.md", "NL201")]
    assert code == 1


def test_a_fifo_in_a_rule_folder_is_a_positioned_rule_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path), timeout=GUARD)
    assert result.stderr.splitlines() == [
        f"{tmp_path}/pipe.yaml:1:1: is a FIFO (named pipe), not a rule file",
        "newslint: 1 problem(s) in rule files",
    ]
    assert result.returncode == 2


def test_a_link_to_dev_zero_in_a_rule_folder_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    draft = tmp_path / "draft.md"
    draft.write_text(BAD, encoding="utf-8")
    # linting (not only 'rules check') goes through the cache, whose key used to read every file whole
    result = run_cli("--no-default-rules", "--rules", str(tmp_path), str(draft), timeout=GUARD, memory_mb=1024)
    assert result.stderr.splitlines() == [
        f"{tmp_path}/zero.yaml:1:1: is a character device, not a rule file",
        "newslint: 1 problem(s) in rule files",
    ]
    assert result.returncode == 2
