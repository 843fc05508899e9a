"""Where rule files are: the bundled rulebook, and the files under given folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from newslint.files import walk

RULE_SUFFIXES = (".yaml", ".yml")


def bundled_rules_dir() -> Path:
    """The bundled rulebook: inside the installed package, or beside it in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "rules"


def rule_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The rule files named by files or folders, folders searched recursively, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # a folder named like a rule file is kept, to be reported rather than silently skipped
            walked = walk(str(path), lambda folder: RULE_SUFFIXES, skip_hidden=False, folders_too=True)
            found.extend(sorted(Path(p) for p in walked))
        else:
            found.append(path)
    return found
