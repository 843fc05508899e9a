"""The output formats: concise, GitHub workflow commands, GitLab Code Quality, SARIF, statistics."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

import newslint
from newslint.codes import CODES
from newslint.diagnostic import Diagnostic, Severity
from newslint.formatters import (
    FORMATTERS,
    format_concise,
    format_github,
    format_gitlab,
    format_sarif,
    format_statistics,
)
from tests.conftest import SEEDS, TESTS, run_cli

D = dt.date
SARIF_SCHEMA = TESTS / "schemas" / "sarif-schema-2.1.0.json"

ERROR = Diagnostic(
    "drafts/a.md", 3, 7, 3, 11, "NL501", Severity.ERROR, '"Kiev": house style is "Kyiv"', "Kyiv", "kyiv", 40, 44
)
WARNING = Diagnostic(
    "drafts/b.txt",
    1,
    1,
    1,
    30,
    "NL202",
    Severity.WARNING,
    '"German Chancellor Olaf Scholz": wrong on 2026-01-05 (rulebook verified to 2025-06-30)',
)


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def assert_valid_sarif(output: str, validator: jsonschema.Draft4Validator) -> dict:
    log = json.loads(output)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors
    return log


def test_every_format_is_registered() -> None:
    assert {"text", "json", "concise", "github", "gitlab", "sarif"} <= set(FORMATTERS)
    assert FORMATTERS["concise"] is format_concise and FORMATTERS["sarif"] is format_sarif


def test_no_diagnostics() -> None:
    assert format_concise([], 3, False) == ""
    assert format_github([], 3, False) == ""
    assert format_gitlab([], 3, False) == "[]\n"
    assert json.loads(format_sarif([], 3, False))["runs"][0]["results"] == []
    assert format_statistics([]) == ""


# concise


def test_concise() -> None:
    assert format_concise([ERROR, WARNING], 2, True) == (
        'drafts/a.md:3:7: NL501 "Kiev": house style is "Kyiv"\n'
        'drafts/b.txt:1:1: NL202 warning: "German Chancellor Olaf Scholz": wrong on 2026-01-05 (rulebook verified to 2025-06-30)\n'
    )


def test_concise_on_real_text(rulebook) -> None:
    text = "former US President Donald Trump flew to Kiev.\n"
    diagnostics = newslint.lint_text(text, path="draft.txt", date=D(2025, 2, 17), rulebook=rulebook)
    assert format_concise(diagnostics, 1, False) == (
        'draft.txt:1:1: NL201 "former US President Donald Trump": Donald Trump is the sitting US President on 2025-02-17 (since 2025-01-20)\n'
        'draft.txt:1:42: NL501 "Kiev": house style is "Kyiv"\n'
    )


# github


def test_github() -> None:
    assert format_github([ERROR, WARNING], 2, False) == (
        "::error file=drafts/a.md,line=3,col=7,endLine=3,endColumn=11,title=newslint NL501::"
        '"Kiev": house style is "Kyiv"\n'
        "::warning file=drafts/b.txt,line=1,col=1,endLine=1,endColumn=30,title=newslint NL202::"
        '"German Chancellor Olaf Scholz": wrong on 2026-01-05 (rulebook verified to 2025-06-30)\n'
    )


def test_github_escapes_as_the_actions_toolkit() -> None:
    """Message: % CR LF; properties also : and , (escapeData / escapeProperty in @actions/core)."""
    odd = Diagnostic("C:/news,2025/50%.md", 2, 1, 3, 4, "NL401", Severity.ERROR, "up 5%, now:\r\n27 states, says X")
    assert format_github([odd], 1, False) == (
        "::error file=C%3A/news%2C2025/50%25.md,line=2,col=1,endLine=3,endColumn=4,title=newslint NL401::"
        "up 5%25, now:%0D%0A27 states, says X\n"
    )


def test_github_on_real_text(rulebook) -> None:
    text = "German Chancellor Olaf Scholz spoke.\n"
    [line] = format_github(
        newslint.lint_text(text, path="a.md", date=D(2026, 1, 5), rulebook=rulebook), 1, False
    ).splitlines()
    assert line == (
        "::error file=a.md,line=1,col=1,endLine=1,endColumn=30,title=newslint NL202::"
        '"German Chancellor Olaf Scholz": Olaf Scholz was German Chancellor 2021-12-08 to 2025-05-06; '
        "on 2026-01-05 it is Friedrich Merz (since 2025-05-06) (rulebook verified to 2025-06-30)"
    )


# gitlab


def test_gitlab() -> None:
    # fingerprint: sha256 of the JSON array [path, code, message, occurrence]; pinned, because a
    # changed recipe makes GitLab report every open issue as fixed and new at once.
    assert (
        format_gitlab([ERROR, WARNING], 2, True)
        == """\
