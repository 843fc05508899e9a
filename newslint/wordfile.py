"""Word documents (.docx, as Word and Google Docs write them): their text, one line per
paragraph, and fixes written back into the runs that hold the text.

Paragraphs are numbered in this order, each on its own line of the text that is checked, so a
finding's line is the paragraph's number and its column the character in that paragraph:

1. the body, as it reads: paragraphs and tables, a table's cells row by row (a merged cell
   once), a cell's paragraphs and nested tables in order;
2. the footnotes, in the order they are stored;
3. the headers and footers of each section (default, first-page and even-page ones that are
   not linked to the previous section's), header before footer.

Line breaks and tabs inside a paragraph count as one character each. The draft's date is a
custom document property named ``date`` (File > Properties > Custom in Word), else it is
found in the text as for any draft. A fix is written only when the text it replaces lies
inside one run (a stretch of text with one formatting), so bold and italic stay where they
were; a fix across runs is left for the writer, and said so.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newslint.diagnostic import Diagnostic

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PARTS_BYTES = 200 * 1024 * 1024  # what the document's parts may add up to, unpacked


class NotAWordFile(Exception):
    """A .docx that cannot be read: the message says why."""


@dataclass
class Piece:
    """One run of a paragraph: where its text starts in the paragraph, and the run."""

    start: int
    end: int
    run: Any  # docx.text.run.Run


@dataclass
class Paragraph:
    text: str
    pieces: list[Piece]
    where: str  # "body", "footnote", "header", "footer"


@dataclass
class WordText:
    """A .docx read for checking: the paragraphs with their runs, and the document to save."""

    document: Any  # docx.document.Document
    paragraphs: list[Paragraph]
    metadata: dict[str, Any] = field(default_factory=dict)
    footnotes: Any = None  # the footnotes part, whose XML is serialized back when fixed
    footnotes_root: Any = None
    original: bytes = b""  # the file as it was read

    @property
    def text(self) -> str:
        """The checked text: one line per paragraph, breaks inside a paragraph as spaces."""
        return "\n".join(paragraph.text.replace("\n", " ").replace("\r", " ") for paragraph in self.paragraphs) + "\n"

    def line_offsets(self) -> list[int]:
        offsets, position = [], 0
        for paragraph in self.paragraphs:
            offsets.append(position)
            position += len(paragraph.text) + 1
        return offsets

    def fix(self, diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic]]:
        """Write each replacement into the run that holds its text; the ones written, and the
        ones that span several runs (or paragraphs) and were left alone."""
        written: list[Diagnostic] = []
        refused: list[Diagnostic] = []
        by_run: dict[int, list[tuple[int, int, str, Piece, Diagnostic]]] = {}
        for diagnostic in diagnostics:
            if diagnostic.line != diagnostic.end_line or not 1 <= diagnostic.line <= len(self.paragraphs):
                refused.append(diagnostic)
                continue
            paragraph = self.paragraphs[diagnostic.line - 1]
            start, end = diagnostic.column - 1, diagnostic.end_column - 1
            piece = next((p for p in paragraph.pieces if p.start <= start and end <= p.end and p.start < p.end), None)
            if piece is None:
                refused.append(diagnostic)
                continue
            by_run.setdefault(id(piece), []).append((start, end, diagnostic.replacement or "", piece, diagnostic))
        for edits in by_run.values():
            piece = edits[0][3]
            text = piece.run.text
            taken = -1
            for start, end, replacement, _, diagnostic in sorted(edits, key=lambda e: e[0], reverse=True):
                if taken != -1 and end > taken:
                    refused.append(diagnostic)  # overlaps a later edit in the same run
                    continue
                text = text[: start - piece.start] + replacement + text[end - piece.start :]
                taken = start
                written.append(diagnostic)
            piece.run.text = text
        for paragraph in self.paragraphs:  # the runs' texts changed: so did the positions
            position = 0
            for piece in paragraph.pieces:
                length = len(piece.run.text)
                piece.start, piece.end = position, position + length
                position += length
            paragraph.text = "".join(piece.run.text for piece in paragraph.pieces)
        if written and self.footnotes is not None:
            from lxml import etree

            self.footnotes._blob = etree.tostring(self.footnotes_root, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)  # fmt: skip
        return written, refused

    def save(self) -> bytes:
        stream = io.BytesIO()
        self.document.save(stream)
        return stream.getvalue()


def read_word(data: bytes) -> WordText:
    """The paragraphs of a .docx; ``NotAWordFile`` when it is not one, or is broken."""
    _check_archive(data)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as error:  # pragma: no cover - python-docx is a dependency
        raise NotAWordFile(f"reading .docx needs python-docx ({error})") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise NotAWordFile(f"not a Word document ({error})") from None
    except Exception as error:  # lxml's XMLSyntaxError and the like: a damaged part
        raise NotAWordFile(f"a damaged Word document ({type(error).__name__}: {error})") from None
    paragraphs = [_paragraph(p, "body") for p in _block_paragraphs(document)]
    footnotes, root = _footnotes(document)
    if root is not None:
        from docx.text.paragraph import Paragraph as DocxParagraph

        for note in root.iterchildren(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for p in note.iter(f"{_W}p"):
                paragraphs.append(_paragraph(DocxParagraph(p, document.part), "footnote"))
    for section_part, where in _headers_and_footers(document):
        paragraphs.extend(_paragraph(p, where) for p in _block_paragraphs(section_part))
    return WordText(document, paragraphs, _custom_date(data), footnotes, root, data)


def _check_archive(data: bytes) -> None:
    """A zip whose parts unpack to a reasonable size (a zip bomb is refused before it is read)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise NotAWordFile("not a Word document (not a zip archive)") from None
    if total > MAX_PARTS_BYTES:
        raise NotAWordFile(f"a Word document whose parts unpack to {total} bytes; at most {MAX_PARTS_BYTES}")


