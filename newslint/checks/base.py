"""The shape every check has: a code, a name, a summary, a docstring, and ``run``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import ClassVar

from newslint.checks.context import Context
from newslint.diagnostic import Finding, Severity
from newslint.rulebook.schema import Office, Term


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


def verified(office: Office, day: dt.date, terms: Iterable[Term] = ()) -> tuple[Severity | None, str]:
    """A finding about an office after its ``as_of`` date says "rulebook verified to AS_OF".

    It stays an error when it holds whatever happened after ``as_of``: it rests only on
    ``terms`` that had ended by then ("German Chancellor Olaf Scholz" today). A finding that
    rests on what the rulebook knew of the office at ``as_of`` still being so (the holder still
    in office, someone never appointed, a term still to come) becomes a warning.
    """
    if day <= office.as_of:
        return None, ""
    suffix = f" (rulebook verified to {office.as_of.isoformat()})"
    settled = list(terms)
    if settled and all(t.end is not None and t.end <= office.as_of for t in settled):
        return None, suffix
    return Severity.WARNING, suffix


def quote(text: str) -> str:
    return f'"{" ".join(text.split())}"'
