"""Running the checks over a document and turning findings into positioned diagnostics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from newslint.checks import ALL_CHECKS
from newslint.checks.context import Context
from newslint.codes import selected
from newslint.config import Settings
from newslint.diagnostic import Diagnostic, Finding, Severity
from newslint.document import Document
from newslint.gc_pause import paused_gc
from newslint.rulebook.schema import Office, Rulebook
from newslint.suppress import find_suppressions


def lint(
    document: Document,
    rulebook: Rulebook,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    severities: Mapping[str, Severity] | None = None,
) -> list[Diagnostic]:
    """Every diagnostic for a document, sorted by position, duplicates and suppressed ones removed.

    ``severities`` overrides the severity of codes (or code prefixes, longest wins).
    """
    return lint_in_context(document, rulebook, select, ignore, severities)[0]


def lint_in_context(
    document: Document,
    rulebook: Rulebook,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    severities: Mapping[str, Severity] | None = None,
) -> tuple[list[Diagnostic], Context | None]:
    """``lint``, and the context the checks ran in (what the draft mentions); None when the
    document could not be checked at all."""
    if document.unreadable:  # nothing to check: one NL001, as for a file that cannot be read
        unreadable = Finding("NL001", 0, 0, f"cannot check this file: {document.unreadable}", Severity.ERROR)
        return ([to_diagnostic(document, unreadable)] if selected("NL001", select, ignore) else []), None
    findings: list[Finding] = []
    if document.metadata_error:
        findings.append(Finding("NL003", 0, 0, document.metadata_error, Severity.WARNING))
    if document.dating.problem:
        findings.append(Finding("NL003", 0, 0, document.dating.problem, Severity.WARNING))
    stale = _stale_undated(document)
    if stale is not None:
        findings.append(stale)
    context = Context(document, rulebook)
    ran = [check.code for check in ALL_CHECKS if selected(check.code, select, ignore)]
    for check in ALL_CHECKS:
        if check.code in ran:
            findings.extend(check.run(context))
    suppressions = find_suppressions(document.source, document.markup, document.line_starts, document.metadata)
    findings = [finding for finding in findings if not suppressions.suppressed(finding)]
    findings.extend(suppressions.unused(ran))
    seen = set()
    diagnostics = []
    for finding in findings:
        key = (finding.code, finding.start, finding.end)
        if key in seen or not selected(finding.code, select, ignore):
            continue
        seen.add(key)
        if severities:
            finding = _with_severity(finding, severities)
        diagnostics.append(to_diagnostic(document, finding))
    diagnostics.sort(key=lambda d: (d.start, d.end, d.code))
    return diagnostics, context


def lint_with_settings(
    text: str,
    path: str,
    rulebook: Rulebook,
    settings: Settings,
    markup: str | None = None,
    date: dt.date | None = None,
    metadata: dict | None = None,
) -> tuple[Document, list[Diagnostic]]:
    """Lint a draft as its configuration says (the CLI and the language server share this)."""
    with paused_gc():
        document = Document.from_text(
            text, path=path, markup=markup, date=date, default_date=settings.default_date, metadata=metadata
        )
        return document, lint(document, rulebook, settings.select, settings.ignores_for(path), settings.severities)


def offices_named(document: Document, rulebook: Rulebook) -> list[Office]:
    """The offices a document names by a complete title ("German Chancellor"), in id order."""
    titles = Context(document, rulebook).mentions.titles
    named = {office for title in titles if title.qualified for office in title.offices}
    return [rulebook.offices[office] for office in sorted(named) if office in rulebook.offices]


def _stale_undated(document: Document) -> Finding | None:
    """An undated draft whose full dates all lie more than a year before the date it is
    checked as of: it was likely written then, and should say so."""
    if document.dating.stated:
        return None
    dated = [(day, m) for m in document.dates if m.year is not None and (day := m.resolve(document.date))]
    if not dated:
        return None
    latest, mention = max(dated, key=lambda pair: pair[0])
    if (document.date - latest).days <= 365:
        return None
    return Finding(
        "NL003",
        mention.start,
        mention.end,
        f"the draft states no date and is checked as of {document.date.isoformat()}, but the latest date it "
        f"mentions is {latest.isoformat()}, more than a year earlier: add the draft's date "
        "(front matter 'date:', a dateline or --date)",
        Severity.WARNING,
    )


def _with_severity(finding: Finding, severities: Mapping[str, Severity]) -> Finding:
    prefixes = [p for p in severities if finding.code.startswith(p)]
    if not prefixes:
        return finding
    return replace(finding, severity=severities[max(prefixes, key=len)])


def to_diagnostic(document: Document, finding: Finding) -> Diagnostic:
    line, column = document.position(finding.start)
    end_line, end_column = document.position(finding.end)
    return Diagnostic(
        path=document.path or "-",
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=finding.code,
        severity=finding.severity,
        message=finding.message,
        replacement=finding.replacement,
        fact=finding.fact,
        start=finding.start,
        end=finding.end,
    )
