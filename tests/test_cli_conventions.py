"""The conventions a ruff or flake8 user reaches for, each through the real CLI: --exit-zero,
-q/--quiet, --output-file, exclude / extend_exclude / .gitignore and --force-exclude,
FORCE_COLOR, a progress bar on a terminal only, and singular and plural wording."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, run_cli

WRONG = "German Chancellor Olaf Scholz met reporters.\n"  # NL202 on 2025-08-01
RIGHT = "German Chancellor Friedrich Merz met reporters.\n"
RULES = ("--no-default-rules", "--rules", str(TEST_RULES), "--date", "2025-07-01")


def finding_paths(result: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted(line.split(":")[0] for line in result.stdout.splitlines() if ": NL" in line)


def test_exit_zero_keeps_the_findings_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(WRONG)
    plain = run_cli(*RULES, str(tmp_path / "a.md"))
    zero = run_cli(*RULES, "--exit-zero", str(tmp_path / "a.md"))
    assert plain.returncode == 1 and zero.returncode == 0
    assert zero.stdout == plain.stdout and "NL202" in zero.stdout
    missing = run_cli(*RULES, "--exit-zero", "--rules", str(tmp_path / "nowhere"), str(tmp_path / "a.md"))
    assert missing.returncode == 2  # a failure is still a failure


def test_quiet_prints_the_findings_only(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(WRONG)
    (tmp_path / "b.md").write_text(RIGHT)
    quiet = run_cli(*RULES, "-q", str(tmp_path))
    assert quiet.returncode == 1
    lines = quiet.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{tmp_path / 'a.md'}:1:1: NL202 ")
    assert run_cli(*RULES, "--quiet", str(tmp_path / "b.md")).stdout == ""
    loud = run_cli(*RULES, str(tmp_path))
    assert loud.stdout.splitlines()[-1] == "Found 1 error and 0 warnings (2 files checked)."
    # fixes are counted on standard error unless -q
    (tmp_path / "c.md").write_text("The summit in Kiev ended.\n")
    fix = run_cli(*RULES, "--fix", str(tmp_path / "c.md"))
    assert "Fixed" in fix.stderr
    (tmp_path / "c.md").write_text("The summit in Kiev ended.\n")
    quiet_fix = run_cli(*RULES, "--fix", "-q", str(tmp_path / "c.md"))
    assert "Fixed" not in quiet_fix.stderr and (tmp_path / "c.md").read_text() != "The summit in Kiev ended.\n"


def test_output_file_gets_the_report_and_standard_output_stays_empty(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(WRONG)
    report = tmp_path / "reports" / "newslint.json"
    result = run_cli(*RULES, "--format", "json", "--output-file", str(report), str(tmp_path / "a.md"))
    assert result.returncode == 1 and result.stdout == ""
    [finding] = json.loads(report.read_text())
    assert finding["code"] == "NL202" and finding["path"] == str(tmp_path / "a.md")
    text = run_cli(*RULES, "--output-file", str(tmp_path / "out.txt"), "--color", "auto", str(tmp_path / "a.md"))
    assert text.stdout == "" and "\033[" not in (tmp_path / "out.txt").read_text()
    assert (tmp_path / "out.txt").read_text().endswith("Found 1 error and 0 warnings (1 file checked).\n")
    (tmp_path / "blocker").write_text("a file where a folder should be")
    bad = run_cli(*RULES, "--output-file", str(tmp_path / "blocker" / "x.json"), str(tmp_path / "a.md"))
    assert bad.returncode == 2 and "cannot write the report to" in bad.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository of drafts with folders a configuration and .gitignore leave out."""
    root = tmp_path / "newsroom"
    for folder in ("drafts", "archive", "node_modules/pkg", "drafts/old", "published"):
        (root / folder).mkdir(parents=True)
    for name in ("drafts/a.md", "drafts/b.tmp.md", "drafts/old/c.md", "archive/d.md", "node_modules/pkg/e.md",
                 "published/f.md", "published/keep.md"):  # fmt: skip
        (root / name).write_text(WRONG)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("*.tmp.md\npublished/*\n!published/keep.md\n")
    (root / "newslint.yaml").write_text("extend_exclude: [archive/, 'drafts/old']\n")
    return root


def test_walking_leaves_out_excluded_and_git_ignored_files(project: Path) -> None:
    result = run_cli(*RULES, ".", cwd=project)
    assert finding_paths(result) == ["./drafts/a.md", "./published/keep.md"]
    assert result.stdout.splitlines()[-1] == "Found 2 errors and 0 warnings (2 files checked)."


