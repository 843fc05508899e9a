"""Applying suggested replacements: safe ones with --fix, unsafe ones only when asked.

Edits never overlap within a pass; the text is linted again after each pass until nothing
more applies, so a second --fix changes nothing. Files are written atomically, like a careful
editor: the owner, group and mode are kept (setuid and setgid dropped), and a draft that
changed since it was read, is read-only, is a symbolic link or has several hard links is
refused rather than rewritten (see ``write_fix``).
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


def write_atomically(
    path: str, data: bytes, status: os.stat_result | None = None, expected: bytes | None = None
) -> None:
    """Replace a file's content all at once: a temporary file in the same folder, then rename.

    The file keeps its owner, group and permissions, without setuid and setgid (a new one gets
    the usual ones); a file whose owner cannot be kept is refused. With ``expected``, the file
    is compared again just before the rename, and left alone if it changed. If anything fails,
    the original is left untouched.
    """
    folder = os.path.dirname(os.path.abspath(path))
    if status is None:
        try:
            status = os.stat(path)
        except FileNotFoundError:
            status = None
    if status is not None:
        mode = stat.S_IMODE(status.st_mode) & ~(stat.S_ISUID | stat.S_ISGID)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only --fix writes files

    handle, temporary = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if status is not None:
                _keep_owner(stream.fileno(), status)
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        if expected is not None and _current(path) != expected:
            raise FixRefused("changed since it was read; check it again")
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _keep_owner(descriptor: int, status: os.stat_result) -> None:
    new = os.fstat(descriptor)
    if (new.st_uid, new.st_gid) == (status.st_uid, status.st_gid):
        return
    try:
        os.fchown(descriptor, status.st_uid, status.st_gid)
    except PermissionError:
        raise FixRefused("belongs to another user, and rewriting it would change its owner") from None


class FixRefused(OSError):
    """A draft that --fix will not rewrite; the message says why and what to do."""


def write_fix(path: str, original: bytes, data: bytes, follow_symlinks: bool = False, hard_links: bool = False) -> str:
    """Write a fixed draft in place of ``original``; return the path written (a link's target
    with ``follow_symlinks``). Raises ``FixRefused`` for a draft it will not rewrite and
    ``OSError`` when writing fails; in both cases the file is as it was.

    Refused: a symbolic link (unless ``follow_symlinks``: then its target is fixed), a file with
    several hard links (unless ``hard_links``: then it is rewritten in place, so every link sees
    the fix, which cannot be atomic), a read-only file, and a file whose bytes are no longer
    ``original`` (another program wrote to it while it was checked).
    """
    if stat.S_ISLNK(os.lstat(path).st_mode):
        if not follow_symlinks:
            raise FixRefused("is a symbolic link; --follow-symlinks fixes the file it points to")
        path = os.path.realpath(path)
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise FixRefused("is not a regular file")
    if not status.st_mode & 0o222:
        raise FixRefused("is read-only")
    if not os.access(path, os.W_OK):
        read_only_disk = bool(os.statvfs(path).f_flag & getattr(os, "ST_RDONLY", 1))
        raise FixRefused(f"cannot write fixes: {'Read-only file system' if read_only_disk else 'Permission denied'}")
    if status.st_nlink > 1 and not hard_links:
        raise FixRefused(
            f"has {status.st_nlink} hard links, which an atomic write would split; "
            "--fix-hard-links rewrites it in place"
        )
    if status.st_nlink > 1:
        if _current(path) != original:
            raise FixRefused("changed since it was read; check it again")
        with open(path, "r+b") as stream:  # the same inode: every link sees the fix
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        return path
    write_atomically(path, data, status, original)
    return path


def _current(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()
