"""Output formats. Checks never print; formatters turn diagnostics into text."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from newslint import __version__
from newslint.codes import CODES
from newslint.diagnostic import Diagnostic, Severity

_COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m"}
_BOLD = "\033[1m"
_RESET = "\033[0m"


def format_text(diagnostics: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    """``path:line:col: CODE message`` lines, then a one-line summary."""
    lines = []
    for d in diagnostics:
        code = f"{_COLORS[d.severity]}{d.code}{_RESET}" if color else d.code
        location = f"{_BOLD}{shown_path(d.path)}{_RESET}" if color else shown_path(d.path)
        severity = "" if d.severity is Severity.ERROR else "warning: "
        lines.append(f"{location}:{d.line}:{d.column}: {code} {severity}{d.message}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def shown_path(path: str) -> str:
    """A path as output can carry it: the bytes of a file name that is not UTF-8 (read by
    Python as lone surrogates) are written as escapes ("caf\\xe9.md"), as ``ls -b`` would."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def plural(count: int, noun: str) -> str:
    """"1 file", "2 files"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    checked = f"{plural(files, 'file')} checked"
    if not diagnostics:
        return f"No problems found ({checked})."
    return f"Found {plural(errors, 'error')} and {plural(warnings, 'warning')} ({checked})."


def format_json(diagnostics: Sequence[Diagnostic], files: int = 0, color: bool = False) -> str:
    """A JSON array of diagnostics with every field of ``Diagnostic``."""
    rows = [{**d.to_dict(), "path": shown_path(d.path)} for d in diagnostics]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def format_concise(diagnostics: Sequence[Diagnostic], files: int = 0, color: bool = False) -> str:
    """``path:line:col: CODE message`` lines only: no summary, no colour."""
    return "".join(
        f"{shown_path(d.path)}:{d.line}:{d.column}: {d.code} "
        f"{'warning: ' if d.severity is Severity.WARNING else ''}{d.message}\n"
        for d in diagnostics
    )


def _escape_data(value: str) -> str:
    """As @actions/core escapes a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """As @actions/core escapes a workflow command's property values."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic], files: int = 0, color: bool = False) -> str:
    """GitHub Actions workflow commands (``::error file=...::message``), one per diagnostic."""
    lines = []
    for d in diagnostics:
        properties = {
            "file": shown_path(d.path),
            "line": d.line,
            "col": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
            "title": f"newslint {d.code}",
        }
        joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
        lines.append(f"::{d.severity.value} {joined}::{_escape_data(d.message)}\n")
    return "".join(lines)


def _posix(path: str) -> str:
    return shown_path(PurePath(path).as_posix())


def format_gitlab(diagnostics: Sequence[Diagnostic], files: int = 0, color: bool = False) -> str:
    """A GitLab Code Quality report: a JSON array of issues.

    The fingerprint hashes the path, code, message and how many identical findings came before
    in the file, not the line, so an issue keeps its fingerprint when lines are added above it.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in diagnostics:
        key = (_posix(d.path), d.code, d.message)
        fingerprint = hashlib.sha256(json.dumps([*key, seen[key]]).encode("utf-8")).hexdigest()
        seen[key] += 1
        issues.append(
            {
                "description": f"{d.code} {d.message}",
                "check_name": d.code,
                "fingerprint": fingerprint,
                "severity": "major" if d.severity is Severity.ERROR else "minor",
                "location": {
                    "path": key[0],
                    "positions": {
                        "begin": {"line": d.line, "column": d.column},
                        "end": {"line": d.end_line, "column": d.end_column},
                    },
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative, with forward slashes."""
    pure = PurePath(path)
    # as bytes, so a file name that is not UTF-8 is percent-encoded as it is on disk
    return pure.as_uri() if pure.is_absolute() else quote(os.fsencode(pure.as_posix()), safe="/")


def format_sarif(diagnostics: Sequence[Diagnostic], files: int = 0, color: bool = False) -> str:
    """A SARIF 2.1.0 log with one run, as GitHub code scanning reads it."""
    rule_index = {code: i for i, code in enumerate(CODES)}
    rules = []
    for info in CODES.values():
        rule: dict[str, Any] = {
            "id": info.code,
            "name": info.name,
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": info.doc or info.summary},
            "help": {"text": info.doc or info.summary},
            "defaultConfiguration": {"level": info.severity.value},
        }
        rules.append(rule)
    results = []
    for d in diagnostics:
        artifact = {"uri": _uri(d.path)}
        region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
        result: dict[str, Any] = {"ruleId": d.code}
        if d.code in rule_index:
            result["ruleIndex"] = rule_index[d.code]
        result["level"] = d.severity.value
        result["message"] = {"text": d.message}
        result["locations"] = [{"physicalLocation": {"artifactLocation": artifact, "region": region}}]
        if d.replacement is not None:
            change = {"deletedRegion": region, "insertedContent": {"text": d.replacement}}
            result["fixes"] = [
                {
                    "description": {"text": f"Replace with {json.dumps(d.replacement, ensure_ascii=False)}"},
                    "artifactChanges": [{"artifactLocation": artifact, "replacements": [change]}],
                }
            ]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "newslint", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def format_statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """Counts per code, most frequent first: ``COUNT  CODE  name  summary`` lines."""
    counts = sorted(Counter(d.code for d in diagnostics).items(), key=lambda item: (-item[1], item[0]))
    if not counts:
        return ""
    rows = [
        (str(n), code, *((CODES[code].name, CODES[code].summary) if code in CODES else ("", ""))) for code, n in counts
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "".join(
        f"{n:>{widths[0]}}  {code:<{widths[1]}}  {name:<{widths[2]}}  {summary}".rstrip() + "\n"
        for n, code, name, summary in rows
    )


Formatter = Callable[[Sequence[Diagnostic], int, bool], str]

# Output formats by name: each takes the sorted diagnostics, the number of files checked and
# whether colour is wanted, and returns the whole output.
FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "concise": format_concise,
    "github": format_github,
    "gitlab": format_gitlab,
    "sarif": format_sarif,
}
# and "html", a page with the drafts themselves (newslint.report): it needs their text and the facts
FORMATS = (*FORMATTERS, "html")
