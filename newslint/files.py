"""Finding drafts on disk and reading them safely: every problem becomes one NL001."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
MAX_DRAFT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    """A draft read from disk, or the reason it could not be."""

    path: str
    text: str | None
    problem: str | None = None
    bom: bool = False

    def encode(self, text: str) -> bytes:
        """Text back to the file's bytes: UTF-8, with the byte-order mark it had."""
        return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")


def discover(
    paths: list[str], extensions: Callable[[str], Iterable[str]] = lambda folder: DRAFT_SUFFIXES
) -> Iterator[str]:
    """Files named directly, and drafts found by walking folders (links to folders not followed).

    ``extensions`` gives the suffixes to check in a folder (from its configuration).
    """
    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            yield raw
            continue
        for folder, subfolders, files in os.walk(raw):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            wanted = {suffix.lower() for suffix in extensions(folder)}
            for name in sorted(files):
                if Path(name).suffix.lower() in wanted:
                    yield os.path.join(folder, name)


def decode(data: bytes, path: str) -> Draft:
    """UTF-8 text (a BOM is dropped), or the reason it is not checkable."""
    if len(data) > MAX_DRAFT_BYTES:
        return Draft(path, None, f"file is too large to check ({len(data)} bytes; at most {MAX_DRAFT_BYTES})")
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
        if os.path.getsize(path) > MAX_DRAFT_BYTES:
            return Draft(path, None, f"file is too large to check (at most {MAX_DRAFT_BYTES} bytes)")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return Draft(path, None, "no such file or folder")
    except IsADirectoryError:
        return Draft(path, None, "is a folder")
    except PermissionError:
        return Draft(path, None, "permission denied")
    except OSError as error:
        return Draft(path, None, f"cannot read file: {error.strerror or error}")
    return decode(data, path)
