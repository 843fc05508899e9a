"""News XML: the text items wire services exchange, IPTC NITF 3.x and NewsML-G2, masked to
the same length as the file (see newslint.markup), so positions point into the XML.

Checked: in NITF, the headlines (``hedline``), the byline and the body's content
(``body.content``) and abstract; in NewsML-G2, the ``headline``, the byline (``by``) and the
text of ``inlineXML`` (XHTML or NITF). Everything else (metadata, element names, attributes,
comments) is masked. The draft's date is NITF's ``date.issue`` (its ``norm`` attribute), else
NewsML-G2's ``contentCreated``, else its ``firstCreated``.

The file is first parsed with defusedxml: a file that declares entities or refers to
anything outside itself is refused, as is one that is not well-formed XML, and nothing is
fetched from a network.
"""

from __future__ import annotations

import re
from typing import Any

from newslint.markup import Masked, blank
from newslint.text import normalize_prose

# Elements whose text is the story; their descendants are checked, but for these
_CHECKED = frozenset({"hedline", "hl1", "hl2", "byline", "body.content", "abstract", "headline", "by", "inlineXML"})
_UNCHECKED = frozenset({"script", "style", "head", "title", "media-metadata", "media-reference", "media-producer"})
_DATE_ELEMENTS = ("contentCreated", "firstCreated")

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<(?P<close>/)?(?P<name>[^\s/>!?]+)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(?P<empty>/)?>",
    re.S,
)
_NORM = re.compile(r"""\bnorm\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ISO_DAY = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})")


def mask_news_xml(source: str) -> Masked:
    normalized = normalize_prose(source)
    problem = _unsafe_or_malformed(source)
    if problem is not None:
        return Masked(blank(normalized), unreadable=problem)
    chars = list(blank(normalized))
    metadata: dict[str, Any] = {}
    stack: list[str] = []
    checked = 0  # how many open elements are story text (at most nesting depth)
    unchecked = 0
    dates: dict[str, str] = {}
    position = 0
    for match in _TOKEN.finditer(normalized):
        if checked and not unchecked:
            _keep(chars, normalized, position, match.start())
        elif stack and stack[-1] in _DATE_ELEMENTS:
            dates.setdefault(stack[-1], normalized[position : match.start()])
        position = match.end()
        if match.group("cdata") is not None:
            if checked and not unchecked:
                _keep(chars, normalized, match.start("cdata"), match.end("cdata"))
            continue
        name = match.group("name")
        if name is None:
            continue  # a comment, processing instruction or doctype
        local = name.rpartition(":")[2]
        if match.group("close"):
            while stack:
                closed = stack.pop()
                checked -= closed in _CHECKED
                unchecked -= closed in _UNCHECKED
                if closed == local:
                    break
            continue
        if local == "date.issue":
            norm = _NORM.search(match.group("attrs") or "")
            if norm:
                dates.setdefault("date.issue", norm.group(1) or norm.group(2) or "")
        if match.group("empty"):
            continue
        stack.append(local)
        checked += local in _CHECKED
        unchecked += local in _UNCHECKED
    for key in ("date.issue", *_DATE_ELEMENTS):
        day = _ISO_DAY.match(dates.get(key, ""))
        if day:
            metadata["date"] = "-".join(day.groups())
            break
    return Masked("".join(chars), metadata)


def _keep(chars: list[str], text: str, start: int, end: int) -> None:
    chars[start:end] = text[start:end]


def _unsafe_or_malformed(source: str) -> str | None:
    """Why the file is not checked (entities, external references, not well-formed), or None."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(source.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        return f"the XML {_plain(error)}; newslint reads no entity declarations or external references"
    except ParseError as error:
        line, column = getattr(error, "position", (1, 0))
        return f"not well-formed XML (line {line}, column {column + 1})"
    except (ValueError, RecursionError) as error:
        return f"unreadable XML ({error})"
    return None


def _plain(error: Exception) -> str:
    name = type(error).__name__
    if name == "EntitiesForbidden":
        return "declares entities"
    if name == "ExternalReferenceForbidden":
        return "refers to an external resource"
    if name == "DTDForbidden":
        return "has a document type declaration"
    return f"is refused ({name})"
