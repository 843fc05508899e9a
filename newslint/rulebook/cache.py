"""The loaded and indexed rulebook, cached on disk so that a hook run does not re-parse YAML.

The cache is keyed by the newslint version and the content of every rule file; a stale
or unreadable cache entry is simply rebuilt. ``NEWSLINT_CACHE_DIR`` chooses the folder
(default: the user's cache folder); ``NEWSLINT_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from newslint.files import read_regular
from newslint.gc_pause import paused_gc
from newslint.rulebook.paths import rule_files
from newslint.rulebook.schema import Rulebook
from newslint.rulebook.yamlnodes import MAX_FILE_BYTES

# The modules that build or make up a cached rulebook (its classes, the loader's checks, the
# index, the text folding it is keyed by): a change to any makes every cache entry stale.
_BUILDING_MODULES = ("rulebook/*.py", "text.py", "files.py")
MAX_ENTRY_BYTES = 1 << 30  # a cache entry is read no further (the bundled rulebook's is ~20 MB)


def cache_dir() -> Path | None:
    """Where compiled rulebooks are kept; None when there is nowhere (no home folder: no HOME
    and no password entry), and newslint then works without a cache."""
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    try:
        if sys.platform == "win32":
            base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches"
        else:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (RuntimeError, KeyError, OSError):
        return None
    return base / "newslint"


def cache_key(files: list[Path]) -> str | None:
    """A digest of the version and every rule file's path and bytes (None if one cannot be read).

    Hashing every rule file's bytes is most of a warm start's work outside unpickling, so the
    digest is remembered under the files' identities (path, size, modification and change
    times, inode): while none of those changes, the files are not read again. A file written
    in any way gets a new change time, so it is read and hashed anew.
    """
    stamp = _stat_stamp(files)
    if stamp is None:
        return None  # a special file among them: the loader reports it
    folder = cache_dir()
    memo = folder / f"key-{stamp}" if folder is not None else None
    if memo is not None:
        try:
            known = read_regular(str(memo), 64).decode("ascii").strip()
            if len(known) == 32 and all(c in "0123456789abcdef" for c in known):
                return known
        except (OSError, UnicodeDecodeError):
            pass
    key = _content_key(files)
    if key is not None and memo is not None:
        _store_bytes(memo, key.encode("ascii"))
    return key


def _building_modules() -> list[Path]:
    package = Path(__file__).parent.parent
    return [module for pattern in _BUILDING_MODULES for module in sorted(package.glob(pattern))]


def _stat_stamp(files: list[Path]) -> str | None:
    """A digest of what the files are on disk without reading them; None if one is not a
    regular file or cannot be looked at."""
    from newslint import __version__

    digest = hashlib.sha256(f"newslint {__version__}".encode())
    for module in _building_modules():
        try:
            info = module.stat()
        except OSError:
            continue
        digest.update(f"{module}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n".encode())
    for path in files:
        try:
            info = path.stat()
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        digest.update(f"{path.resolve()}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n".encode())
    return digest.hexdigest()[:32]


def _content_key(files: list[Path]) -> str | None:
    from newslint import __version__

    digest = hashlib.sha256(f"newslint {__version__}".encode())
    for module in _building_modules():
        try:
            digest.update(module.read_bytes())
        except OSError:  # a zipped or frozen install: the version alone keys the cache
            pass
    for path in files:
        try:
            data = read_regular(str(path), MAX_FILE_BYTES)
        except OSError:  # a special or huge file too: the loader reports it
            return None
        digest.update(str(path.resolve()).encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:32]


def load_rulebook_cached(paths: Iterable[str | os.PathLike[str]], use_cache: bool = True) -> Rulebook:
    """Like ``load_rulebook``, through the on-disk cache when it can be used."""

    paths = list(paths)
    if not use_cache or os.environ.get("NEWSLINT_NO_CACHE"):
        return _parse_rules(paths)
    key = cache_key(rule_files(paths))
    if key is None:
        return _parse_rules(paths)  # let the loader report the unreadable file
    folder = cache_dir()
    if folder is None:
        return _parse_rules(paths)
    entry = folder / f"rulebook-{key}.pickle"
    try:
        cached = _unpickle(read_regular(str(entry), MAX_ENTRY_BYTES))
        if isinstance(cached, Rulebook):
            return cached
    except Exception:  # missing, stale, truncated or from another version: rebuild
        pass
    rulebook = _parse_rules(paths)
    _ = rulebook.index  # cache the index too: building it is half the work
    _store(entry, rulebook)
    return rulebook


def _parse_rules(paths: list[str | os.PathLike[str]]) -> Rulebook:
    """Parse the rule files (YAML is imported only here: skipping it is what the cache saves)."""
    from newslint.rulebook.loader import load_rulebook as parse

    return parse(paths)


def _unpickle(data: bytes) -> object:
    """Load without the cyclic collector: it would scan the growing object graph over and over,
    and every later collection would scan the whole rulebook again."""
    with paused_gc():
        loaded = pickle.loads(data)
        gc.freeze()  # and never after: the rulebook lives as long as the process
    return loaded


def _store(entry: Path, rulebook: Rulebook) -> None:
    """Write the entry atomically; a cache that cannot be written is no error."""
    _store_bytes(entry, pickle.dumps(rulebook, protocol=pickle.HIGHEST_PROTOCOL))


def _store_bytes(entry: Path, data: bytes) -> None:
    """Write a cache file atomically; a cache that cannot be written is no error."""
    import tempfile  # only a cache miss writes

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".rulebook-", dir=entry.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
