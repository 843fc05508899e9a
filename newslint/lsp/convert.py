"""Conversions between newslint's data and LSP's: positions, diagnostics, markup, suppression comments.

newslint counts code points on lines broken at CR LF, CR or LF, as LSP does; the client
counts in its negotiated position encoding (UTF-16 unless it asked for another), and
pygls's position codec converts between the two. Lines are split here, not with
``str.splitlines``, which also breaks at characters LSP does not (U+2028, form feed, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from newslint.diagnostic import Diagnostic, Severity
from newslint.markup import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from newslint.rulebook.errors import RuleError

SOURCE = "newslint"
RULES_CODE = "rules"
LANGUAGE_MARKUPS = {
    "markdown": "markdown",
    "html": "html",
    "plaintext": "text",
    "text": "text",
}
TEXT_SUFFIXES = frozenset({".txt", ".text"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def markup_for(language_id: str | None, path: str | None) -> str | None:
    """The markup of a document: from its file name's suffix when newslint knows it (editors do
    not always send the right language id: eglot 1.9 sends "markdown" for every file once a
    Markdown file started the server), else from its language id (an unsaved buffer, a suffix
    the configuration adds); None: not a draft."""
    suffix = PurePath(path).suffix.lower() if path else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return LANGUAGE_MARKUPS.get(language_id or "")


def suppression_comment(markup: str, code: str) -> str:
    """What to append to a line so that ``code`` is ignored on it (see newslint.suppress)."""
    if markup == "text":
        return f" newslint: ignore {code}"
    return f" <!-- newslint: ignore {code} -->"


@dataclass(frozen=True)
class Lines:
    """A text split into LSP lines, converting positions with the client's codec."""

    text: str
    lines: tuple[str, ...]
    starts: tuple[int, ...]
    codec: PositionCodec

    @classmethod
    def of(cls, text: str, codec: PositionCodec) -> Lines:
        starts = (0, *(match.end() for match in _LINE_BREAK.finditer(text)))
        return cls(text, tuple(_LINE_BREAK.split(text)), starts, codec)

    def position(self, line: int, character: int) -> types.Position:
        """A 0-based line and code-point column as a client position."""
        line = min(max(line, 0), len(self.lines) - 1)
        character = min(max(character, 0), len(self.lines[line]))
        return self.codec.position_to_client_units(self.lines, ServerTextPosition(line, character))

    def line_end(self, line: int) -> types.Position:
        return self.position(line, len(self.lines[min(max(line, 0), len(self.lines) - 1)]))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position (clamped to the text)."""
        if position.line >= len(self.lines):
            return len(self.text)
        copy = types.Position(line=position.line, character=position.character)
        server = self.codec.position_from_client_units(self.lines, copy)
        return self.starts[server.line] + min(server.character, len(self.lines[server.line]))

    def range_of(self, diagnostic: Diagnostic) -> types.Range:
        return types.Range(
            start=self.position(diagnostic.line - 1, diagnostic.column - 1),
            end=self.position(diagnostic.end_line - 1, diagnostic.end_column - 1),
        )


def to_lsp(diagnostic: Diagnostic, lines: Lines) -> types.Diagnostic:
    """One newslint diagnostic as an LSP diagnostic; ``data`` carries what code actions need."""
    return types.Diagnostic(
        range=lines.range_of(diagnostic),
        message=diagnostic.message,
        severity=(
            types.DiagnosticSeverity.Error
            if diagnostic.severity == Severity.ERROR
            else types.DiagnosticSeverity.Warning
        ),
        code=diagnostic.code,
        source=SOURCE,
        data={"replacement": diagnostic.replacement, "fact": diagnostic.fact},
    )


def rules_diagnostic(
    message: str, lines: Lines, related: list[types.DiagnosticRelatedInformation] | None = None
) -> types.Diagnostic:
    """The rule files' problem, shown on line 1 of a draft."""
    return types.Diagnostic(
        range=types.Range(start=lines.position(0, 0), end=lines.line_end(0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        code=RULES_CODE,
        source=SOURCE,
        related_information=related,
    )


def rule_error_location(problem: RuleError, codec: PositionCodec) -> types.Location | None:
    """Where a rule file's mistake is, for the editor to jump to (None if the file cannot be read)."""
    path = Path(problem.location.path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    uri = from_fs_path(str(path.resolve()))
    if uri is None:
        return None
    position = Lines.of(text, codec).position(problem.location.line - 1, problem.location.column - 1)
    return types.Location(uri=uri, range=types.Range(start=position, end=position))
