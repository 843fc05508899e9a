"""The one table of codes: every code newslint can report, with its summary and documentation."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from newslint.checks import ALL_CHECKS
from newslint.diagnostic import Severity


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    summary: str
    doc: str
    fix_safety: str = "none"
    severity: Severity = Severity.ERROR


_INPUT_CODES = (
    CodeInfo(
        "NL001",
        "unreadable-draft",
        "a draft that cannot be read, is binary or is not valid UTF-8",
        "Reported once for the whole file; the other files are still checked.",
    ),
    CodeInfo(
        "NL002",
        "unused-suppression",
        "a suppression comment that suppresses nothing",
        "Reported so that suppressions do not outlive the findings they were written for.\n"
        "Fix safety: safe (the comment is removed).",
        "safe",
        Severity.WARNING,
    ),
    CodeInfo(
        "NL003",
        "draft-metadata",
        "front matter that is not valid YAML, a date that is not a date, or an undated old draft",
        "The draft is still checked, as of the next date found (a dateline, or today).\n"
        "A draft that states no date, and whose full dates all lie more than a year before the day\n"
        "it is checked, is reported at the latest of them: it was likely written then, and its\n"
        "titles and ages are being judged as of today.",
        severity=Severity.WARNING,
    ),
)


def _cleandoc(doc: str) -> str:
    """A docstring without its indentation (inspect.cleandoc, without importing inspect)."""
    first, _, rest = doc.strip("\n").partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


CODES: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        *_INPUT_CODES,
        *(
            CodeInfo(
                check.code,
                check.name,
                check.summary,
                _cleandoc(type(check).__doc__ or ""),
                check.fix_safety,
                check.severity,
            )
            for check in ALL_CHECKS
        ),
    )
}


def selected(code: str, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> bool:
    """Whether a code passes --select/--ignore; prefixes work (NL2), the longest prefix wins."""
    best_select = max((len(p) for p in select if code.startswith(p)), default=-1) if select else 0
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    if select and best_select < 0:
        return False
    return best_ignore < best_select or best_ignore < 0
