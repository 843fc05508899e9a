"""newslint: a fact linter for news drafts.

The library API is two functions::

    rulebook = newslint.load_rulebook(["rules/"])          # or None for the bundled one
    for d in newslint.lint_text(text, path="draft.md", date=datetime.date(2025, 2, 17)):
        print(d.path, d.line, d.column, d.code, d.message)
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from newslint.diagnostic import Diagnostic, Severity
from newslint.document import Document
from newslint.engine import lint
from newslint.gc_pause import paused_gc
from newslint.rulebook.errors import RulebookError
from newslint.rulebook.schema import Rulebook

__version__ = "0.1.0"
__all__ = ["Diagnostic", "Rulebook", "RulebookError", "Severity", "lint_text", "load_rulebook", "__version__"]

_bundled: Rulebook | None = None


def load_rulebook(paths: Iterable[str | os.PathLike[str]] | None = None) -> Rulebook:
    """Load and validate rule files or folders; ``None`` loads the bundled rulebook.

    Raises ``RulebookError`` whose ``errors`` give each mistake as ``PATH:LINE:COL: message``.
    """
    from newslint.rulebook.loader import load_rulebook as load  # YAML is only needed here

    return load(paths)


def bundled_rulebook() -> Rulebook:
    """The bundled rulebook, loaded once per process."""
    global _bundled
    if _bundled is None:
        _bundled = load_rulebook(None)
    return _bundled


def lint_text(
    text: str,
    *,
    path: str | None = None,
    date: dt.date | None = None,
    rulebook: Rulebook | None = None,
    markup: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Diagnostic]:
    """Check a draft and return its diagnostics, sorted by position.

    ``date`` is the date the draft is checked as of; without it the draft's own
    metadata or dateline is used, else today. ``markup`` is ``"markdown"``,
    ``"html"`` or ``"text"``, inferred from ``path`` when not given. ``rulebook``
    defaults to the bundled one.
    """
    rulebook = rulebook or bundled_rulebook()
    with paused_gc():
        document = Document.from_text(text, path=path, markup=markup, date=date)
        return lint(document, rulebook, tuple(select), tuple(ignore))
