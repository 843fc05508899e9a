"""Finding drafts on disk and reading them safely: every problem becomes one NL001."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".docx"})
WORD_SUFFIXES = frozenset({".docx"})
MAX_DRAFT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    """A draft read from disk, or the reason it could not be."""

    path: str
    text: str | None
    problem: str | None = None
    bom: bool = False
    markup: str | None = None  # what the text is, when the file's suffix does not say (a .docx)
    metadata: dict[str, Any] | None = None  # found while reading (a .docx's custom properties)
    word: Any = None  # the read .docx (newslint.wordfile.WordText), for writing fixes back

    def encode(self, text: str) -> bytes:
        """Text back to the file's bytes: UTF-8, with the byte-order mark it had."""
        return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")


def discover(
    paths: list[str],
    extensions: Callable[[str], Iterable[str]] = lambda folder: DRAFT_SUFFIXES,
    skip: Callable[[str, bool], bool] | None = None,
    skip_named: Callable[[str], bool] | None = None,
) -> Iterator[str]:
    """Files named directly, and drafts found by walking folders (links to folders not followed).

    ``extensions`` gives the suffixes to check in a folder (from its configuration). ``skip``
    tells whether a file or folder met while walking is left out (``exclude``, ``.gitignore``);
    ``skip_named``, whether a path named directly is (``--force-exclude``). The walk keeps its
    own stack, so a tree of any depth is walked without recursion.
    """
    for raw in paths:
        if raw != "-" and skip_named is not None and skip_named(raw):
            continue
        if raw == "-" or not os.path.isdir(raw):
            yield raw
            continue
        yield from walk(
            raw, lambda folder: {suffix.lower() for suffix in extensions(folder)}, skip_hidden=True, skip=skip
        )


def walk(
    root: str,
    wanted: Callable[[str], Iterable[str]],
    skip_hidden: bool,
    folders_too: bool = False,
    skip: Callable[[str, bool], bool] | None = None,
) -> Iterator[str]:
    """The files under ``root`` whose suffix (lower case) is among ``wanted(folder)``, depth
    first in name order (with ``folders_too``, folders so named as well, to be reported);
    links to folders are not followed and the walk keeps its own stack, so neither a loop nor
    a tree of any depth can break it. What ``skip(path, is_folder)`` leaves out is passed by,
    a folder with all it holds."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue  # unreadable or vanished: os.walk's choice too
        suffixes = set(wanted(folder))
        subfolders = []
        for entry in entries:
            if _is_folder(entry, follow=False):
                if skip_hidden and entry.name.startswith("."):
                    continue
                if skip is not None and skip(entry.path, True):
                    continue
                if folders_too and Path(entry.name).suffix.lower() in suffixes:
                    yield entry.path
                subfolders.append(entry.path)
            elif _is_folder(entry, follow=True):
                continue  # a link to a folder is not followed
            elif Path(entry.name).suffix.lower() in suffixes and not (skip is not None and skip(entry.path, False)):
                yield entry.path
        stack.extend(reversed(subfolders))


def _is_folder(entry: os.DirEntry, follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def special_file(path: str, mode: int) -> str | None:
    """What a path is when it is not a regular file ("a FIFO"), else None."""
    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))  # fmt: skip
    for test, kind in kinds:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (``limit + 1`` if it grows while
    read, so a caller can tell).

    Opened without blocking (a FIFO would wait for a writer) and checked on the open file,
    so a file swapped for a device between a check and the open is still refused. Raises
    ``SpecialFile`` for anything but a regular file, ``FileTooLarge`` before reading a file
    over the limit, ``OSError`` as ``open`` does.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        status = os.fstat(descriptor)
        kind = special_file(path, status.st_mode)
        if kind is not None:
            raise SpecialFile(kind)
        if status.st_size > limit:
            raise FileTooLarge(status.st_size, limit)
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    finally:
        os.close(descriptor)


class FileTooLarge(OSError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes; at most {limit}")
        self.size = size
        self.limit = limit


class SpecialFile(OSError):
    """A path that is a FIFO, device, socket or folder, where a regular file was wanted."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"is {kind}, not a regular file")
        self.kind = kind


def decode(data: bytes, path: str) -> Draft:
    """UTF-8 text (a BOM is dropped), or the reason it is not checkable."""
    if len(data) > MAX_DRAFT_BYTES:
        return Draft(path, None, f"file is too large to check (more than {MAX_DRAFT_BYTES} bytes)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Draft(path, None, "file is UTF-16; newslint reads UTF-8 only")
    if b"\x00" in data:
        return Draft(path, None, "file is binary (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Draft(path, None, f"file is not valid UTF-8 (byte {error.start})")
    return Draft(path, text, bom=data.startswith(b"\xef\xbb\xbf"))


def read_draft(path: str) -> Draft:
    try:
        data = read_regular(path, MAX_DRAFT_BYTES)
    except SpecialFile as error:
        return Draft(path, None, "is a folder" if error.kind == "a folder" else str(error))
    except FileTooLarge as error:
        return Draft(path, None, f"file is too large to check ({error})")
    except FileNotFoundError:
        return Draft(path, None, "no such file or folder")
    except IsADirectoryError:
        return Draft(path, None, "is a folder")
    except PermissionError:
        return Draft(path, None, "permission denied")
    except OSError as error:
        return Draft(path, None, f"cannot read file: {error.strerror or error}")
    if Path(path).suffix.lower() in WORD_SUFFIXES:
        return read_word_draft(data, path)
    return decode(data, path)


def read_word_draft(data: bytes, path: str) -> Draft:
    """A .docx as a draft: its paragraphs, one per line (see newslint.wordfile)."""
    from newslint.wordfile import NotAWordFile, read_word

    try:
        word = read_word(data)
    except NotAWordFile as error:
        return Draft(path, None, str(error))
    return Draft(path, word.text, markup="text", metadata=word.metadata, word=word)


def read_stream(stream: BinaryIO, name: str) -> Draft:
    """A draft from a stream (standard input), read no further than the size limit."""
    try:
        data = stream.read(MAX_DRAFT_BYTES + 1)
    except OSError as error:
        return Draft(name, None, f"cannot read standard input: {error.strerror or error}")
    return decode(data, name)