def _paragraph(paragraph: Any, where: str) -> Paragraph:
    pieces: list[Piece] = []
    position = 0
    for run in _runs(paragraph):
        text = run.text
        pieces.append(Piece(position, position + len(text), run))
        position += len(text)
    return Paragraph("".join(piece.run.text for piece in pieces), pieces, where)


def _runs(paragraph: Any) -> Iterator[Any]:
    """The runs of a paragraph in order, those inside hyperlinks included."""
    from docx.text.hyperlink import Hyperlink

    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            yield from item.runs
        else:
            yield item


def _block_paragraphs(container: Any) -> Iterator[Any]:
    """The paragraphs of a body, cell, header or footer, tables read row by row."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            seen: set[int] = set()
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is met once per grid column it spans
                        continue
                    seen.add(id(cell._tc))
                    yield from _block_paragraphs(cell)
        else:
            yield item


def _headers_and_footers(document: Any) -> Iterator[tuple[Any, str]]:
    seen: set[int] = set()
    for section in document.sections:
        for attribute, where in (
            ("header", "header"),
            ("first_page_header", "header"),
            ("even_page_header", "header"),
            ("footer", "footer"),
            ("first_page_footer", "footer"),
            ("even_page_footer", "footer"),
        ):
            part = getattr(section, attribute)
            if part.is_linked_to_previous:
                continue
            key = id(part._element)
            if key not in seen:
                seen.add(key)
                yield part, where


def _footnotes(document: Any) -> tuple[Any, Any]:
    """The footnotes part and its parsed XML, if the document has footnotes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return None, None
    element = getattr(part, "element", None)
    if element is not None:
        return None, element  # python-docx knows the part: it is saved with the document
    return part, parse_xml(part.blob)


def _custom_date(data: bytes) -> dict[str, Any]:
    """The custom document property named "date", as metadata for dating the draft."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "docProps/custom.xml" not in archive.namelist():
                return {}
            xml = archive.read("docProps/custom.xml")
    except (zipfile.BadZipFile, KeyError):
        return {}
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(xml)
    except Exception:  # a malformed or hostile part: no date from it
        return {}
    for prop in root:
        if (prop.get("name") or "").strip().lower() == "date":
            for value in prop:
                if value.text and value.text.strip():
                    return {"date": value.text.strip()}
    return {}
