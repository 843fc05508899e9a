"""The shape every check has: a code, a name, a summary, a docstring, and ``run``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from newslint.checks.context import Context
from newslint.diagnostic import Finding, Severity
from newslint.rulebook.schema import Office


class Check:
    """Base of all checks. Subclasses set the class attributes and implement ``run``."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    fix_safety: ClassVar[str] = "none"  # none | safe | unsafe

    def run(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        ctx: Context,
        first: int,
        last: int,
        message: str,
        *,
        severity: Severity | None = None,
        replacement: str | None = None,
        fact: str | None = None,
    ) -> Finding:
        start, end = ctx.span(first, last)
        return Finding(self.code, start, end, message, severity or self.severity, replacement, fact)


def verified(office: Office, day: dt.date) -> tuple[Severity | None, str]:
    """A finding about an office after its ``as_of`` date is only a warning, and says so."""
    if day > office.as_of:
        return Severity.WARNING, f" (rulebook verified to {office.as_of.isoformat()})"
    return None, ""


def quote(text: str) -> str:
    return f'"{" ".join(text.split())}"'
