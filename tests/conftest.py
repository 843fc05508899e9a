"""Shared fixtures: the frozen test rulebook and a runner for the real CLI."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import HealthCheck, settings

import newslint
from newslint.rulebook.schema import Rulebook

# Property tests: a quick profile for every run, a long one on request
# (pytest --hypothesis-profile=long).
settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile(config.getoption("hypothesis_profile", None) or "default")


# The tests never touch the user's rulebook cache.
os.environ.setdefault("NEWSLINT_CACHE_DIR", tempfile.mkdtemp(prefix="newslint-test-cache-"))

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
TEST_RULES = TESTS / "rules"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return newslint.load_rulebook([TEST_RULES])


@pytest.fixture(scope="session")
def bundled() -> Rulebook:
    return newslint.load_rulebook()


def run_cli(
    *args: str,
    stdin: bytes | BinaryIO | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
    memory_mb: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newslint`` as a user would; never let a traceback pass unnoticed.

    ``timeout`` guards a run that could hang (the test fails with TimeoutExpired); with
    ``memory_mb`` the process's address space is limited, so unbounded reading fails fast.
    """
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    limit = None
    if memory_mb is not None:
        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
    piped = isinstance(stdin, bytes | None)
    result = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=stdin if piped else None,
        stdin=None if piped else stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=environment,
        timeout=timeout,
        preexec_fn=limit,
    )
    completed = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed
