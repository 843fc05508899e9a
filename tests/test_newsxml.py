"""News XML through the real CLI: an IPTC NITF 3.6 story and a NewsML-G2 text item
(tests/newsxml/, written for these tests) give exactly their findings, at their positions in
the XML, dated from the item's own metadata; metadata, attributes, comments and summaries are
not checked; entities and external references are refused, parsed with defusedxml."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, TESTS, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
NEWSXML = TESTS / "newsxml"


def findings(*args: str) -> list[str]:
    result = run_cli(*RULES, "--format", "concise", *args)
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


def test_nitf_story() -> None:
    path = NEWSXML / "summit.nitf.xml"
    assert findings(str(path)) == [
        f'{path}:13:41: NL501 "Kiev": house style is "Kyiv"',  # the headline
        f'{path}:14:45: NL501 "Kiev": house style is "Kyiv"',  # the byline's location
        f'{path}:17:10: NL202 "German Chancellor Olaf Scholz": Olaf Scholz was German Chancellor 2021-12-08 to '
        "2025-05-06; on 2025-06-01 it is Friedrich Merz (since 2025-05-06)",
    ]
    # traps: the <title> and doc-id in <head>, the link's href, the comment, and the holder on
    # the date (date.issue norm="20250601T...") in the next paragraph are not flagged


def test_newsml_g2_item() -> None:
    path = NEWSXML / "summit.newsml.xml"
    assert findings(str(path)) == [
        f'{path}:15:35: NL501 "Kiev": house style is "Kyiv"',  # the headline
        f'{path}:24:20: NL202 "German Chancellor Olaf Scholz": Olaf Scholz was German Chancellor 2021-12-08 to '
        "2025-05-06; on 2025-06-01 it is Friedrich Merz (since 2025-05-06)",
        f'{path}:25:42: NL501 "Kiev": house style is "Kyiv"',  # inside CDATA
    ]
    # traps: <located literal="Kiev">, the summary <description>, the XHTML <title>, and
    # contentCreated (2025-06-01) winning over firstCreated (2025-06-02)


def test_the_date_falls_back_to_first_created(tmp_path: Path) -> None:
    text = (NEWSXML / "summit.newsml.xml").read_text(encoding="utf-8")
    item = tmp_path / "item.xml"
    item.write_text(text.replace("<contentCreated>2025-06-01T09:30:00+00:00</contentCreated>", ""), encoding="utf-8")
    result = run_cli(*RULES, "-v", str(item))
    assert f"{item}: checked as of 2025-06-02, from the draft's metadata (date: 2025-06-02)" in result.stderr


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n'
            "<nitf><body><body.content><p>&lol2; Kiev</p></body.content></body></nitf>\n",
            "the XML declares entities; newslint reads no entity declarations or external references",
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            "<nitf><body><body.content><p>&x; Kiev</p></body.content></body></nitf>\n",
            "the XML declares entities; newslint reads no entity declarations or external references",
        ),
        ("<nitf><body><body.content><p>Kiev</body.content></nitf>\n", "not well-formed XML (line 1, column 36)"),
    ],
)
def test_hostile_or_broken_xml_is_one_nl001(tmp_path: Path, body: str, problem: str) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(body, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("---\ndate: 2025-02-17\n---\nThey flew to Kiev.\n", encoding="utf-8")
    assert findings(str(bad), str(good)) == [
        f"{bad}:1:1: NL001 cannot check this file: {problem}",
        f'{good}:4:14: NL501 "Kiev": house style is "Kyiv"',
    ]


def test_a_suppression_comment_works_in_xml(tmp_path: Path) -> None:
    text = (NEWSXML / "summit.nitf.xml").read_text(encoding="utf-8")
    item = tmp_path / "story.xml"
    item.write_text(
        text.replace("<hl1>Chancellor flies to Kiev</hl1></hedline>",
                     "<hl1>Chancellor flies to Kiev</hl1></hedline> <!-- newslint: ignore NL501 -->"),  # fmt: skip
        encoding="utf-8",
    )
    assert [line.split(": ")[1].split()[0] for line in findings(str(item))] == ["NL501", "NL202"]
