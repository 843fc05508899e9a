"""``newslint archive report`` on a small indexed archive: the page rendered in real headless
Chromium shows the findings per code, a bar per month in its chart, the facts with most
findings and a table of articles linking to their findings; CSV and JSON carry the same."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, run_cli
from tests.test_report_html import CHROMIUM, chromium

pytestmark = pytest.mark.skipif(CHROMIUM is None and not __import__("os").environ.get("CI"),
                                reason="Chromium is not installed (.ci/run installs it)")  # fmt: skip
RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
SCHOLZ = "German Chancellor Olaf Scholz flew to Kiev."


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "may-1", "date": "2025-05-20", "text": SCHOLZ},      # NL202 and NL501
        {"id": "may-2", "date": "2025-05-21", "text": "They met in Kiev."},  # NL501
        {"id": "june-1", "date": "2025-06-02", "text": SCHOLZ},     # NL202 and NL501
        {"id": "june-2", "date": "2025-06-03", "text": "German Chancellor Friedrich Merz flew to Kyiv."},
    ]
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    database = tmp_path / "archive.db"
    assert run_cli("archive", "index", str(feed), "--db", str(database), *RULES).returncode == 0
    return database


def test_the_page_in_headless_chromium(archive: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = run_cli("archive", "report", "--db", str(archive), "--html", str(page))
    assert result.returncode == 0, result.stderr
    dom = chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile").stdout
    assert "5 findings in 3 of 4 articles." in dom
    codes = re.findall(r"<tr><td><code>(NL\d+)</code></td><td>[^<]*</td><td class=\"n\">(\d+)</td></tr>", dom)
    assert codes == [("NL501", "3"), ("NL202", "2")]
    bars = re.findall(r'<rect class="bar" data-month="([^"]+)" data-code="([^"]+)" data-count="(\d+)"', dom)
    assert sorted(bars) == [("2025-05", "NL202", "1"), ("2025-05", "NL501", "2"), ("2025-06", "NL202", "1"),
                            ("2025-06", "NL501", "1")]  # fmt: skip
    facts = re.findall(r'<table class="facts">.*?</table>', dom, re.S)[0]
    assert re.findall(r"<code>([^<]+)</code></td><td class=\"n\">(\d+)", facts) == [("kyiv", "3"), ("de-chancellor", "2")]
    links = re.findall(r'<tr><td><a href="#(a\d+)">([^<]+)</a></td><td>([^<]*)</td><td class="n">(\d+)</td></tr>', dom)
    assert [(name, date, n) for _, name, date, n in links] == [
        ("june-1", "2025-06-02", "2"), ("may-1", "2025-05-20", "2"), ("may-2", "2025-05-21", "1")
    ]  # fmt: skip
    for anchor, name, _, count in links:
        section = re.search(rf'<section class="article" id="{anchor}"><h2>{name}</h2>\n<ul>\n(.*?)</ul>', dom, re.S)
        assert section is not None and section.group(1).count("<li>") == int(count)
    shot = tmp_path / "report.png"
    chromium("--window-size=1100,900", f"--screenshot={shot}", page.as_uri(), profile=tmp_path / "profile")
    data = shot.read_bytes()
    assert struct.unpack(">II", data[16:24]) == (1100, 900) and len(data) > 20_000


def test_csv_and_json_carry_the_same(archive: Path) -> None:
    table = list(csv.DictReader(io.StringIO(run_cli("archive", "report", "--db", str(archive), "--format", "csv").stdout)))
    data = json.loads(run_cli("archive", "report", "--db", str(archive), "--format", "json").stdout)
    assert len(table) == len(data["findings"]) == 5
    assert [(row["article"], row["code"]) for row in table] == [(f["article"], f["code"]) for f in data["findings"]]
    assert data["per_code"] == {"NL501": 3, "NL202": 2} and data["articles_with_findings"] == 3
    missing = run_cli("archive", "report", "--db", str(archive))
    assert missing.returncode == 2 and "--html OUT, or --format csv|json" in missing.stderr
