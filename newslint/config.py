"""Configuration: ``newslint.yaml``, ``.newslint.yaml`` or ``[tool.newslint]`` in ``pyproject.toml``.

The nearest configuration file above a checked file applies to it (nearest wins, no merging,
as in ruff). Unknown keys and wrong types are errors with the file's line and column.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.diagnostic import Severity
from newslint.rulebook.errors import RulebookError, RuleError
from newslint.rulebook.schema import Location

CONFIG_NAMES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
KEYS = ("rules", "default_rules", "select", "ignore", "per_path_ignores", "default_date", "extensions", "severity")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")


class ConfigError(RulebookError):
    """A configuration file with mistakes; ``errors`` gives each as PATH:LINE:COL: message."""


@dataclass(frozen=True)
class Settings:
    """What applies to one draft, and where each value came from."""

    rules: tuple[str, ...] = ()
    default_rules: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    default_date: dt.date | None = None
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    severity: tuple[tuple[str, Severity], ...] = ()
    root: str = "."
    origins: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """The ignore list plus the per-path ignores whose glob matches the path."""
        try:
            relative = Path(path).resolve().relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        extra = tuple(
            code for glob, codes in self.per_path_ignores if fnmatch.fnmatch(relative, glob) for code in codes
        )
        return self.ignore + extra

    @property
    def severities(self) -> dict[str, Severity]:
        return dict(self.severity)


def settings_for(path: str | Path, isolated: bool = False) -> Settings:
    """The configuration that applies to a draft (defaults when there is none)."""
    config = None if isolated else find_config(Path(path))
    return load_config(config) if config else Settings(origins={})


def clear_caches() -> None:
    """Forget found and loaded configuration files (a long-running server calls this on change)."""
    _find_in.cache_clear()
    load_config.cache_clear()


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above a file or folder."""
    folder = start if start.is_dir() else start.parent
    return _find_in(folder.resolve())


@lru_cache(maxsize=1024)
def _find_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_newslint_table(candidate)):
            return candidate
    return None if folder.parent == folder else _find_in(folder.parent)


def _has_newslint_table(path: Path) -> bool:
    try:
        return re.search(r"(?m)^\s*\[tool\.newslint[\].]", path.read_text(encoding="utf-8")) is not None
    except (OSError, UnicodeDecodeError):
        return False


@lru_cache(maxsize=256)
def load_config(path: Path) -> Settings:
    """Read and validate one configuration file."""
    errors: list[RuleError] = []
    if path.name == "pyproject.toml":
        raw, where = _read_pyproject(path, errors)
    else:
        raw, where = _read_yaml(path, errors)
    settings = _validate(path, raw, where, errors)
    if errors:
        raise ConfigError(errors)
    return settings


def _read_yaml(path: Path, errors: list[RuleError]) -> tuple[dict[str, Any], dict[str, Location]]:
    import yaml

    from newslint.rulebook.yamlnodes import FileReader, Invalid

    reader = FileReader(str(path), errors)
    root = reader.compose(path.read_text(encoding="utf-8"))
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
        return {}, {}
    try:
        entries = reader.mapping(root, "the configuration", KEYS)
    except Invalid:
        return {}, {}
    values = {key: yaml.load(yaml.serialize(node), Loader=yaml.SafeLoader) for key, node in entries.items()}
    return values, {key: reader.where(node) for key, node in entries.items()}


def _read_pyproject(path: Path, errors: list[RuleError]) -> tuple[dict[str, Any], dict[str, Location]]:
    if sys.version_info >= (3, 11):  # imported here: most runs have no pyproject.toml to read
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    text = path.read_text(encoding="utf-8")
    try:
        table = tomllib.loads(text).get("tool", {}).get("newslint", {})
    except tomllib.TOMLDecodeError as error:
        errors.append(
            RuleError(Location(str(path), getattr(error, "lineno", 1), getattr(error, "colno", 1)), str(error))
        )
        return {}, {}
    lines = text.splitlines()
    where = {key: _toml_location(path, lines, key) for key in table}
    for key in table:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of: {', '.join(KEYS)})"
            errors.append(RuleError(where[key], f"unknown key '{key}' in [tool.newslint]{hint}"))
    return {k: v for k, v in table.items() if k in KEYS}, where


def _toml_location(path: Path, lines: list[str], key: str) -> Location:
    """Where a key of [tool.newslint] is written (tomllib gives no positions)."""
    inside = False
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.startswith("[tool.newslint")
            if stripped.startswith(f"[tool.newslint.{key}]"):
                return Location(str(path), number, line.index("[") + 1)
            continue
        if inside and re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return Location(str(path), number, len(line) - len(line.lstrip()) + 1)
    return Location(str(path), 1, 1)


def _validate(path: Path, raw: dict[str, Any], where: dict[str, Location], errors: list[RuleError]) -> Settings:
    def fail(key: str, message: str) -> None:
        errors.append(RuleError(where.get(key, Location(str(path), 1, 1)), message))

    def string_list(key: str) -> tuple[str, ...]:
        value = raw[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            fail(key, f"'{key}' must be a list of texts")
            return ()
        return tuple(value)

    values: dict[str, Any] = {}
    root = path.parent
    if "rules" in raw:
        values["rules"] = tuple(str((root / folder).resolve()) for folder in string_list("rules"))
        for folder in values["rules"]:
            if not Path(folder).exists():
                fail("rules", f"rule folder '{folder}' does not exist")
    if "default_rules" in raw:
        if isinstance(raw["default_rules"], bool):
            values["default_rules"] = raw["default_rules"]
        else:
            fail("default_rules", "'default_rules' must be true or false")
    for key in ("select", "ignore"):
        if key in raw:
            values[key] = tuple(code.upper() for code in string_list(key))
    if "extensions" in raw:
        values["extensions"] = tuple(e if e.startswith(".") else f".{e}" for e in string_list("extensions"))
    if "per_path_ignores" in raw:
        table = raw["per_path_ignores"]
        if not isinstance(table, dict):
            fail("per_path_ignores", "'per_path_ignores' must map globs to lists of codes")
        else:
            values["per_path_ignores"] = tuple(
                (str(glob), tuple(str(c).upper() for c in (codes if isinstance(codes, list) else [codes])))
                for glob, codes in table.items()
            )
    if "default_date" in raw:
        value = raw["default_date"]
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            values["default_date"] = value
        elif value != "today":
            fail("default_date", "'default_date' must be a date (YYYY-MM-DD) or 'today'")
    if "severity" in raw:
        table = raw["severity"]
        if not isinstance(table, dict) or not all(v in ("error", "warning") for v in table.values()):
            fail("severity", "'severity' must map codes to 'error' or 'warning'")
        else:
            values["severity"] = tuple((str(code).upper(), Severity(level)) for code, level in table.items())
    origins = {key: f"{where[key]}" if key in where else str(path) for key in values}
    return Settings(root=str(root), origins=origins, **values)
