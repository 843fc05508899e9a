"""Code actions: the quick fix of a diagnostic, and a comment that ignores its code on its line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types

from newslint.codes import CODES
from newslint.diagnostic import Diagnostic
from newslint.lsp.convert import SOURCE, Lines, suppression_comment

NO_IGNORE_ACTION = frozenset({"NL001", "NL002", "NL003"})  # whole-file codes, and suppressions themselves


@dataclass(frozen=True)
class Target:
    """The document that code actions edit, as the editor has it now."""

    uri: str
    version: int | None
    lines: Lines
    markup: str
    document_changes: bool  # the editor takes versioned document changes


def code_actions(
    target: Target, diagnostics: Sequence[types.Diagnostic], published: Sequence[Diagnostic] = ()
) -> list[types.CodeAction]:
    """Quick fixes (preferred ones first), then one "ignore" action per line and code.

    ``published`` are the diagnostics last published for exactly this text: they give the
    replacement to editors that do not send a diagnostic's ``data`` back.
    """
    fixes: list[types.CodeAction] = []
    ignores: dict[tuple[int, str], types.CodeAction] = {}
    for diagnostic in diagnostics:
        if not is_ours(diagnostic):
            continue
        replacement = replacement_of(diagnostic)
        if replacement is None:
            replacement = _published_replacement(diagnostic, published, target.lines)
        if replacement is not None:
            fixes.append(_quick_fix(target, diagnostic, replacement))
        key = (diagnostic.range.start.line, str(diagnostic.code))
        if key not in ignores and (action := _ignore(target, diagnostic)) is not None:
            ignores[key] = action
    fixes.sort(key=lambda action: not action.is_preferred)
    return [*fixes, *ignores.values()]


def is_ours(diagnostic: types.Diagnostic) -> bool:
    return diagnostic.source == SOURCE and isinstance(diagnostic.code, str) and diagnostic.code in CODES


def replacement_of(diagnostic: types.Diagnostic) -> str | None:
    data = diagnostic.data
    if isinstance(data, dict) and isinstance(data.get("replacement"), str):
        return str(data["replacement"])
    return None


def _published_replacement(diagnostic: types.Diagnostic, published: Sequence[Diagnostic], lines: Lines) -> str | None:
    for ours in published:
        if ours.code == diagnostic.code and lines.range_of(ours) == diagnostic.range:
            return ours.replacement
    return None


def _quick_fix(target: Target, diagnostic: types.Diagnostic, replacement: str) -> types.CodeAction:
    code = str(diagnostic.code)
    if replacement:
        title = f"Replace with {quote(replacement)} ({code})"
    else:
        start, end = target.lines.offset(diagnostic.range.start), target.lines.offset(diagnostic.range.end)
        title = f"Remove {quote(target.lines.text[start:end])} ({code})"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_edit(target, types.TextEdit(range=diagnostic.range, new_text=replacement)),
        is_preferred=CODES[code].fix_safety == "safe",
    )


def _ignore(target: Target, diagnostic: types.Diagnostic) -> types.CodeAction | None:
    code, line = str(diagnostic.code), diagnostic.range.start.line
    if code in NO_IGNORE_ACTION or line >= len(target.lines.lines):
        return None
    comment = suppression_comment(target.markup, code)
    if comment.strip() in target.lines.lines[line]:
        return None
    end = target.lines.line_end(line)
    return types.CodeAction(
        title=f"Ignore {code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_edit(target, types.TextEdit(range=types.Range(start=end, end=end), new_text=comment)),
    )


def _edit(target: Target, edit: types.TextEdit) -> types.WorkspaceEdit:
    if target.document_changes:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=target.uri, version=target.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=[edit])])
    return types.WorkspaceEdit(changes={target.uri: [edit]})


def quote(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return f'"{shown}"'
