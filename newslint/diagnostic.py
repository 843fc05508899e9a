"""Diagnostics: the plain, immutable data every check produces."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from typing import Any


class Severity(str, enum.Enum):
    """How serious a diagnostic is; errors fail a run, warnings only with --fail-on warning."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    """What a check reports: a span of the source (0-based code points, end exclusive)."""

    code: str
    start: int
    end: int
    message: str
    severity: Severity = Severity.ERROR
    replacement: str | None = None
    fact: str | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One violation, positioned in the checked file.

    ``line`` and ``column`` are 1-based; columns count characters (code points),
    not bytes. ``end_line``/``end_column`` point just past the flagged text.
    ``start``/``end`` are the same span as 0-based code-point offsets.
    ``replacement`` is the suggested text for the span, when there is one;
    ``fact`` is the id of the rulebook fact the finding rests on.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    severity: Severity
    message: str
    replacement: str | None = None
    fact: str | None = None
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as JSON-ready data (the ``--format json`` schema)."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
