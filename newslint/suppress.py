"""Suppressions written in the draft: ignore a code on a line, or disable it over a region.

Markdown and HTML: ``<!-- newslint: ignore NL202 -->`` at the end of a line,
``<!-- newslint: disable NL1 -->`` ... ``<!-- newslint: enable NL1 -->``. Plain text also
takes the bare form ``newslint: ignore NL202``. ``ignore`` without codes ignores every code on
its line. A suppression that suppresses nothing is reported as NL002.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from newslint.diagnostic import Finding, Severity

_COMMENT = re.compile(r"<!--\s*newslint:\s*(?P<action>ignore|disable|enable)\b(?P<codes>[\sA-Za-z0-9,]*?)\s*-->")
_BARE = re.compile(r"\bnewslint:\s*(?P<action>ignore|disable|enable)\b(?P<codes>(?:[\s,]+NL\d{0,3}\b)*)")
_CODE = re.compile(r"NL\d{0,3}")


@dataclass
class Directive:
    """One suppression comment, where it stands and what it covers."""

    action: str
    codes: tuple[str, ...]  # empty: every code
    start: int
    end: int
    used: bool = False

    def covers(self, code: str) -> bool:
        return not self.codes or any(code.startswith(prefix) for prefix in self.codes)

    def describe(self) -> str:
        return ", ".join(self.codes) if self.codes else "all codes"


@dataclass
class Suppressions:
    """The directives of one draft and the per-file ignores from its front matter."""

    directives: list[Directive]
    line_starts: list[int]
    file_ignores: tuple[str, ...] = ()
    _regions: list[tuple[Directive, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        open_regions: list[Directive] = []
        for directive in self.directives:
            if directive.action == "disable":
                open_regions.append(directive)
            elif directive.action == "enable":
                for region in [r for r in open_regions if not directive.codes or set(r.codes) & set(directive.codes)]:
                    self._regions.append((region, region.end, directive.start))
                    open_regions.remove(region)
                directive.used = True  # an enable only closes regions
        for region in open_regions:
            self._regions.append((region, region.end, 10**12))

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def suppressed(self, finding: Finding) -> bool:
        """Whether a finding is suppressed; marks the directive that did it as used."""
        if any(finding.code.startswith(prefix) for prefix in self.file_ignores):
            return True
        line = self._line(finding.start)
        hit = False
        for directive in self.directives:
            if directive.action == "ignore" and self._line(directive.start) == line and directive.covers(finding.code):
                directive.used = hit = True
        for region, start, end in self._regions:
            if start <= finding.start < end and region.covers(finding.code):
                region.used = hit = True
        return hit

    def unused(self, ran: Iterable[str]) -> list[Finding]:
        """NL002 for each directive that suppressed nothing, among codes that were checked."""
        ran = tuple(ran)
        findings = []
        for directive in self.directives:
            if directive.used:
                continue
            if directive.codes and not any(code.startswith(p) for p in directive.codes for code in ran):
                continue
            findings.append(
                Finding(
                    "NL002",
                    directive.start,
                    directive.end,
                    f"unused suppression: '{directive.action} {directive.describe()}' suppresses nothing",
                    Severity.WARNING,
                    replacement="",
                )
            )
        return findings


def find_suppressions(source: str, markup: str, line_starts: list[int], metadata: dict) -> Suppressions:
    """Read every suppression directive of a draft."""
    directives = []
    patterns = [_COMMENT] if markup != "text" else [_COMMENT, _BARE]
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(source):
            if any(s <= match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            codes = tuple(code.upper() for code in _CODE.findall(match["codes"] or ""))
            directives.append(Directive(match["action"], codes, match.start(), match.end()))
    directives.sort(key=lambda d: d.start)
    return Suppressions(directives, line_starts, _file_ignores(metadata))


def _file_ignores(metadata: dict) -> tuple[str, ...]:
    settings = metadata.get("newslint")
    if not isinstance(settings, dict):
        return ()
    ignore = settings.get("ignore", ())
    if isinstance(ignore, str):
        ignore = [ignore]
    return tuple(str(code).upper() for code in ignore if isinstance(code, str))
