"""The real ``newslint`` command, run as a subprocess: formats, exit codes, stdin, folders, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_RULES, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
BAD = "Former US President Donald Trump flew to Kiev.\n"
GOOD = "US President Donald Trump flew to Kyiv.\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text("Dateline: 2025-02-17\n\n" + BAD, encoding="utf-8")
    (tmp_path / "good.md").write_text("---\ndate: 2025-02-17\n---\n" + GOOD, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("Kiev,Kiev\n", encoding="utf-8")
    return tmp_path


def test_text_output_and_exit_code(drafts: Path) -> None:
    result = run_cli(*RULES, str(drafts / "bad.txt"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f'{drafts / "bad.txt"}:3:1: NL201 "Former US President Donald Trump": Donald Trump is the sitting '
        "US President on 2025-02-17 (since 2025-01-20)"
    )
    assert lines[1] == f'{drafts / "bad.txt"}:3:42: NL501 "Kiev": house style is "Kyiv"'
    assert lines[2] == "Found 2 errors and 0 warnings (1 file checked)."


def test_clean_file_exits_zero(drafts: Path) -> None:
    result = run_cli(*RULES, str(drafts / "good.md"))
    assert (result.returncode, result.stdout) == (0, "No problems found (1 file checked).\n")


def test_json_has_every_field(drafts: Path) -> None:
    result = run_cli(*RULES, "--format", "json", str(drafts / "bad.txt"))
    data = json.loads(result.stdout)
    assert [d["code"] for d in data] == ["NL201", "NL501"]
    assert set(data[1]) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "severity",
        "message",
        "replacement",
        "fact",
        "start",
        "end",
    }
    assert (data[1]["line"], data[1]["column"], data[1]["end_line"], data[1]["end_column"]) == (3, 42, 3, 46)
    assert data[1]["replacement"] == "Kyiv"


def test_folder_is_walked_for_drafts_only(drafts: Path) -> None:
    result = run_cli(*RULES, "--format", "json", str(drafts))
    assert sorted({Path(d["path"]).name for d in json.loads(result.stdout)}) == ["bad.txt"]
    assert run_cli(*RULES, str(drafts)).stdout.endswith("(2 files checked).\n")


def test_stdin_with_filename() -> None:
    result = run_cli(*RULES, "--date", "2025-02-17", "--stdin-filename", "draft.md", "-", stdin=BAD.encode())
    assert result.returncode == 1
    assert result.stdout.startswith("draft.md:1:1: NL201 ")


def test_binary_and_invalid_files_get_one_diagnostic_each(drafts: Path) -> None:
    (drafts / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (drafts / "latin1.txt").write_bytes("Caf\xe9 in Kiev".encode("latin-1"))
    missing = drafts / "missing.md"
    result = run_cli(
        *RULES,
        "--format",
        "json",
        str(drafts / "image.txt"),
        str(drafts / "latin1.txt"),
        str(missing),
        str(drafts / "bad.txt"),
    )
    data = json.loads(result.stdout)
    by_file = {Path(d["path"]).name: d for d in data if d["code"] == "NL001"}
    assert set(by_file) == {"image.txt", "latin1.txt", "missing.md"}
    assert "binary" in by_file["image.txt"]["message"]
    assert "not valid UTF-8" in by_file["latin1.txt"]["message"]
    assert "no such file" in by_file["missing.md"]["message"]
    assert [d["code"] for d in data if d["path"].endswith("bad.txt")] == ["NL201", "NL501"]
    assert result.returncode == 1


def test_select_ignore_and_fail_on(drafts: Path) -> None:
    select = run_cli(*RULES, "--format", "json", "--select", "NL5", str(drafts / "bad.txt"))
    assert [d["code"] for d in json.loads(select.stdout)] == ["NL501"]
    ignore = run_cli(*RULES, "--format", "json", "--ignore", "NL2,NL5", str(drafts / "bad.txt"))
    assert (ignore.returncode, json.loads(ignore.stdout)) == (0, [])
    late = drafts / "late.txt"
    late.write_text("Dateline: 2026-01-05\n\nFormer German Chancellor Friedrich Merz spoke.\n", encoding="utf-8")
    assert run_cli(*RULES, str(late)).returncode == 0  # a warning: rulebook verified to 2025-06-30
    assert run_cli(*RULES, "--fail-on", "warning", str(late)).returncode == 1


def test_colour_only_when_asked_or_on_a_terminal(drafts: Path) -> None:
    plain = run_cli(*RULES, str(drafts / "bad.txt"))  # stdout is a pipe here
    assert "\033[" not in plain.stdout
    coloured = run_cli(*RULES, "--color", "always", str(drafts / "bad.txt"))
    assert "\033[1;31mNL201\033[0m" in coloured.stdout


def test_verbose_says_which_date(drafts: Path) -> None:
    result = run_cli(*RULES, "-v", str(drafts / "bad.txt"), str(drafts / "good.md"))
    assert f"{drafts / 'bad.txt'}: checked as of 2025-02-17, from the dateline '2025-02-17'" in result.stderr
    assert (
        f"{drafts / 'good.md'}: checked as of 2025-02-17, from the draft's metadata (date: 2025-02-17)" in result.stderr
    )


def test_usage_errors_exit_two(drafts: Path) -> None:
    assert run_cli().returncode == 2
    bad_date = run_cli("--date", "2025-02-30", str(drafts))
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    assert run_cli("--select", "XX9", str(drafts)).returncode == 2
    assert run_cli("--no-default-rules", str(drafts)).returncode == 2


def test_broken_rule_file_is_reported_with_position(tmp_path: Path, drafts: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "people.yaml").write_text(
        "people:\n  - id: ann-example\n    name: Ann Example\n    bron: 1970-01-01\n"
        "    source: https://example.org/ann\n",
        encoding="utf-8",
    )
    result = run_cli("--rules", str(rules), str(drafts / "good.md"))
    assert result.returncode == 2
    assert f"{rules / 'people.yaml'}:4:5: unknown key 'bron' in a person (did you mean 'born'?)" in result.stderr


def test_rules_check_bundled_passes() -> None:
    result = run_cli("rules", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Rulebook valid: ")


def test_rules_check_reports_broken_file_relative_to_cwd(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "people.yaml").write_text(
        "people:\n  - id: ann-example\n    name: Ann Example\n    bron: 1970-01-01\n"
        "    source: https://example.org/ann\n",
        encoding="utf-8",
    )
    result = run_cli("rules", "check", "broken/", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "broken/people.yaml:4:5: unknown key 'bron' in a person (did you mean 'born'?)",
        "newslint: 1 problem in rule files",
    ]


def test_rules_check_reports_failing_example(tmp_path: Path) -> None:
    (tmp_path / "style.yaml").write_text(
        "style:\n  - id: kyiv\n    use: Kyiv\n    instead_of: [Kiev]\n    source: https://example.org/kyiv\n"
        "    examples:\n      - {text: 'They flew to Kiev.', expect: []}\n",
        encoding="utf-8",
    )
    result = run_cli("rules", "check", "--no-default-rules", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{tmp_path / 'style.yaml'}:7:9: example of 'kyiv' expected nothing, got NL501")


def test_explain() -> None:
    listing = run_cli("explain")
    assert listing.returncode == 0 and "NL202  title-out-of-term" in listing.stdout
    one = run_cli("explain", "NL202")
    assert one.stdout.startswith("NL202 (title-out-of-term): a title given to someone who held it")
    assert run_cli("explain", "NL999").returncode == 2


def test_readme_example_output_is_real() -> None:
    """The output shown in the README is what the examples produce today."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ newslint examples/\n", 1)[1].split("```", 1)[0]
    result = run_cli("examples/")
    assert result.returncode == 1
    assert result.stdout == block


def test_parallel_output_is_identical(tmp_path: Path) -> None:
    """-j runs files in worker processes (for runs large enough to pay off); the output is the same."""
    from tests.conftest import TESTS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted((TESTS / "clean").iterdir()) + sorted((TESTS / "cases").rglob("*.md"))
    for copy in range(4):
        for source in sources:
            (corpus / f"{copy}-{source.name}").write_bytes(source.read_bytes() * 3)
    serial = run_cli(*RULES, "-j", "1", str(corpus))
    parallel = run_cli(*RULES, "-j", "2", str(corpus))
    assert serial.stdout == parallel.stdout
    assert serial.returncode == parallel.returncode
    assert "files checked" in serial.stdout
