"""Hostile rule files through `newslint rules check`: each is loaded, or rejected with the exact
positioned message, never a traceback (issue 5's bad-input matrix, rule files part)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import run_cli

SOURCE = "https://example.org/x"


def _bomb() -> str:
    lines = [f'x0: &a0 [{{id: a-b, name: A B, source: "{SOURCE}"}}]']
    for level in range(1, 9):
        lines.append(f"x{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\npeople: *a8\n"


def _many_holders() -> str:
    people = [f"  - {{id: p-{i}, name: Person{i} Surname{i}, source: {SOURCE}}}" for i in range(1000)]
    start = dt.date(1020, 1, 1)
    holders = [
        f"      - {{person: p-{i}, from: {start + dt.timedelta(days=300 * i)}, "
        f"until: {start + dt.timedelta(days=300 * (i + 1))}}}"
        for i in range(1000)
    ]
    return (
        "\n".join(
            [
                "people:",
                *people,
                "jurisdictions:",
                "  - {id: xx, names: [Xland], adjectives: [Xish]}",
                "offices:",
                "  - id: xx-head",
                "    jurisdiction: xx",
                "    roles: [Head]",
                "    as_of: 2025-01-01",
                f"    source: {SOURCE}",
                "    holders:",
                *holders,
            ]
        )
        + "\n"
    )


# file name, content, the messages expected ("" for a valid rulebook)
CASES = [
    ("list.yaml", "- a\n- b\n", ["list.yaml:1:1: a rule file must be a mapping, not a list"]),
    (
        "tag.yaml",
        "people:\n  - !!python/object:os.system {}\n",
        ["tag.yaml:2:5: the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed in rule files"],
    ),
    (
        "types.yaml",
        f"people:\n  - {{id: x-y, name: X Y, gender: yes, source: {SOURCE}}}\n",
        ["types.yaml:2:34: gender must be text, not the boolean 'yes' (quote it if you mean text)"],
    ),
    (
        "early.yaml",
        f"people:\n  - {{id: x-y, name: X Y, born: 0999-12-31, source: {SOURCE}}}\n",
        ["early.yaml:2:32: born 0999-12-31 is out of range"],
    ),
    (
        "late.yaml",
        f"people:\n  - {{id: x-y, name: X Y, born: 2201-01-01T10:00:00, source: {SOURCE}}}\n",
        ["late.yaml:2:32: born 2201-01-01 is out of range"],
    ),
    ("old.yaml", f"people:\n  - {{id: x-y, name: X Y, born: 1066-10-14, source: {SOURCE}}}\n", []),
    (
        "short.yaml",
        f"style:\n  - {{id: s, use: and, instead_of: ['&'], source: {SOURCE}}}\n",
        ["short.yaml:2:36: phrase '&' is too short to match reliably"],
    ),
    ("holders.yaml", _many_holders(), []),
]


@pytest.mark.parametrize(("name", "content", "messages"), CASES, ids=[c[0] for c in CASES])
def test_hostile_rule_file(tmp_path: Path, name: str, content: str, messages: list[str]) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path))
    if messages:
        assert result.stderr.splitlines()[:-1] == [f"{tmp_path}/{m}" for m in messages]
        assert result.returncode == 2
    else:
        assert result.returncode == 0 and result.stdout.startswith("Rulebook valid:"), result.stderr


def test_an_alias_bomb_is_not_expanded(tmp_path: Path) -> None:
    """9 ** 8 people by aliases: rejected at once, each mistake reported once, at its place."""
    (tmp_path / "bomb.yaml").write_text(_bomb(), encoding="utf-8")
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path))
    expected = [f"{tmp_path}/bomb.yaml:{line}:1: unknown key 'x{line - 1}' in a rule file" for line in range(1, 10)]
    lines = result.stderr.splitlines()
    assert [line.split(" (expected")[0] for line in lines if "unknown key" in line] == expected
    assert [line for line in lines if "unknown key" not in line] == [
        f"{tmp_path}/bomb.yaml:8:5: a person must be a mapping, not a list",
        "newslint: 10 problems in rule files",
    ]
    assert result.returncode == 2


def test_a_huge_rule_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# padding\n" * 5_300_000)
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path))
    size = huge.stat().st_size
    assert result.stderr.splitlines()[0] == f"{huge}:1:1: rule file is too large ({size} bytes; at most 20971520)"
    assert result.returncode == 2


def test_duplicates_across_files_and_a_folder_named_like_a_rule_file(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(f"people:\n  - {{id: a-b, name: A B, source: {SOURCE}}}\n", encoding="utf-8")
    (tmp_path / "two.yaml").write_text(f"people:\n  - {{id: a-b, name: A C, source: {SOURCE}}}\n", encoding="utf-8")
    (tmp_path / "three.yaml").mkdir()
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path))
    assert result.stderr.splitlines()[:-1] == [
        f"{tmp_path}/three.yaml:1:1: is a folder, not a rule file",
        f"{tmp_path}/two.yaml:2:10: duplicate id 'a-b' (first defined at {tmp_path}/one.yaml:2:10)",
    ]
    assert result.returncode == 2


def test_a_phrase_longer_than_30_words_is_a_positioned_error(tmp_path: Path) -> None:
    words = " ".join(f"w{n}" for n in range(4000))
    (tmp_path / "e.yaml").write_text(
        f'events:\n  - id: e\n    date: 2020-01-01\n    phrases: ["{words}"]\n    source: {SOURCE}\n', encoding="utf-8"
    )
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path), timeout=30)
    assert result.stderr.splitlines() == [
        f"{tmp_path}/e.yaml:4:15: each of phrases has 4000 words; at most 30",
        "newslint: 1 problem in rule files",
    ]
    assert result.returncode == 2


def test_a_30_word_phrase_against_a_4000_word_draft_ends_at_once(tmp_path: Path) -> None:
    """Matching is linear in the draft: the longest allowed phrase, matched nearly to its end
    at every word of a draft made of nothing but its words."""
    words = [f"w{n}" for n in range(30)]
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "e.yaml").write_text(
        f'events:\n  - id: e\n    date: 2020-01-01\n    phrases: ["{" ".join(words)}"]\n    source: {SOURCE}\n',
        encoding="utf-8",
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(" ".join(words[:29] * 140) + ".\n", encoding="utf-8")
    result = run_cli("--no-default-rules", "--rules", str(rules), "--date", "2025-01-01", str(draft), timeout=30)
    assert (result.returncode, result.stdout) == (0, "No problems found (1 file checked).\n")


def test_100000_variants_of_one_person_load_without_a_hang(tmp_path: Path) -> None:
    variants = ", ".join(f"Aaaa Bbbb{n}" for n in range(100_000))
    (tmp_path / "p.yaml").write_text(
        f"people:\n  - id: a-b\n    name: Aaaa Bbbb\n    variants: [{variants}]\n    source: {SOURCE}\n", encoding="utf-8"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text("Aaaa Bbbb99999 spoke.\n", encoding="utf-8")
    result = run_cli("--no-default-rules", "--rules", str(tmp_path), "--no-cache", str(draft), timeout=60)
    assert (result.returncode, result.stdout) == (0, "No problems found (1 file checked).\n")