[
  {
    "description": "NL501 \\"Kiev\\": house style is \\"Kyiv\\"",
    "check_name": "NL501",
    "fingerprint": "47f681c66ecbc187d2e6cb78ef1de3463bfb0d118fc1a79d5051edc35cabea0f",
    "severity": "major",
    "location": {
      "path": "drafts/a.md",
      "positions": {
        "begin": {
          "line": 3,
          "column": 7
        },
        "end": {
          "line": 3,
          "column": 11
        }
      }
    }
  },
  {
    "description": "NL202 \\"German Chancellor Olaf Scholz\\": wrong on 2026-01-05 (rulebook verified to 2025-06-30)",
    "check_name": "NL202",
    "fingerprint": "a0f82d958946c74264b3f3b21528a1d24720170d66317e5868af803b6652be6e",
    "severity": "minor",
    "location": {
      "path": "drafts/b.txt",
      "positions": {
        "begin": {
          "line": 1,
          "column": 1
        },
        "end": {
          "line": 1,
          "column": 30
        }
      }
    }
  }
]
"""
    )


def test_gitlab_paths_are_relative_with_forward_slashes() -> None:
    moved = Diagnostic("./drafts//a.md", 3, 7, 3, 11, "NL501", Severity.ERROR, ERROR.message)
    [issue] = json.loads(format_gitlab([moved], 1, False))
    [original] = json.loads(format_gitlab([ERROR], 1, False))
    assert issue["location"]["path"] == "drafts/a.md"
    assert issue["fingerprint"] == original["fingerprint"]


def _fingerprints(text: str, rulebook) -> list[str]:
    diagnostics = newslint.lint_text(text, path="drafts/kyiv.md", date=D(2025, 2, 17), rulebook=rulebook)
    return [issue["fingerprint"] for issue in json.loads(format_gitlab(diagnostics, 1, False))]


def test_gitlab_fingerprints_survive_edits_above_and_tell_repeats_apart(rulebook) -> None:
    text = "The minister flew to Kiev.\n\nHe left Kiev on Monday.\n"
    before = _fingerprints(text, rulebook)
    after = _fingerprints("A new first paragraph.\n\n" + text, rulebook)
    assert len(before) == 2
    assert after == before
    assert before[0] != before[1]  # the same finding twice in one file
    assert _fingerprints(text.replace("Kiev", "Kiev, Kiev", 1), rulebook)[0] == before[0]


# statistics


def test_statistics(rulebook) -> None:
    text = "former US President Donald Trump flew to Kiev.\nUrsula von der Layen was in Kiev, then Kiev again.\n"
    diagnostics = newslint.lint_text(text, path="a.md", date=D(2025, 2, 17), rulebook=rulebook)
    assert format_statistics(diagnostics) == (
        f"3  NL501  house-style             {CODES['NL501'].summary}\n"
        f"1  NL101  misspelled-name         {CODES['NL101'].summary}\n"
        f"1  NL201  former-title-in-office  {CODES['NL201'].summary}\n"
    )


def test_statistics_aligns_counts() -> None:
    diagnostics = [ERROR] * 12 + [WARNING]
    assert format_statistics(diagnostics).splitlines() == [
        f"12  NL501  house-style        {CODES['NL501'].summary}",
        f" 1  NL202  title-out-of-term  {CODES['NL202'].summary}",
    ]


# sarif


def test_sarif_structure() -> None:
    log = json.loads(format_sarif([ERROR, WARNING], 2, False))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] == newslint.__version__
    assert "informationUri" not in driver
    assert [rule["id"] for rule in driver["rules"]] == list(CODES)
    rule = driver["rules"][list(CODES).index("NL501")]
    assert rule["name"] == "house-style"
    assert rule["shortDescription"]["text"] == CODES["NL501"].summary
    assert rule["fullDescription"]["text"] == CODES["NL501"].doc == rule["help"]["text"]
    assert rule["defaultConfiguration"] == {"level": "error"}
    error, warning = run["results"]
    assert driver["rules"][error["ruleIndex"]]["id"] == error["ruleId"] == "NL501"
    assert (error["level"], warning["level"]) == ("error", "warning")
    assert error["message"]["text"] == ERROR.message
    region = {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 11}
    assert error["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": "drafts/a.md"}, "region": region}}]
    assert error["fixes"] == [
        {
            "description": {"text": 'Replace with "Kyiv"'},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "drafts/a.md"},
                    "replacements": [{"deletedRegion": region, "insertedContent": {"text": "Kyiv"}}],
                }
            ],
        }
    ]
    assert "fixes" not in warning


def test_sarif_with_a_fix_and_a_non_ascii_path_is_valid(rulebook, sarif_validator) -> None:
    text = "Zürich: Ursula von der Layen flew to Kiev.\n"
    diagnostics = newslint.lint_text(text, path="Entwürfe/draft one.md", date=D(2025, 2, 17), rulebook=rulebook)
    log = assert_valid_sarif(format_sarif(diagnostics, 1, False), sarif_validator)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["NL101", "NL501"]
    assert all(r["fixes"] for r in results)
    location = results[1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "Entw%C3%BCrfe/draft%20one.md"
    assert location["region"] == {"startLine": 1, "startColumn": 38, "endLine": 1, "endColumn": 42}
    [change] = results[1]["fixes"][0]["artifactChanges"]
    assert change["replacements"][0]["insertedContent"]["text"] == "Kyiv"


def test_sarif_of_an_absolute_path_is_a_file_uri(sarif_validator) -> None:
    diagnostic = Diagnostic(
        "/tmp/my drafts/a.md", 1, 1, 1, 2, "NL001", Severity.ERROR, "cannot check this file: binary"
    )
    log = assert_valid_sarif(format_sarif([diagnostic], 1, False), sarif_validator)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///tmp/my%20drafts/a.md"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds (the five real articles) is not present")
def test_sarif_of_the_seed_articles_is_valid(bundled, sarif_validator) -> None:
    diagnostics = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        diagnostics += newslint.lint_text(text, path=f"seeds/{path.name}", date=D(2025, 2, 17), rulebook=bundled)
    assert len({d.path for d in diagnostics}) >= 2, diagnostics
    log = assert_valid_sarif(format_sarif(diagnostics, 5, False), sarif_validator)
    results = log["runs"][0]["results"]
    assert len(results) == len(diagnostics)
    for result, d in zip(results, diagnostics, strict=True):
        assert result["ruleId"] == d.code
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == d.line


def test_cli_sarif_is_valid(sarif_validator) -> None:
    result = run_cli("--format", "sarif", "--date", "2025-02-17", "examples/")
    assert result.returncode == 1, result.stderr
    log = assert_valid_sarif(result.stdout, sarif_validator)
    assert log["runs"][0]["results"]


def test_the_schema_rejects_a_broken_log(sarif_validator) -> None:
    log = json.loads(format_sarif([ERROR], 1, False))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["results"][0]["message"]
    assert len(list(sarif_validator.iter_errors(log))) == 2


def test_schema_is_the_vendored_official_file() -> None:
    schema = json.loads(Path(SARIF_SCHEMA).read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
