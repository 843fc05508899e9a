"""Hostile configuration and front matter through the real CLI (issue 13): every mistake is a
positioned error and exit 2 (or, in a draft's front matter, one NL003), never a traceback, a
hang or unbounded memory. Each case runs under a timeout that fails the test instead."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
BAD = "Former US President Donald Trump spoke.\n"
GUARD = 30


def _bomb(prefix: str, indent: str = "") -> str:
    """Nine levels of nine aliases: 387 million strings once expanded."""
    lines = [f"{indent}l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"{indent}l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return prefix + "\n".join(lines) + "\n"


NESTED_5000 = "[" * 5000 + "]" * 5000

# (file name, content, expected stderr lines without the folder, checked in the folder)
CASES = [
    ("newslint.yaml", b"default_date: 2025-02-30\n",
     ["newslint.yaml:1:15: unreadable value '2025-02-30': day is out of range for month"]),
    ("newslint.yaml", b"default_date: !!python/object/apply:os.system [ls]\n",
     ["newslint.yaml:1:15: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in "
      "configuration files"]),
    ("newslint.yaml", b"ignore: [NL101]\nselect: [\"NL\xff\"]\n",
     ["newslint.yaml:2:13: configuration file is not valid UTF-8"]),
    ("newslint.yaml", f"ignore: {NESTED_5000}\n".encode(),
     ["newslint.yaml:1:1008: invalid YAML: exceeded maximum nesting depth"]),
    ("newslint.yaml", f"ignore: {'[' * 200}NL101{']' * 200}\n".encode(),
     ["newslint.yaml:1:110: nested too deeply (more than 100 levels)"]),
    ("newslint.yaml", b"per_path_ignores:\n  ? [a, b]\n  : [NL101]\n",
     ["newslint.yaml:2:5: a key must be a text or a number, not a list"]),
    ("newslint.yaml", _bomb("severity:\n", "  ").encode(),
     ["newslint.yaml:2:21: too many YAML nodes (more than 500000; alias expansion?)"]),
    ("newslint.yaml", ("per_path_ignores:\n" + "".join(f"  'x{n}/*.md': [NL101]\n" for n in range(5_000))).encode(),
     ["newslint.yaml:2:3: 'per_path_ignores' has 5000 globs; at most 1000"]),
    ("newslint.yaml", ("per_path_ignores:\n" + "".join(f"  'x{n}/*.md': [NL101]\n" for n in range(100_000))).encode(),
     ["newslint.yaml:1:1: configuration file is too large (2488908 bytes; at most 1048576)"]),
    ("pyproject.toml", f"[tool.newslint]\nignore = {NESTED_5000}\n".encode(),
     ["pyproject.toml:1:1: invalid TOML: nested too deeply"]),
    ("pyproject.toml", b"[tool.newslint]\nignore = [\"NL\xff\"]\n",
     ["pyproject.toml:2:14: configuration file is not valid UTF-8"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_hostile_configuration_is_a_positioned_error(tmp_path: Path, name: str, content: bytes, expected: list) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "draft.md").write_text(BAD, encoding="utf-8")
    result = run_cli(*RULES, "draft.md", cwd=tmp_path, timeout=GUARD, memory_mb=1024)
    errors = [line.replace(f"{tmp_path}/", "") for line in result.stderr.splitlines()]
    assert errors == [*expected, f"newslint: {len(expected)} problem{'' if len(expected) == 1 else 's'} in configuration files"]
    assert result.returncode == 2


def test_a_fifo_named_like_a_configuration_file_is_a_positioned_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "newslint.yaml")
    (tmp_path / "draft.md").write_text(BAD, encoding="utf-8")
    result = run_cli(*RULES, "draft.md", cwd=tmp_path, timeout=GUARD)
    assert result.stderr.splitlines() == [
        f"{tmp_path}/newslint.yaml:1:1: is a FIFO (named pipe), not a configuration file",
        "newslint: 1 problem in configuration files",
    ]
    assert result.returncode == 2


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (_bomb(""), "front matter: too many YAML nodes (more than 500000; alias expansion?) (line 2)"),
        ("date: " + "[" * 20_000 + "]" * 20_000, "front matter is not valid YAML (line 2)"),
        ("date: !!python/object/apply:os.system [ls]",
         "front matter: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in front matter "
         "(line 2)"),
    ],  # fmt: skip
    ids=["alias-bomb", "nested-20000", "python-tag"],
)
def test_hostile_front_matter_is_one_nl003_at_once(tmp_path: Path, front: str, message: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"---\n{front}\n---\n{BAD}", encoding="utf-8")
    result = run_cli(*RULES, "--format", "json", str(draft), timeout=GUARD, memory_mb=1024)
    found = [(d["code"], d["message"]) for d in json.loads(result.stdout)]
    assert found[0] == ("NL003", message)