def test_exclude_replaces_the_defaults_and_gitignore_can_be_turned_off(project: Path) -> None:
    (project / "newslint.yaml").write_text("exclude: ['drafts/']\nrespect_gitignore: false\n")
    result = run_cli(*RULES, ".", cwd=project)
    assert finding_paths(result) == [
        "./archive/d.md",
        "./node_modules/pkg/e.md",  # no longer left out: exclude replaced the default list
        "./published/f.md",
        "./published/keep.md",
    ]


def test_named_files_are_checked_unless_force_exclude(project: Path) -> None:
    named = ["drafts/a.md", "drafts/b.tmp.md", "drafts/old/c.md", "archive/d.md", "node_modules/pkg/e.md",
             "published/f.md", "published/keep.md"]  # fmt: skip
    assert finding_paths(run_cli(*RULES, *named, cwd=project)) == sorted(named)
    forced = run_cli(*RULES, "--force-exclude", *named, cwd=project)
    assert finding_paths(forced) == ["drafts/a.md", "published/keep.md"]
    # a folder named on the command line is left out whole
    assert run_cli(*RULES, "--force-exclude", "archive", cwd=project).stdout.startswith("No problems found")


def test_force_exclude_does_not_leave_out_a_project_inside_a_folder_named_build(tmp_path: Path) -> None:
    project = tmp_path / "build" / "site"
    project.mkdir(parents=True)
    (project / "a.md").write_text(WRONG)
    result = run_cli(*RULES, "--force-exclude", "a.md", cwd=project)
    assert finding_paths(result) == ["a.md"]


def test_exclude_must_be_a_list_of_globs(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("extend_exclude: 7\nrespect_gitignore: maybe\n")
    (tmp_path / "a.md").write_text(RIGHT)
    result = run_cli(*RULES, str(tmp_path / "a.md"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'newslint.yaml'}:1:17: 'extend_exclude' must be a list of texts",
        f"{tmp_path / 'newslint.yaml'}:2:20: 'respect_gitignore' must be true or false",
        "newslint: 2 problems in configuration files",
    ]


def test_force_color_and_no_color(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(WRONG)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    piped = run_cli(*RULES, str(tmp_path / "a.md"), env=env)
    forced = run_cli(*RULES, str(tmp_path / "a.md"), env={**env, "FORCE_COLOR": "1"})
    never = run_cli(*RULES, "--color", "never", str(tmp_path / "a.md"), env={**env, "FORCE_COLOR": "1"})
    empty = run_cli(*RULES, str(tmp_path / "a.md"), env={**env, "FORCE_COLOR": ""})
    assert "\033[" not in piped.stdout and "\033[" not in never.stdout and "\033[" not in empty.stdout
    assert "\033[1;31mNL202\033[0m" in forced.stdout
    help_text = run_cli("--help").stdout
    assert "--color {auto,always,never}" in help_text and "FORCE_COLOR" in help_text


def run_on_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run the CLI with standard error on a pseudo-terminal (standard output on a pipe)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", *args], stdout=subprocess.PIPE, stderr=terminal, env=env
    )
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    stdout = process.stdout.read().decode() if process.stdout else ""
    os.close(controller)
    return process.wait(timeout=60), stdout, seen.decode(errors="replace")


def test_progress_shows_on_a_terminal_only(tmp_path: Path) -> None:
    for number in range(40):
        (tmp_path / f"d{number:02}.md").write_text(RIGHT * 20)
    env = {**os.environ, "NEWSLINT_PROGRESS_AFTER": "0"}
    code, stdout, terminal = run_on_terminal([*RULES, "-j", "1", str(tmp_path)], env)
    assert code == 0 and stdout == "No problems found (40 files checked).\n"
    assert "/40 files" in terminal and "[" in terminal and terminal.endswith("\r\033[K")
    # not in a pipe, not with -q, and not before the delay
    piped = run_cli(*RULES, "-j", "1", str(tmp_path), env=env)
    assert "files" not in piped.stderr
    _, _, quiet = run_on_terminal([*RULES, "-q", "-j", "1", str(tmp_path)], env)
    assert "/40 files" not in quiet
    _, _, later = run_on_terminal([*RULES, "-j", "1", str(tmp_path)], {**os.environ, "NEWSLINT_PROGRESS_AFTER": "600"})
    assert "/40 files" not in later


def test_singular_and_plural(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(WRONG)
    assert run_cli(*RULES, str(tmp_path / "a.md")).stdout.endswith("Found 1 error and 0 warnings (1 file checked).\n")
    broken = tmp_path / "rules"
    broken.mkdir()
    (broken / "x.yaml").write_text("people: [\n")
    result = run_cli("--no-default-rules", "--rules", str(broken), str(tmp_path / "a.md"))
    assert result.stderr.splitlines()[-1] == "newslint: 1 problem in rule files"
