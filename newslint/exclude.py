"""Which files and folders a run leaves out, as ruff does: the ``exclude`` and ``extend_exclude``
globs of the configuration and, inside a git repository, what ``.gitignore`` files (and
``.git/info/exclude``) ignore.

Globs are gitignore-style patterns relative to the folder of the configuration file that
sets them ("archive/", "*.draft.md", "/build"); a pattern without a slash matches a name at
any depth ("node_modules"). A folder left out is not walked at all, so nothing under it can
be brought back in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pathspec import GitIgnoreSpec

from newslint.config import Settings
from newslint.files import MAX_DRAFT_BYTES, read_regular

IGNORE_FILES = (".gitignore",)


@lru_cache(maxsize=256)
def _spec(globs: tuple[str, ...]) -> GitIgnoreSpec:
    return GitIgnoreSpec.from_lines(globs)


class Exclusions:
    """Answers "is this path left out?" for one run; caches what it reads."""

    def __init__(self, settings_for: Callable[[str], Settings]) -> None:
        self._settings_for = lru_cache(maxsize=4096)(settings_for)  # asked once a folder, not once a file
        self._ignore_files: dict[str, GitIgnoreSpec | None] = {}
        self._repositories: dict[str, str | None] = {}

    def excluded(self, path: str, is_dir: bool) -> bool:
        """Whether a file or folder met while walking is left out (its parents are not asked)."""
        absolute = os.path.abspath(path)
        settings = self._settings_for(os.path.dirname(absolute))
        if _matches(settings, absolute, is_dir):
            return True
        return settings.respect_gitignore and self._git_ignored(absolute, is_dir)

    def excluded_with_parents(self, path: str) -> bool:
        """Whether a path named on the command line is left out, by itself or by a folder above
        it (for ``--force-exclude``: pre-commit names files one by one)."""
        absolute = os.path.abspath(path)
        anchor = _anchor(absolute, os.path.abspath(self._settings_for(os.path.dirname(absolute)).root))
        parents = [str(parent) for parent in reversed(Path(absolute).parents) if _inside(str(parent), anchor)]
        return any(self.excluded(parent, True) for parent in parents if parent != anchor) or self.excluded(
            absolute, os.path.isdir(absolute)
        )

    def _git_ignored(self, absolute: str, is_dir: bool) -> bool:
        folder = os.path.dirname(absolute)
        repository = self._repository(folder)
        if repository is None:
            return False
        ignored = False
        for place in _between(repository, folder):
            spec = self._ignore_file(place, place == repository)
            if spec is None:
                continue
            relative = os.path.relpath(absolute, place).replace(os.sep, "/") + ("/" if is_dir else "")
            decision = spec.check_file(relative).include
            if decision is not None:  # a deeper file, or a later line, decides
                ignored = decision
        return ignored

    def _repository(self, folder: str) -> str | None:
        """The top folder of the git repository holding ``folder`` (one with ``.git``), if any."""
        passed = []
        found: str | None = None
        place = folder
        while True:
            if place in self._repositories:
                found = self._repositories[place]
                break
            passed.append(place)
            if os.path.lexists(os.path.join(place, ".git")):
                found = place
                break
            parent = os.path.dirname(place)
            if parent == place:
                break
            place = parent
        for seen in passed:
            self._repositories[seen] = found
        return found

    def _ignore_file(self, folder: str, top: bool) -> GitIgnoreSpec | None:
        if folder not in self._ignore_files:
            lines: list[str] = []
            names = [*IGNORE_FILES, os.path.join(".git", "info", "exclude")] if top else list(IGNORE_FILES)
            for name in names:
                lines.extend(_read_lines(os.path.join(folder, name)))
            self._ignore_files[folder] = GitIgnoreSpec.from_lines(lines) if lines else None
        return self._ignore_files[folder]


def _matches(settings: Settings, absolute: str, is_dir: bool) -> bool:
    globs = settings.excluded_globs
    if not globs:
        return False
    relative = os.path.relpath(absolute, os.path.abspath(settings.root))
    if relative.startswith(".."):  # outside the configuration's folder: only names can match
        relative = os.path.basename(absolute)
    relative = relative.replace(os.sep, "/") + ("/" if is_dir else "")
    return _spec(globs).match_file(relative)


def _anchor(absolute: str, root: str) -> str:
    """Where the folders above a named path start to count: the configuration's folder, else
    the working folder, else none (a project that happens to sit in a folder named "build"
    is not left out)."""
    for candidate in (root, os.getcwd()):
        if _inside(absolute, candidate):
            return candidate
    return os.path.dirname(absolute)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


@lru_cache(maxsize=4096)  # every file in a folder has the same chain
def _between(top: str, folder: str) -> tuple[str, ...]:
    """``top`` and every folder below it down to ``folder``, top first."""
    chain = [folder]
    while chain[-1] != top:
        parent = os.path.dirname(chain[-1])
        if parent == chain[-1]:
            break
        chain.append(parent)
    return tuple(reversed(chain))


def _read_lines(path: str) -> list[str]:
    """An ignore file's lines; a missing, special, huge or unreadable one counts as empty."""
    try:
        return read_regular(path, MAX_DRAFT_BYTES).decode("utf-8", "replace").splitlines()
    except OSError:
        return []
