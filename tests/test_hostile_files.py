"""Special files, endless streams and deep trees through the real CLI (issue 13): only regular
files are read, every read is bounded before it starts, and the walk has no recursion to
exhaust. Each case runs under a timeout that fails the test instead of hanging it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
    try:
        found, code = lint(str(tmp_path))
    finally:
        _remove_deep(tmp_path)  # shutil.rmtree (and so pytest's clean-up) would recurse too deep
    assert [(p.split("/").count("d"), c) for p, _, _, c, _ in found] == [(1000, "NL201")]
    assert code == 1


def _remove_deep(root: Path) -> None:
    here = os.getcwd()
    try:
        os.chdir(root)
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for name in os.listdir("."):
            os.remove(name)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


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
        "newslint: 1 problem in rule files",
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
        "newslint: 1 problem in rule files",
    ]
    assert result.returncode == 2


# -- outputs and environment ---------------------------------------------------------------------


@pytest.mark.parametrize("format_", ["text", "json"])
def test_a_closed_standard_output_is_exit_2_with_a_message(tmp_path: Path, format_: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(BAD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newslint", *RULES, "--format", format_, str(draft)],
        stderr=subprocess.PIPE,
        timeout=GUARD,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert result.stderr.decode() == "newslint: error: cannot write output: standard output is closed\n"
    assert result.returncode == 2


@pytest.mark.parametrize("command", [["--format", "sarif"], ["rules", "stats"]])
def test_a_full_standard_output_is_exit_2_with_a_message(tmp_path: Path, command: list[str]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(BAD, encoding="utf-8")
    arguments = command if command[0] == "rules" else [*RULES, *command, str(draft)]
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "newslint", *arguments], stdout=full, stderr=subprocess.PIPE, timeout=GUARD
        )
    assert result.stderr.decode() == "newslint: error: cannot write output: No space left on device\n"
    assert result.returncode == 2


def test_a_reader_that_goes_away_is_exit_2_without_a_traceback(tmp_path: Path) -> None:
    for n in range(300):
        (tmp_path / f"draft-{n:03}.md").write_text(BAD * 20, encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read: the first write is a broken pipe
    result = subprocess.run(
        [sys.executable, "-m", "newslint", *RULES, "--date", "2025-02-17", str(tmp_path)],
        stdout=writer,
        stderr=subprocess.PIPE,
        timeout=GUARD,
    )
    os.close(writer)
    assert (result.returncode, result.stderr.decode()) == (2, "")


def test_file_names_that_are_not_utf8_are_escaped_in_every_format(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.md", "wb") as draft:
        draft.write(BAD.encode())
    env = {**os.environ, "NO_COLOR": "1", "LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"}
    outputs = {}
    for format_ in ("text", "concise", "json", "github", "gitlab", "sarif"):
        result = subprocess.run(
            [sys.executable, "-m", "newslint", *RULES, "--date", "2025-02-17", "--format", format_, "."],
            capture_output=True,
            timeout=GUARD,
            cwd=tmp_path,
            env=env,
        )
        assert (result.returncode, result.stderr) == (1, b""), format_
        outputs[format_] = result.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    assert outputs["text"].startswith("./caf\\xe9.md:1:1: NL201 ")
    assert outputs["concise"].startswith("./caf\\xe9.md:1:1: NL201 ")
    assert json.loads(outputs["json"])[0]["path"] == "./caf\\xe9.md"
    assert outputs["github"].startswith("::error file=./caf\\xe9.md,line=1,col=1,")
    assert json.loads(outputs["gitlab"])[0]["location"]["path"] == "caf\\xe9.md"
    uri = json.loads(outputs["sarif"])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "caf%E9.md"  # the bytes on disk, percent-encoded


def test_no_home_and_no_password_entry_works_without_a_cache(tmp_path: Path) -> None:
    """The real CLI, with HOME unset and the password database knowing no one."""
    draft = tmp_path / "draft.md"
    draft.write_text(BAD, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("HOME", "XDG_CACHE_HOME")}
    without_passwd = (
        "import pwd, runpy, sys\n"
        "def nobody(*args): raise KeyError('getpwuid(): uid not found')\n"
        "pwd.getpwuid = pwd.getpwnam = nobody\n"
        "sys.argv = ['newslint', *sys.argv[1:]]\n"
        "runpy.run_module('newslint', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", without_passwd, *RULES, "--date", "2025-02-17", str(draft)],
        capture_output=True,
        timeout=GUARD,
        env={**env, "NEWSLINT_CACHE_DIR": ""},
        cwd=tmp_path,
    )
    assert b"Traceback" not in result.stderr, result.stderr
    assert result.stdout.decode().startswith(f"{draft}:1:1: NL201 ")
    assert result.returncode == 1
