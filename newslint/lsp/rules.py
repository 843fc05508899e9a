"""Which rule folders the language server uses, loading them, and noticing when they change."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from newslint.config import CONFIG_NAMES
from newslint.rulebook.cache import load_rulebook_cached
from newslint.rulebook.errors import RulebookError, RuleError
from newslint.rulebook.paths import bundled_rules_dir, rule_files
from newslint.rulebook.schema import Location, Rulebook

RULE_SUFFIXES = (".yaml", ".yml")
WATCHED_GLOBS = ("**/*.yaml", "**/*.yml", "**/.newslint.yaml", "**/pyproject.toml")

Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class RuleSettings:
    """The rule folders from ``initializationOptions``: ``{"rules": [...], "noDefaultRules": bool}``."""

    folders: tuple[Path, ...] = ()
    default_rules: bool = True

    @classmethod
    def from_options(cls, options: object, root: Path | None) -> tuple[RuleSettings, list[str]]:
        """Settings from the client's options, and what was wrong with them (then ignored)."""
        problems: list[str] = []
        if options is None:
            return cls(), problems
        if not isinstance(options, dict):
            return cls(), ['initializationOptions must be an object such as {"rules": ["my-rules/"]}']
        raw_rules = options.get("rules", [])
        if isinstance(raw_rules, str):
            raw_rules = [raw_rules]
        folders: list[Path] = []
        if not isinstance(raw_rules, list) or not all(isinstance(item, str) for item in raw_rules):
            problems.append('"rules" must be a list of rule folders or files')
        else:
            base = root or Path.cwd()
            folders = [base / Path(os.path.expanduser(item)) for item in raw_rules]
        no_default = options.get("noDefaultRules", False)
        if not isinstance(no_default, bool):
            problems.append('"noDefaultRules" must be true or false')
            no_default = False
        return cls(tuple(folders), not no_default), problems

    def paths(self) -> list[Path]:
        return ([bundled_rules_dir()] if self.default_rules else []) + list(self.folders)

    def missing(self) -> list[Path]:
        """Configured rule folders or files that do not exist (yet): left out, with a warning."""
        return [folder for folder in self.folders if not os.path.lexists(folder)]

    def load(self) -> Rulebook:
        """The rulebook from the paths that exist; raises ``RulebookError`` for mistakes in rule
        files, or when no rules are left."""
        missing = set(self.missing())
        paths = [path for path in self.paths() if path not in missing]
        if not paths:
            reason = (
                f"rule folder '{sorted(missing)[0]}' does not exist, and \"noDefaultRules\" turns the bundled rules off"
                if missing
                else 'no rules: "noDefaultRules" needs "rules"'
            )
            raise RulebookError([RuleError(Location("initializationOptions", 1, 1), reason)])
        rulebook = load_rulebook_cached(paths)  # the compiled cache, as the command line uses
        _ = rulebook.index  # built now, at start-up, not in the first lint
        return rulebook

    def affected_by(self, changed: Path) -> bool:
        """Whether a changed file can change the rulebook (or, later, the configuration)."""
        if changed.name in CONFIG_NAMES:
            return True
        if changed.suffix not in RULE_SUFFIXES:
            return False
        changed = _resolved(changed)
        for path in self.paths():
            path = _resolved(path)
            if changed == path or path in changed.parents:
                return True
        return False

    def signature(self) -> Signature:
        """The rule files with their modification times and sizes, to notice changes without a watcher."""
        found = []
        for path in rule_files([p for p in self.paths() if p.exists()]):
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(found)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
