"""``--format html`` rendered in real headless Chromium: the findings are highlighted where
they are, cards carry the fact, its dates and its source, the code filter hides and shows
them, and a screenshot of the page has the size asked for. ``.ci/run`` installs Debian's
chromium when it is missing."""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, TESTS, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="Chromium is not installed (.ci/run installs it)"
)
RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
DRAFT = (
    "---\ndate: 2025-06-01\n---\n\n# Talks\n\n"
    "German Chancellor Olaf Scholz flew to Kiev & back.\n\n"
    "German Chancellor Friedrich Merz stayed <home>.\n"
)


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "Chromium is not installed"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--hide-scrollbars"]  # fmt: skip
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    draft = tmp_path / "talks.md"
    draft.write_text(DRAFT, encoding="utf-8")
    page = tmp_path / "report.html"
    news = [str(TESTS / "newsxml" / name) for name in ("summit.nitf.xml", "summit.newsml.xml")]
    result = run_cli(*RULES, "--format", "html", "--output-file", str(page), str(draft), *news)
    assert result.returncode == 1 and result.stdout == "", result.stderr
    return page


def marks(dom: str) -> list[tuple[str, str, str]]:
    """(codes, class, text) of every highlighted piece of the rendered page."""
    found = re.findall(r'<mark class="([^"]*)"[^>]*data-codes="([^"]*)"[^>]*><a [^>]*>(.*?)</a></mark>', dom, re.S)
    return [(codes, classes, html.unescape(text)) for classes, codes, text in found]


def test_findings_are_highlighted_with_their_cards(report: Path, tmp_path: Path) -> None:
    dom = chromium("--dump-dom", report.as_uri(), profile=tmp_path / "profile").stdout
    assert "<title>newslint report: Found 8 errors and 0 warnings (3 files checked).</title>" in dom
    talks = dom[dom.index('data-path="' + str(tmp_path / "talks.md")) :]
    talks = talks[: talks.index("</section>")]
    assert marks(talks) == [("NL202", "finding", "German Chancellor Olaf Scholz"), ("NL501", "finding", "Kiev")]
    assert "flew to " in talks and "&amp; back." in talks and "stayed &lt;home&gt;." in talks  # escaped, not markup
    # a card per finding: the fact, its holders with their terms, its source link
    first = re.search(r'<li class="card" id="card-\d+" data-code="NL202"', talks)  # numbered across the run
    assert first is not None
    card = talks[first.start() :]
    card = card[: card.index("</li>\n<li") if "</li>\n<li" in card else card.index("</ol>")]
    assert "Fact: German Chancellor (<code>de-chancellor</code>), verified to 2025-06-30" in card
    assert "<li>Friedrich Merz: since 2025-05-06</li><li>Olaf Scholz: 2021-12-08 to 2025-05-06</li>" in card
    assert '<a href="https://en.wikipedia.org/wiki/Chancellor_of_Germany" rel="noreferrer">' in card
    assert "Suggested: <q>German Chancellor Friedrich Merz</q>" in card
    # counts per code, most first
    counts = re.findall(r'<td class="code">(NL\d+)</td><td>[^<]*</td><td class="count">(\d+)</td>', dom)
    assert counts == [("NL501", "5"), ("NL202", "3")]
    # the news XML is shown as its source, with its findings inside it
    nitf = dom[dom.index('data-path="' + str(TESTS / "newsxml" / "summit.nitf.xml")) :]
    nitf = nitf[: nitf.index("</section>")]
    assert [text for _, _, text in marks(nitf)] == ["Kiev", "Kiev", "German Chancellor Olaf Scholz"]
    assert "&lt;hl1&gt;Chancellor flies to " in nitf


def test_the_code_filter_hides_and_shows(report: Path, tmp_path: Path) -> None:
    dom = chromium("--dump-dom", report.as_uri() + "#hide=NL501", profile=tmp_path / "profile").stdout
    hidden = re.findall(r'<li class="card( off)?" id="card-\d+" data-code="(NL\d+)"', dom)
    assert {code for off, code in hidden if off} == {"NL501"} and {code for off, code in hidden if not off} == {"NL202"}
    assert {classes for codes, classes, _ in marks(dom) if codes == "NL501"} == {"finding off"}
    assert {classes for codes, classes, _ in marks(dom) if codes == "NL202"} == {"finding"}


def test_a_screenshot_of_the_page(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium("--window-size=1280,1000", f"--screenshot={shot}", report.as_uri(), profile=tmp_path / "profile")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 1000)
    assert len(data) > 40_000  # a page of text and colour, not a blank one (a white 1280x1000 PNG is ~5 KB)


def test_a_clean_run_says_so(tmp_path: Path) -> None:
    draft = tmp_path / "fine.md"
    draft.write_text("---\ndate: 2025-06-01\n---\nGerman Chancellor Friedrich Merz spoke.\n", encoding="utf-8")
    result = run_cli(*RULES, "--format", "html", str(draft))
    assert result.returncode == 0
    assert "No problems found (1 file checked)." in result.stdout and "<mark" not in result.stdout
    assert "Every draft is free of findings." in result.stdout
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=", result.stdout)  # nothing is fetched
