"""Running the checks over a document and turning findings into positioned diagnostics."""

from __future__ import annotations

from newslint.checks import ALL_CHECKS
from newslint.checks.context import Context
from newslint.codes import selected
from newslint.diagnostic import Diagnostic, Finding, Severity
from newslint.document import Document
from newslint.rulebook.schema import Rulebook


def lint(
    document: Document,
    rulebook: Rulebook,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> list[Diagnostic]:
    """Every diagnostic for a document, sorted by position, duplicates removed."""
    findings: list[Finding] = []
    if document.metadata_error:
        findings.append(Finding("NL003", 0, 0, document.metadata_error, Severity.WARNING))
    if document.dating.problem:
        findings.append(Finding("NL003", 0, 0, document.dating.problem, Severity.WARNING))
    context = Context(document, rulebook)
    for check in ALL_CHECKS:
        if selected(check.code, select, ignore):
            findings.extend(check.run(context))
    seen = set()
    diagnostics = []
    for finding in findings:
        key = (finding.code, finding.start, finding.end)
        if key in seen or not selected(finding.code, select, ignore):
            continue
        seen.add(key)
        diagnostics.append(to_diagnostic(document, finding))
    diagnostics.sort(key=lambda d: (d.start, d.end, d.code))
    return diagnostics


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
