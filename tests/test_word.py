"""Word documents (.docx) through the real CLI: paragraphs of the body, tables, headers,
footers and footnotes are checked, positions are PARAGRAPH:COLUMN, the date comes from a
custom property or the text, and --fix writes into the run that holds the text, keeping the
formatting around it. Every file is built here with python-docx (and, for what python-docx
cannot write, footnotes and custom properties, by adding the parts to the package)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.conftest import TEST_RULES, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))

FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Reported from Kiev by our correspondent.</w:t></w:r></w:p></w:footnote>
</w:footnotes>
"""
CUSTOM = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
 xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="date"><vt:lpwstr>{date}</vt:lpwstr></property>
</Properties>
"""


_PART_TYPE = "application/vnd.openxmlformats-officedocument."
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def add_parts(path: Path, footnotes: str | None = None, date: str | None = None) -> None:
    """Add a footnotes part and a custom "date" property to a .docx python-docx wrote."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    if footnotes is not None:
        add_part(parts, "word/footnotes.xml", footnotes, "wordprocessingml.footnotes+xml",
                 "word/_rels/document.xml.rels", "footnotes", "footnotes.xml")  # fmt: skip
    if date is not None:
        add_part(parts, "docProps/custom.xml", CUSTOM.replace("{date}", date), "custom-properties+xml",
                 "_rels/.rels", "custom-properties", "docProps/custom.xml")  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def add_part(parts: dict[str, bytes], name: str, xml: str, kind: str, rels: str, relation: str, target: str) -> None:
    """One more part of a package: its XML, its content type, and the relationship to it."""
    parts[name] = xml.encode()
    types = parts["[Content_Types].xml"].decode()
    override = f'<Override PartName="/{name}" ContentType="{_PART_TYPE}{kind}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", f"{override}</Types>").encode()
    link = f'<Relationship Id="rId{relation}" Type="{_REL_TYPE}{relation}" Target="{target}"/>'
    parts[rels] = parts[rels].decode().replace("</Relationships>", f"{link}</Relationships>").encode()


