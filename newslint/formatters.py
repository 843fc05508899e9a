"""Output formats. Checks never print; formatters turn diagnostics into text."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from newslint.diagnostic import Diagnostic, Severity

JSON_SCHEMA_VERSION = 1

_COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m"}
_BOLD = "\033[1m"
_RESET = "\033[0m"


def format_text(diagnostics: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    """``path:line:col: CODE message`` lines, then a one-line summary."""
    lines = []
    for d in diagnostics:
        code = f"{_COLORS[d.severity]}{d.code}{_RESET}" if color else d.code
        location = f"{_BOLD}{d.path}{_RESET}" if color else d.path
        severity = "" if d.severity is Severity.ERROR else "warning: "
        lines.append(f"{location}:{d.line}:{d.column}: {code} {severity}{d.message}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not diagnostics:
        return f"No problems found ({checked})."
    return (
        f"Found {errors} error{'s' if errors != 1 else ''} and "
        f"{warnings} warning{'s' if warnings != 1 else ''} ({checked})."
    )


def format_json(diagnostics: Sequence[Diagnostic], files: int = 0, color: bool = False) -> str:
    """A JSON array of diagnostics with every field of ``Diagnostic``."""
    return json.dumps([d.to_dict() for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


Formatter = Callable[[Sequence[Diagnostic], int, bool], str]

# Output formats by name: each takes the sorted diagnostics, the number of files checked and
# whether colour is wanted, and returns the whole output.
FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
}
FORMATS = tuple(FORMATTERS)
