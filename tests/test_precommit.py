"""The real pre-commit framework installs newslint's hook from this checkout and blocks a bad commit.

pre-commit builds the hook's environment with a non-editable ``pip install``, so this is
also the test that the bundled rulebook ships inside the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BAD = "---\ndate: 2025-02-17\n---\nFormer US President Donald Trump met reporters.\n"
GOOD = "---\ndate: 2025-02-17\n---\nUS President Donald Trump met reporters.\n"


def git(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")
    return {
        **os.environ,
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(home / "pre-commit-cache"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """This checkout as it is now (committed or not), as a git repository pre-commit can clone."""
    target = tmp_path_factory.mktemp("newslint-hook")
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target, env=env)
    git("add", "-A", cwd=target, env=env)
    assert git("commit", "-q", "-m", "snapshot", cwd=target, env=env).returncode == 0
    sha = git("rev-parse", "HEAD", cwd=target, env=env).stdout.strip()
    return target, sha


def newsroom_using_the_hook(tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]) -> Path:
    """A new git repository whose .pre-commit-config.yaml uses the hook of this checkout."""
    repo_path, sha = hook_repo
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    git("init", "-q", cwd=newsroom, env=env)
    (newsroom / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo_path}\n    rev: {sha}\n    hooks:\n      - id: newslint\n", encoding="utf-8"
    )
    return newsroom


def test_commit_is_blocked_then_allowed(tmp_path: Path, env, hook_repo) -> None:
    newsroom = newsroom_using_the_hook(tmp_path, env, hook_repo)
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=newsroom, env=env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (newsroom / "draft.md").write_text(BAD, encoding="utf-8")
    (newsroom / "code.py").write_text("print('Kiev')\n", encoding="utf-8")
    git("add", "draft.md", "code.py", ".pre-commit-config.yaml", cwd=newsroom, env=env)
    blocked = git("commit", "-m", "draft", cwd=newsroom, env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert 'draft.md:4:1: NL201 "Former US President Donald Trump": Donald Trump is the sitting' in output
    assert "code.py" not in output.split("newslint", 1)[1]
    assert git("rev-parse", "--verify", "HEAD", cwd=newsroom, env=env).returncode != 0  # nothing committed

    (newsroom / "draft.md").write_text(GOOD, encoding="utf-8")
    git("add", "draft.md", cwd=newsroom, env=env)
    allowed = git("commit", "-m", "draft", cwd=newsroom, env=env)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "newslint" in allowed.stdout + allowed.stderr and "Passed" in allowed.stdout + allowed.stderr


def test_fifty_staged_drafts_get_one_report(tmp_path: Path, env, hook_repo) -> None:
    """require_serial: pre-commit runs newslint once for all the files, not in parallel batches
    that would each print a partial summary."""
    newsroom = newsroom_using_the_hook(tmp_path, env, hook_repo)
    (newsroom / "newslint.yaml").write_text("extend_exclude: [archive/]\n", encoding="utf-8")
    for number in range(50):
        (newsroom / f"draft-{number:02}.md").write_text(BAD if number % 10 == 0 else GOOD, encoding="utf-8")
    (newsroom / "archive").mkdir()
    (newsroom / "archive" / "old.md").write_text(BAD, encoding="utf-8")
    git("add", "-A", cwd=newsroom, env=env)
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=newsroom, env=env, capture_output=True, text=True
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    summaries = [line for line in output.splitlines() if line.startswith(("Found ", "No problems found"))]
    assert summaries == ["Found 5 errors and 0 warnings (50 files checked)."], output
    assert sorted(line.split(":")[0] for line in output.splitlines() if ": NL201 " in line) == [
        f"draft-{number:02}.md" for number in range(0, 50, 10)
    ]
    assert "archive/old.md" not in output  # named by pre-commit, left out by --force-exclude
