"""Hover on a flagged span: the code, the finding, and the rulebook fact it rests on."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from newslint.codes import CODES
from newslint.diagnostic import Diagnostic
from newslint.facts import fact_label
from newslint.lsp.actions import quote
from newslint.lsp.convert import Lines
from newslint.rulebook.schema import Office, Rulebook

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def hover(
    diagnostics: Sequence[Diagnostic],
    lines: Lines,
    position: types.Position,
    rulebook: Rulebook | None,
    markdown: bool,
) -> types.Hover | None:
    """The hover for the diagnostics under a position, or None where nothing is flagged."""
    offset = lines.offset(position)
    hits = [d for d in diagnostics if d.start <= offset < d.end or d.start == d.end == offset]
    if not hits:
        return None
    separator = "\n\n---\n\n" if markdown else "\n\n"
    value = separator.join(hover_text(d, rulebook, markdown) for d in hits)
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(contents=types.MarkupContent(kind=kind, value=value), range=lines.range_of(hits[0]))


def hover_text(diagnostic: Diagnostic, rulebook: Rulebook | None, markdown: bool) -> str:
    """What a flagged span explains, in Markdown or plain text."""
    esc = _escape if markdown else str
    info = CODES.get(diagnostic.code)
    bold = "**" if markdown else ""
    head = f"{bold}{diagnostic.code}{bold}"
    if info is not None:
        head += f" {esc(info.name)}: {esc(info.summary)}"
    parts = [head, esc(diagnostic.message)]
    if diagnostic.replacement:
        parts.append(f"Suggested: {esc(quote(diagnostic.replacement))}")
    fact = rulebook.fact(diagnostic.fact) if rulebook is not None and diagnostic.fact else None
    if fact is not None:
        lines = [f"Fact: {esc(fact_label(fact))} ({esc(fact.id)})"]
        if isinstance(fact, Office):
            lines.append(f"Rulebook verified to {fact.as_of.isoformat()}")
        lines.append(f"Source: {fact.source}")
        parts.append(("  \n" if markdown else "\n").join(lines))
    return "\n\n".join(parts)


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