def story(path: Path) -> Path:
    """A Word story: a headline, a paragraph in runs of several formats, a table, a header,
    a footer and a footnote; dated by its custom property."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "World desk - for the late edition"
    section.footer.paragraphs[0].text = "Copy checked against the Kiev bureau's notes"
    document.add_heading("Leaders meet in Brussels", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("The summit opened as German Chancellor ")
    bold = paragraph.add_run("Olaf Scholz")
    bold.bold = True
    paragraph.add_run(" flew in from ")
    italic = paragraph.add_run("Kiev")
    italic.italic = True
    paragraph.add_run(", aides said.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Speaker"
    table.cell(0, 1).text = "Remark"
    table.cell(1, 0).text = "Former US President Donald Trump"
    table.cell(1, 1).text = "Talks resume in Kiev."
    document.add_paragraph("German Chancellor Friedrich Merz will host the next round.")
    document.save(path)
    add_parts(path, FOOTNOTES, date="2025-06-01")
    return path


def concise(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": NL" in line]


def test_every_part_is_checked_at_its_paragraph(tmp_path: Path) -> None:
    path = story(tmp_path / "story.docx")
    result = run_cli(*RULES, "--format", "concise", str(path))
    assert result.returncode == 1, result.stderr
    assert concise(result) == [
        f'{path}:2:22: NL202 "German Chancellor Olaf Scholz": Olaf Scholz was German Chancellor 2021-12-08 to '
        "2025-05-06; on 2025-06-01 it is Friedrich Merz (since 2025-05-06)",
        f'{path}:2:65: NL501 "Kiev": house style is "Kyiv"',
        f'{path}:5:1: NL201 "Former US President Donald Trump": Donald Trump is the sitting US President on '
        "2025-06-01 (since 2025-01-20)",
        f'{path}:6:17: NL501 "Kiev": house style is "Kyiv"',
        f'{path}:8:15: NL501 "Kiev": house style is "Kyiv"',  # the footnote
        f'{path}:10:26: NL501 "Kiev": house style is "Kyiv"',  # the footer
    ]
    # the trap beside them: the holder on the date, in the last body paragraph, is not flagged
    data = json.loads(run_cli(*RULES, "--format", "json", str(path)).stdout)
    assert [(d["line"], d["column"], d["code"]) for d in data] == [
        (2, 22, "NL202"), (2, 65, "NL501"), (5, 1, "NL201"), (6, 17, "NL501"), (8, 15, "NL501"), (10, 26, "NL501")
    ]  # fmt: skip
    sarif = json.loads(run_cli(*RULES, "--format", "sarif", str(path)).stdout)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert [(r["startLine"], r["startColumn"]) for r in regions] == [(d["line"], d["column"]) for d in data]


def test_the_date_is_the_custom_property_else_the_text(tmp_path: Path) -> None:
    path = story(tmp_path / "story.docx")
    verbose = run_cli(*RULES, "-v", str(path))
    assert f"{path}: checked as of 2025-06-01" in verbose.stderr
    undated = tmp_path / "undated.docx"
    document = docx.Document()
    document.add_paragraph("Dateline: 2025-02-17")
    document.add_paragraph("German Chancellor Olaf Scholz met reporters.")
    document.save(undated)
    result = run_cli(*RULES, "-v", str(undated))
    assert f"{undated}: checked as of 2025-02-17" in result.stderr
    assert concise(result) == []  # Scholz held the office on the dateline's day


def test_fix_keeps_the_formatting_around_the_fixed_word(tmp_path: Path) -> None:
    path = story(tmp_path / "story.docx")
    before = docx.Document(path)
    result = run_cli(*RULES, "--fix", str(path))
    assert "Fixed 4 findings in 1 file." in result.stderr
    after = docx.Document(path)
    assert len(after.paragraphs) == len(before.paragraphs)
    assert [p.text for p in after.paragraphs] == [p.text.replace("Kiev", "Kyiv") for p in before.paragraphs]
    runs = [(run.text, run.bold, run.italic) for run in after.paragraphs[1].runs]
    assert runs == [
        ("The summit opened as German Chancellor ", None, None),
        ("Olaf Scholz", True, None),
        (" flew in from ", None, None),
        ("Kyiv", None, True),
        (", aides said.", None, None),
    ]
    assert after.tables[0].cell(1, 1).text == "Talks resume in Kyiv."
    assert after.sections[0].footer.paragraphs[0].text == "Copy checked against the Kyiv bureau's notes"
    with zipfile.ZipFile(path) as archive:
        assert "Reported from Kyiv by our correspondent." in archive.read("word/footnotes.xml").decode()
        assert "2025-06-01" in archive.read("docProps/custom.xml").decode()
    again = run_cli(*RULES, "--fix", str(path))
    assert "Fixed 0 findings in 0 files." in again.stderr


def test_a_fix_across_runs_is_reported_and_left(tmp_path: Path) -> None:
    path = story(tmp_path / "story.docx")
    result = run_cli(*RULES, "--fix", "--unsafe-fixes", str(path))
    # NL201's replacement lies in one run (a table cell) and is written; NL202's spans the plain
    # run and the bold name, and is left
    assert f"newslint: {path}:2:22: NL202 not fixed automatically: its text spans several runs" in result.stderr
    after = docx.Document(path)
    assert after.tables[0].cell(1, 0).text == "US President Donald Trump"
    assert "German Chancellor Olaf Scholz" in after.paragraphs[1].text
    assert [line.split(": ")[1].split()[0] for line in concise(result)] == ["NL202"]


def google_docs_export(path: Path) -> Path:
    """Shaped like a Google Docs download: every run carries its own fonts, words are split
    across runs, bookmarks and a hyperlink sit among them, the headline is a Title."""
    document = docx.Document()
    title = document.add_paragraph(style="Title")
    title.add_run("Summit notes")
    paragraph = document.add_paragraph()
    paragraph._p.append(paragraph._p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): "0", qn("w:name"): "kix.1"}))
    for text in ("German Chancellor Friedrich Merz flew to Ki", "ev", " on Tuesday; the talks in ", "Kiev", " end today."):
        run = paragraph.add_run(text)
        run.font.name = "Arial"
        run.font.size = Pt(11)
    paragraph._p.append(paragraph._p.makeelement(qn("w:bookmarkEnd"), {qn("w:id"): "0"}))
    link = paragraph._p.makeelement(qn("w:hyperlink"), {qn("w:history"): "1"})
    link_run = paragraph.add_run(" See the Kiev live page.")
    link.append(link_run._r)
    paragraph._p.append(link)
    document.save(path)
    add_parts(path, date="2025-06-01T09:30:00Z")
    return path


def test_a_google_docs_export(tmp_path: Path) -> None:
    path = google_docs_export(tmp_path / "notes.docx")
    result = run_cli(*RULES, "--format", "concise", str(path))
    assert concise(result) == [
        f'{path}:2:42: NL501 "Kiev": house style is "Kyiv"',  # split over two runs: found, not fixable
        f'{path}:2:72: NL501 "Kiev": house style is "Kyiv"',
        f'{path}:2:96: NL501 "Kiev": house style is "Kyiv"',  # inside the hyperlink
    ]
    fixed = run_cli(*RULES, "--fix", str(path))
    assert f"newslint: {path}:2:42: NL501 not fixed automatically" in fixed.stderr
    text = docx.Document(path).paragraphs[1].text
    assert text == "German Chancellor Friedrich Merz flew to Kiev on Tuesday; the talks in Kyiv end today. See the Kyiv live page."
    with zipfile.ZipFile(path) as archive:
        assert "<w:hyperlink" in archive.read("word/document.xml").decode()  # the link is still a link


def test_a_broken_docx_is_one_nl001_and_the_rest_is_checked(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "empty.docx").write_bytes(b"")
    (tmp_path / "draft.md").write_text("---\ndate: 2025-02-17\n---\nThey flew to Kiev.\n")
    result = run_cli(*RULES, "--format", "concise", str(tmp_path))
    lines = concise(result)
    assert lines == [
        f"{tmp_path / 'broken.docx'}:1:1: NL001 cannot check this file: not a Word document (not a zip archive)",
        f'{tmp_path / "draft.md"}:4:14: NL501 "Kiev": house style is "Kyiv"',
        f"{tmp_path / 'empty.docx'}:1:1: NL001 cannot check this file: not a Word document (not a zip archive)",
    ]
    assert "Traceback" not in result.stderr


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (300 * 1024 * 1024))
    result = run_cli(*RULES, "--format", "concise", str(bomb), memory_mb=1024)
    [line] = concise(result)
    assert re.fullmatch(rf"{re.escape(str(bomb))}:1:1: NL001 cannot check this file: a Word document whose parts "
                        r"unpack to \d+ bytes; at most \d+", line)  # fmt: skip


def test_diff_shows_the_paragraphs_that_change(tmp_path: Path) -> None:
    path = story(tmp_path / "story.docx")
    original = path.read_bytes()
    result = run_cli(*RULES, "--diff", str(path))
    assert result.returncode == 1
    assert "-The summit opened as German Chancellor Olaf Scholz flew in from Kiev, aides said." in result.stdout
    assert "+The summit opened as German Chancellor Olaf Scholz flew in from Kyiv, aides said." in result.stdout
    assert path.read_bytes() == original
