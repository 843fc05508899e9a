"""`newslint rules import congress-legislators`: the bundled rules/us-congress files come from
the public-domain data set in ../shared/data, and a re-import keeps hand edits."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import newslint
from tests.conftest import ROOT, run_cli

DATA = ROOT.parent / "shared" / "data" / "congress-legislators"
BUNDLED = ROOT / "rules" / "us-congress"
IMPORT = ("rules", "import", "congress-legislators", "--data", str(DATA), "--as-of", "2026-06-15")

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/congress-legislators is not beside the checkout")


def test_import_reproduces_the_bundled_files(tmp_path: Path) -> None:
    result = run_cli(*IMPORT, "--out", str(tmp_path), "--apply")
    assert result.returncode == 0, result.stderr
    assert "Read 537 legislators and 80 presidents and vice presidents" in result.stdout
    written = sorted(p.relative_to(tmp_path / "us-congress") for p in (tmp_path / "us-congress").glob("*.yaml"))
    assert written == sorted(p.relative_to(BUNDLED) for p in BUNDLED.glob("*.yaml"))
    for name in written:
        assert (tmp_path / "us-congress" / name).read_bytes() == (BUNDLED / name).read_bytes(), name


def test_reimport_into_the_bundled_rules_changes_nothing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    result = run_cli(*IMPORT, "--out", str(tmp_path / "rules"))
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, f"{tmp_path / 'rules'} is up to date.")


def test_reimport_keeps_hand_edits_and_restores_what_is_missing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    wa = tmp_path / "rules" / "us-congress" / "wa.yaml"
    text = wa.read_text(encoding="utf-8")
    murray = next(line for line in text.splitlines(keepends=True) if "{person: patty-murray" in line)
    edited = text.replace(murray, "").replace(
        "  - id: maria-cantwell\n", "  # checked against the senator's own page\n  - id: maria-cantwell\n"
    )
    wa.write_text(edited, encoding="utf-8")
    shown = run_cli(*IMPORT, "--out", str(tmp_path / "rules"))
    assert shown.returncode == 1 and "patty-murray" in shown.stdout
    assert wa.read_text(encoding="utf-8") == edited  # nothing written without --apply
    applied = run_cli(*IMPORT, "--out", str(tmp_path / "rules"), "--apply")
    assert applied.returncode == 0, applied.stderr
    after = wa.read_text(encoding="utf-8")
    assert murray in after and "# checked against the senator's own page\n" in after


def test_a_broken_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("rules", "import", "congress-legislators", "--data", str(tmp_path), "--out", str(tmp_path))
    assert result.returncode == 2
    assert "legislators-current.yaml" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen. Maria Cantwell told reporters in Seattle that the bill would pass the chamber.", []),
        ("Sen. Pramila Jayapal told reporters in Seattle that the bill would pass the chamber.", [("NL203", 1)]),
        ("Rep. Pramila Jayapal told reporters in Seattle that the bill would pass the chamber.", []),
        ("Rep. Maria Cantwell told reporters in Seattle that the bill would pass the chamber.", [("NL202", 1)]),
        ("Senator Patty Murray, 75, told reporters in Seattle that the bill would pass.", []),
        ("Senator Patty Murray, 57, told reporters in Seattle that the bill would pass.", [("NL303", 23)]),
    ],
)
def test_members_of_congress_are_checked(text: str, expected: list[tuple[str, int]], bundled) -> None:
    found = newslint.lint_text(text, date=dt.date(2026, 6, 1), rulebook=bundled)
    assert [(d.code, d.column) for d in found] == expected


def test_a_member_defined_elsewhere_is_referred_to(tmp_path: Path) -> None:
    """A member whose entry lives outside us-congress/ (moved there by hand) is not written again."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    wa = tmp_path / "rules" / "us-congress" / "wa.yaml"
    text = wa.read_text(encoding="utf-8")
    start = text.index("  - id: maria-cantwell\n")
    end = text.index("  - id: ", start + 1)
    (tmp_path / "rules" / "people-by-hand.yaml").write_text("people:\n" + text[start:end], encoding="utf-8")
    wa.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_cli(*IMPORT, "--out", str(tmp_path / "rules"))
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, f"{tmp_path / 'rules'} is up to date.")


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("US President Barack Obama spoke in Washington.", "2016-05-01", []),
        ("US President Donald Trump spoke in Washington.", "2019-05-01", []),
        ("US President Donald Trump spoke in Washington.", "2022-05-01", [("NL202", 1)]),
        ("US President Joe Biden spoke in Washington.", "2022-05-01", []),
        ("US President Joe Biden spoke in Washington.", "2025-03-01", [("NL202", 1)]),
        ("The Biden administration announced new sanctions.", "2023-03-01", []),
        ("The Obama administration announced new sanctions.", "2023-03-01", [("NL204", 1)]),
        ("US Vice President Kamala Harris visited Munich.", "2025-02-14", [("NL202", 1)]),
        ("US Vice President JD Vance visited Munich.", "2025-02-14", []),
        # from executive.yaml: every president since 1789, told apart from namesakes in Congress
        ("President John F. Kennedy spoke in Berlin.", "1963-06-26", []),
        ("President Dwight Eisenhower spoke in Berlin.", "1963-06-26", [("NL202", 1)]),
        ("Former President George H. W. Bush and President George W. Bush met.", "2005-06-01", []),
        ("Former President George W. Bush met reporters.", "2005-06-01", [("NL201", 1)]),
        ("Sen. John Kennedy (R-La.) spoke to reporters.", "2026-06-01", []),
        ("Vice President Dick Cheney met reporters.", "2003-03-01", []),
        ("Vice President Dick Cheney, 62, met reporters.", "2003-03-01", []),
        ("Vice President Dick Cheney, 60, met reporters.", "2003-03-01", [("NL303", 29)]),
        # no death date in the data: an age far past any human's is not judged
        ("George Washington, 57, took the oath in New York.", "2026-06-01", []),
    ],
)
def test_presidents_and_vice_presidents_are_checked(text: str, day: str, expected: list[tuple[str, int]], bundled) -> None:
    found = newslint.lint_text(text, date=dt.date.fromisoformat(day), rulebook=bundled)
    assert [(d.code, d.column) for d in found] == expected
