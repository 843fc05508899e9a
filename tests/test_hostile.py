"""Hostile drafts through the real CLI: each gets its exact outcome, no traceback, and the file
is left byte for byte as it was (issue 5's bad-input matrix, drafts part)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
BAD = "Former US President Donald Trump spoke."

# name, content, expected [(line, column, code)], exit code; checked as of 2025-02-17
CASES: list[tuple[str, bytes, list[tuple[int, int, str]], int]] = [
    ("empty.md", b"", [], 0),
    ("only-front-matter.md", b"---\ntitle: Summit\n---\n", [], 0),
    ("bom.md", f"\ufeff---\ntitle: Summit\n---\n{BAD}\n".encode(), [(4, 1, "NL201")], 1),
    ("crlf.txt", f"Summit.\r\n{BAD}\r\n".encode(), [(2, 1, "NL201")], 1),
    ("cr.txt", f"Summit.\r{BAD}\r".encode(), [(2, 1, "NL201")], 1),
    ("mixed.txt", f"Summit.\r\nA.\rB.\n{BAD}\n".encode(), [(4, 1, "NL201")], 1),
    ("nul.txt", b"Hello\x00world\n", [(1, 1, "NL001")], 1),
    ("not-utf8.txt", b"Caf\xe9 " + BAD.encode(), [(1, 1, "NL001")], 1),
    ("utf16.txt", f"\ufeff{BAD}\n".encode("utf-16"), [(1, 1, "NL001")], 1),
    ("latin1.txt", "Café au lait.\n".encode("latin-1"), [(1, 1, "NL001")], 1),
    ("long-line.txt", b"word " * 1_000_000, [], 0),
    ("many-lines.txt", b"a\n" * 200_000, [], 0),
    ("nested.html", b"<div>" * 10_000 + BAD.encode() + b"</div>" * 10, [(1, 50_001, "NL201")], 1),
    ("unclosed.html", f"<html><body><p>{BAD} <b><i>".encode(), [(1, 16, "NL201")], 1),
    # found by fuzz/fuzz_document.py: html.parser asserted on a malformed marked section
    ("marked-section.html", f"<![. h>\n<p>{BAD}</p>\n".encode(), [(2, 4, "NL201")], 1),
    ("marked-section-unclosed.html", f"<p>{BAD}</p>\n<![. h\n{BAD}\n".encode(), [(1, 4, "NL201")], 1),
    ("nested.md", b"> " * 10_000 + b"text\n\n" + b"- " * 10_000 + b"item\n", [], 0),
    # columns count characters: an emoji and a letter with a combining accent come first
    ("emoji.txt", f"Summit.\n\U0001f600 e\u0301 {BAD}\n".encode(), [(2, 6, "NL201")], 1),
    ("rtl.txt", f"Summit.\n\u05e9\u05dc\u05d5\u05dd {BAD}\n".encode(), [(2, 6, "NL201")], 1),
    ("name with spaces é.txt", f"{BAD}\n".encode(), [(1, 1, "NL201")], 1),
    # invisible tricks (issue 13): what shows nothing is ignored inside a word; a Cyrillic or
    # Greek look-alike among Latin letters is NL004, and the word is read in Latin letters
    ("zero-width.txt", "The minister flew to Ki\u200bev.\n".encode(), [(1, 22, "NL501")], 1),
    ("soft-hyphen-in-name.txt", "Former US President Donald Tr\u00adump spoke.\n".encode(), [(1, 1, "NL201")], 1),
    ("cyrillic-e.txt", "The minister flew to Ki\u0435v.\n".encode(), [(1, 22, "NL004"), (1, 22, "NL501")], 1),
    ("cyrillic-in-name.txt", "Former US President Donald Trum\u0440 spoke.\n".encode(),
     [(1, 1, "NL201"), (1, 28, "NL004")], 1),
    ("greek-omicron.txt", "The minister flew to Kiev and to L\u03bfndon.\n".encode(), [(1, 22, "NL501"), (1, 34, "NL004")], 1),
    # words wholly in another script are prose, not tricks
    ("cyrillic-and-greek.txt", "\u041a\u0438\u0457\u0432 and \u0391\u03b8\u03ae\u03bd\u03b1 are capitals.\n".encode(), [], 0),
]


@pytest.mark.parametrize(("name", "content", "expected", "code"), CASES, ids=[c[0] for c in CASES])
def test_hostile_draft(tmp_path: Path, name: str, content: bytes, expected: list, code: int) -> None:
    draft = tmp_path / name
    draft.write_bytes(content)
    result = run_cli(*RULES, "--date", "2025-02-17", "--format", "json", str(draft))
    found = [(d["line"], d["column"], d["code"]) for d in json.loads(result.stdout)]
    assert (found, result.returncode) == (expected, code), result.stderr
    assert all(d["path"] == str(draft) for d in json.loads(result.stdout))
    assert draft.read_bytes() == content  # never touched without --fix


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("date: [unclosed", "front matter is not valid YAML (line 2)"),
        ("date: tomorrow", "the draft's 'date' (tomorrow) is not a date (YYYY-MM-DD)"),
        ("date: 2025-02-30", "the draft's 'date' (2025-02-30) is not a date (YYYY-MM-DD)"),
        ("tags: [a]\ndate: 2025-02-30", "front matter holds an impossible value: day is out of range for month (line 3)"),
    ],
)
def test_bad_front_matter_is_one_warning(tmp_path: Path, front: str, message: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"---\n{front}\n---\nText.\n", encoding="utf-8")
    result = run_cli(*RULES, "--format", "json", str(draft))
    assert [(d["line"], d["column"], d["code"], d["severity"], d["message"]) for d in json.loads(result.stdout)] == [
        (1, 1, "NL003", "warning", message)
    ]
    assert result.returncode == 0


def test_a_symlink_loop_and_a_missing_path(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "ok.txt").write_text(f"{BAD}\n", encoding="utf-8")
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)  # drafts/up/drafts/up/...
    result = run_cli(*RULES, "--date", "2025-02-17", "--format", "json", str(folder))
    # the loop is not followed forever, and the draft behind it is checked once
    assert [(d["path"], d["code"]) for d in json.loads(result.stdout)] == [(str(folder / "ok.txt"), "NL201")]
    assert result.returncode == 1
    # as in ruff and flake8 (E902), a path that does not exist is a diagnostic, not a crash
    missing = run_cli(*RULES, "--format", "json", str(tmp_path / "nowhere.txt"))
    [diagnostic] = json.loads(missing.stdout)
    assert (diagnostic["code"], diagnostic["message"], missing.returncode) == (
        "NL001",
        "cannot check this file: no such file or folder",
        1,
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_draft_is_one_diagnostic_and_the_others_are_checked(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(f"{BAD}\n", encoding="utf-8")
    locked.chmod(0)
    other = tmp_path / "other.txt"
    other.write_text(f"{BAD}\n", encoding="utf-8")
    result = run_cli(*RULES, "--date", "2025-02-17", "--format", "json", str(locked), str(other))
    assert [(Path(d["path"]).name, d["code"]) for d in json.loads(result.stdout)] == [
        ("locked.txt", "NL001"),
        ("other.txt", "NL201"),
    ]


def test_an_unreadable_draft_as_root_too(tmp_path: Path) -> None:
    """Root reads any file; a read that fails (here /proc/self/mem) is one diagnostic too."""
    if not Path("/proc/self/mem").exists():
        pytest.skip("needs /proc")
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")
    (tmp_path / "other.txt").write_text(f"{BAD}\n", encoding="utf-8")
    result = run_cli(*RULES, "--date", "2025-02-17", "--format", "json", str(tmp_path))
    found = [(Path(d["path"]).name, d["code"], d["message"]) for d in json.loads(result.stdout)]
    assert found[0] == ("mem.txt", "NL001", "cannot check this file: cannot read file: Input/output error")
    assert [(name, code) for name, code, _ in found[1:]] == [("other.txt", "NL201")]


def test_a_100_mb_draft_is_one_diagnostic_and_not_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: 100 MB of NUL bytes that take no disk
    result = run_cli(*RULES, "--format", "json", str(huge))
    [diagnostic] = json.loads(result.stdout)
    assert diagnostic["code"] == "NL001"
    assert diagnostic["message"] == "cannot check this file: file is too large to check (104857600 bytes; at most 20971520)"
    assert result.returncode == 1


def test_a_recursive_alias_in_a_rule_file(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text("people: &a [*a]\n", encoding="utf-8")
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path))
    assert result.stderr.splitlines()[0] == f"{tmp_path}/rules.yaml:1:9: a person must be a mapping, not a list"
    assert result.returncode == 2


def test_a_configuration_naming_a_missing_rule_folder(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("rules: [missing-folder]\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Text.\n", encoding="utf-8")
    result = run_cli(str(tmp_path / "draft.txt"), cwd=tmp_path)
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path}/newslint.yaml:1:8: rule folder '{tmp_path}/missing-folder' does not exist"
    )
    assert result.returncode == 2
