"""News drafts in tests/clean/ state only true facts: the bundled rulebook must flag nothing.

They are full articles of the kinds that tripped the checks before (headlines in title
case, relatives who share a surname, "outgoing" and "incoming" leaders, monarchs, lists of
titles, counts of part of the EU, wrapped lines): a regression suite for false positives.
"""

from __future__ import annotations

import json

from tests.conftest import TESTS, run_cli


def test_clean_drafts_have_no_findings() -> None:
    result = run_cli("--format", "json", "-v", str(TESTS / "clean"))
    assert json.loads(result.stdout) == []
    assert result.returncode == 0
    assert result.stderr.count("checked as of") == len(list((TESTS / "clean").iterdir()))
    assert "today's date" not in result.stderr  # every draft carries its own date
