"""Masking of markup: a same-length prose view in which only checkable text remains.

Markup is replaced by spaces (newlines kept), never rendered, so an offset
found in the prose view is the same offset in the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from newslint.text import line_starts, normalize_prose

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
XML_SUFFIXES = frozenset({".xml", ".nitf"})  # news XML: NITF and NewsML-G2 (newslint.newsxml)
MARKUPS = ("markdown", "html", "text", "xml")


def infer_markup(path: str | None) -> str:
    """The markup of a file from its name: markdown, html or text."""
    suffix = PurePath(path).suffix.lower() if path else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in XML_SUFFIXES:
        return "xml"
    return "text"


@dataclass
class Masked:
    """The prose view of a source and the metadata found while masking it."""

    prose: str
    metadata: dict[str, Any] = field(default_factory=dict)
    metadata_error: str | None = None
    unreadable: str | None = None  # why nothing of the source can be checked (malformed news XML)


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def blank(text: str) -> str:
    """Replace every character but line breaks with a space."""
    return _NOT_LINE_BREAK.sub(" ", text)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans (in any order, overlapping or not) blanked."""
    pieces = []
    done = 0
    for start, end in sorted(spans):
        start = max(start, done)
        if end <= start:
            continue
        pieces.append(text[done:start])
        pieces.append(blank(text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def mask(source: str, markup: str) -> Masked:
    """Mask a source of the given markup (markdown, html, text or xml)."""
    if markup == "markdown":
        return _mask_markdown(source)
    if markup == "xml":
        from newslint.newsxml import mask_news_xml  # only news XML needs defusedxml

        return mask_news_xml(source)
    if markup == "html":
        from newslint.htmltext import mask_html  # only HTML drafts need the HTML parser

        return mask_html(source)
    return _mask_text(source)


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n|\r)(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|\Z)", re.S)


# A line of front matter that YAML reads as a key and a plain string (or a date, which
# the date reader parses from the string alike): no quotes, flow collections, anchors,
# tags, block scalars, comments or nested values.
_SIMPLE_ENTRY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):[ ]+([^\s\-?:,\[\]{}#&*!|>'\"%@`][^\t]*)")
_NOT_PLAIN = re.compile(r":\s|:$| #|\t")


def _simple_front_matter(text: str) -> dict[str, Any] | None:
    """Flat ``key: value`` front matter read without YAML (importing it costs more than
    checking a small draft); None when any line needs the YAML parser."""
    data: dict[str, Any] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = _SIMPLE_ENTRY.fullmatch(line.rstrip(" "))
        if match is None or _NOT_PLAIN.search(match[2]):
            return None
        data[match[1]] = match[2]
    return data


def _front_matter(source: str) -> tuple[int, dict[str, Any], str | None]:
    """Length and parsed content of YAML front matter at the very start of a draft."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return 0, {}, None
    simple = _simple_front_matter(match.group(1))
    if simple is not None:
        return match.end(), simple, None
    # only drafts with structured front matter need YAML; it is read with the rule files'
    # limits (plain tags, bounded nesting, aliases counted), so a bomb is one message at once
    from newslint.rulebook.yamlnodes import FileReader, Invalid

    errors: list = []
    reader = FileReader("front matter", errors, "front matter")
    root = reader.compose(match.group(1), where_it_began=True)
    if root is None and errors:
        return match.end(), {}, f"front matter is not valid YAML (line {errors[0].location.line + 1})"
    try:
        data = reader.plain(root) if root is not None else {}
    except Invalid:
        problem = errors[-1]
        message = f": {problem.message}"
        if problem.message.startswith("unreadable value"):  # a date such as 2025-02-30 that YAML cannot build
            message = " holds an impossible value: " + problem.message.split(": ", 1)[-1]
        return match.end(), {}, f"front matter{message} (line {problem.location.line + 1})"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return match.end(), {}, "front matter is not a mapping"
    return match.end(), data, None


def _mask_text(source: str) -> Masked:
    prose = normalize_prose(source)
    if prose.startswith("\ufeff"):
        prose = " " + prose[1:]
    return Masked(prose)


# The standard library engine, with a look-ahead for the characters every alternative starts
# with, scans a draft about three times faster than the regex module here.
_MD_INLINE_MASKS = re.compile(
    r"(?=[`<(\[\\# h])(?:"
    r"(?P<code>(`+)(?:(?!\2).)+?\2)"
    r"|<!--.*?-->"
    r"|<(?:https?|ftp|mailto):[^>\s]*>"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
    r"|(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
    r"|(?<=\])\[[^\]]*\]"
    r"|^[ ]{0,3}\[[^\]]+\]:[ \t]*\S+[^\r\n]*$"
    r"|\bhttps?://[^\s<>()\[\]]+"
    r"|^[ ]{0,3}#{1,6}(?=\s)"
    r"|\\.)",
    re.S | re.M,
)


def _mask_markdown(source: str) -> Masked:
    length, metadata, error = _front_matter(source)
    body = normalize_prose(source)
    if body.startswith("\ufeff"):
        body = " " + body[1:]
    body = blank_spans(body, [(0, length)])
    body = blank_spans(body, _code_blocks(body, length))
    prose = blank_spans(body, [m.span() for m in _MD_INLINE_MASKS.finditer(body)])
    return Masked(prose, metadata, error)


# Every fenced or indented code block and every HTML block starts on a line that, after
# blockquote and list markers, begins with a fence, "<", a tab or four spaces.
_MAY_OPEN_BLOCK = re.compile(r"^[ \t>*+\-0-9.)]*(?:```|~~~|<|(?:[ ]{4}|\t)[ \t]*\S)", re.M)


def _code_blocks(body: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of fenced and indented code blocks and HTML blocks, found by a CommonMark parser
    (the body before ``start``, blanked front matter, is not searched for them)."""
    if not _MAY_OPEN_BLOCK.search(body, start):
        return []  # nothing for the parser to find, so skip importing it
    from markdown_it import MarkdownIt

    # Only the block structure matters: inline parsing would be wasted work.
    parser = MarkdownIt("commonmark").disable(["inline", "text_join"], ignoreInvalid=True)
    starts = line_starts(body)
    # markdown-it splits lines on \n only: give it the same lines with \n endings.
    spans = []
    for token in parser.parse(re.sub(r"\r\n?", "\n", body)):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            end = starts[last] if last < len(starts) else len(body)
            spans.append((starts[first], end))
    return spans
