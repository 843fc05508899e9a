"""Fixture drafts under tests/cases/<CODE>/ with their exact expected diagnostics (.expected)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newslint
from newslint.codes import CODES

CASES = Path(__file__).resolve().parent / "cases"
DRAFTS = sorted(p for p in CASES.rglob("*") if p.suffix in (".md", ".txt", ".html"))


def render(diagnostics: list[newslint.Diagnostic]) -> str:
    return "".join(f"{d.line}:{d.column}: {d.code} {d.severity}: {d.message}\n" for d in diagnostics)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_matches_expected(draft: Path, rulebook) -> None:
    text = draft.read_text(encoding="utf-8")
    diagnostics = newslint.lint_text(text, path=str(draft), rulebook=rulebook)
    expected = draft.with_name(draft.name + ".expected").read_text(encoding="utf-8")
    assert render(diagnostics) == expected


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_has_traps(draft: Path, rulebook) -> None:
    """Every fixture holds correct statements beside its findings: lines that must stay clean."""
    text = draft.read_text(encoding="utf-8")
    flagged = {d.line for d in newslint.lint_text(text, path=str(draft), rulebook=rulebook)}
    prose_lines = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() and i not in flagged]
    assert prose_lines, "a fixture needs lines that must not be flagged"


def test_every_check_code_has_a_fixture_with_a_finding() -> None:
    with_findings = {
        line.split()[1]
        for expected in CASES.rglob("*.expected")
        for line in expected.read_text(encoding="utf-8").splitlines()
    }
    check_codes = {code for code in CODES if code not in ("NL001",)}
    assert check_codes <= with_findings, sorted(check_codes - with_findings)
