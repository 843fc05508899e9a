"""Applying suggested replacements: safe ones with --fix, unsafe ones only when asked.

Edits never overlap within a pass; the text is linted again after each pass until nothing
more applies, so a second --fix changes nothing. Files are written atomically.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence

from newslint.codes import CODES
from newslint.diagnostic import Diagnostic

MAX_PASSES = 10


def fixable(diagnostic: Diagnostic, unsafe: bool = False) -> bool:
    """Whether --fix (or --fix --unsafe-fixes) applies this diagnostic's replacement."""
    if diagnostic.replacement is None:
        return False
    info = CODES.get(diagnostic.code)
    safety = info.fix_safety if info else "none"
    return safety == "safe" or (unsafe and safety == "unsafe")


def apply_once(text: str, diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """Apply the non-overlapping fixes, earliest first; return the new text and how many applied."""
    pieces = []
    position = 0
    applied = 0
    for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end)):
        if not fixable(diagnostic, unsafe) or diagnostic.start < position:
            continue
        pieces.append(text[position : diagnostic.start])
        pieces.append(diagnostic.replacement or "")
        position = diagnostic.end
        applied += 1
    pieces.append(text[position:])
    return "".join(pieces), applied


def fix_text(
    text: str, lint: Callable[[str], list[Diagnostic]], unsafe: bool = False
) -> tuple[str, int, list[Diagnostic]]:
    """Fix until stable: the fixed text, the number of fixes, and the diagnostics that remain."""
    total = 0
    diagnostics = lint(text)
    for _ in range(MAX_PASSES):
        fixed, applied = apply_once(text, diagnostics, unsafe)
        if not applied or fixed == text:
            break
        text, total = fixed, total + applied
        diagnostics = lint(text)
    return text, total, diagnostics


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib  # only --diff needs it

    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), path, path)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def write_atomically(path: str, data: bytes) -> None:
    """Replace a file's content all at once: a temporary file in the same folder, then rename.

    The file keeps its permissions (a new one gets the usual ones); if anything fails, the
    original is left untouched.
    """
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only --fix writes files

    handle, temporary = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
