"""Configuration: ``newslint.yaml``, ``.newslint.yaml`` or ``[tool.newslint]`` in ``pyproject.toml``.

The nearest configuration file above a checked file applies to it (nearest wins, no merging,
as in ruff). Unknown keys and wrong types are errors with the file's line and column.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.diagnostic import Severity
from newslint.files import FileTooLarge, SpecialFile, read_regular
from newslint.rulebook.errors import RulebookError, RuleError
from newslint.rulebook.schema import Location

CONFIG_NAMES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
KEYS = (
    "rules",
    "default_rules",
    "select",
    "ignore",
    "per_path_ignores",
    "default_date",
    "extensions",
    "severity",
    "exclude",
    "extend_exclude",
    "respect_gitignore",
)
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm", ".docx")
# Folders that hold tools' files or built copies of a site, not drafts (as ruff leaves out
# virtual environments and build output); ``exclude`` replaces the list, ``extend_exclude`` adds.
DEFAULT_EXCLUDE = ("node_modules", "venv", "site-packages", "__pycache__", "_build", "build", "dist", "_site")
MAX_CONFIG_BYTES = 1024 * 1024
MAX_GLOBS = 1000  # per_path_ignores entries: each is matched against every checked path


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
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    root: str = "."
    origins: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """The ignore list plus the per-path ignores whose glob matches the path."""
        try:
            relative = Path(path).resolve().relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        extra = tuple(
            code for pattern, codes in _compiled(self.per_path_ignores) if pattern.match(relative) for code in codes
        )
        return self.ignore + extra

    @property
    def severities(self) -> dict[str, Severity]:
        return dict(self.severity)

    @property
    def excluded_globs(self) -> tuple[str, ...]:
        """The gitignore-style patterns of files and folders left out, relative to ``root``."""
        return self.exclude + self.extend_exclude


@lru_cache(maxsize=64)
def _compiled(globs: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """Each glob compiled once, not once per checked file."""
    return [(re.compile(fnmatch.translate(glob)), codes) for glob, codes in globs]


def settings_for(path: str | Path, isolated: bool = False) -> Settings:
    """The configuration that applies to a draft (defaults when there is none)."""
    config = None if isolated else find_config(Path(path))
    return load_config(config) if config else Settings(origins={})


def clear_caches() -> None:
    """Forget found and loaded configuration files (a long-running server calls this on change)."""
    _FOUND.clear()
    load_config.cache_clear()


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above a file or folder."""
    folder = start if start.is_dir() else start.parent
    return _find_in(folder.resolve())


_FOUND: dict[Path, Path | None] = {}  # folder -> the configuration that applies there


def _find_in(folder: Path) -> Path | None:
    """Walk up from a folder (a loop, not recursion: trees can be deep), stopping at the first
    folder already known, and remember the answer for every folder on the way."""
    if len(_FOUND) > 100_000:
        _FOUND.clear()
    passed: list[Path] = []
    found: Path | None = None
    for place in (folder, *folder.parents):
        if place in _FOUND:
            found = _FOUND[place]
            break
        passed.append(place)
        found = _config_in(place)
        if found is not None:
            break
    for place in passed:
        _FOUND[place] = found
    return found


def _config_in(place: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = place / name
        if candidate.is_file():
            if name != "pyproject.toml" or _has_newslint_table(candidate):
                return candidate
        elif os.path.lexists(candidate) and not candidate.is_dir():
            return candidate  # a FIFO, device or socket so named: reported when loaded
    return None


def _has_newslint_table(path: Path) -> bool:
    try:
        data = read_regular(str(path), MAX_CONFIG_BYTES)
    except FileTooLarge:
        return True  # to be reported when loaded
    except OSError:
        return False
    # searched as bytes: a file that is not UTF-8 is still found, and then reported
    return re.search(rb"(?m)^\s*\[tool\.newslint[\].]", data) is not None


@lru_cache(maxsize=256)
def load_config(path: Path) -> Settings:
    """Read and validate one configuration file."""
    errors: list[RuleError] = []
    text = _read_text(path, errors)
    if text is None:
        raise ConfigError(errors)
    if path.name == "pyproject.toml":
        raw, where = _read_pyproject(path, text, errors)
    else:
        raw, where = _read_yaml(path, text, errors)
    settings = _validate(path, raw, where, errors)
    if errors:
        raise ConfigError(errors)
    return settings


def _read_text(path: Path, errors: list[RuleError]) -> str | None:
    """A configuration file's text, read as rule files are: a regular file, bounded, UTF-8."""
    try:
        data = read_regular(str(path), MAX_CONFIG_BYTES)
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        errors.append(RuleError(Location(str(path), line, column), "configuration file is not valid UTF-8"))
    except SpecialFile as error:
        errors.append(RuleError(Location(str(path), 1, 1), f"is {error.kind}, not a configuration file"))
    except FileTooLarge as error:
        errors.append(RuleError(Location(str(path), 1, 1), f"configuration file is too large ({error})"))
    except OSError as error:
        errors.append(RuleError(Location(str(path), 1, 1), f"cannot read configuration file: {error.strerror}"))
    return None


def _read_yaml(path: Path, text: str, errors: list[RuleError]) -> tuple[dict[str, Any], dict[str, Location]]:
    import yaml

    from newslint.rulebook.yamlnodes import FileReader, Invalid

    reader = FileReader(str(path), errors, "configuration files")
    root = reader.compose(text)
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
        return {}, {}
    values: dict[str, Any] = {}
    try:
        entries = reader.mapping(root, "the configuration", KEYS)
    except Invalid:
        return {}, {}
    for key, node in entries.items():
        try:
            values[key] = reader.plain(node)
        except Invalid:
            continue
    return values, {key: reader.where(node) for key, node in entries.items()}


def _read_pyproject(path: Path, text: str, errors: list[RuleError]) -> tuple[dict[str, Any], dict[str, Location]]:
    if sys.version_info >= (3, 11):  # imported here: most runs have no pyproject.toml to read
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        tool = tomllib.loads(text).get("tool", {})
        table = tool.get("newslint", {}) if isinstance(tool, dict) else {}  # "tool = 7" has no table
    except tomllib.TOMLDecodeError as error:
        errors.append(
            RuleError(Location(str(path), getattr(error, "lineno", 1), getattr(error, "colno", 1)), str(error))
        )
        return {}, {}
    except RecursionError:
        errors.append(RuleError(Location(str(path), 1, 1), "invalid TOML: nested too deeply"))
        return {}, {}
    if not isinstance(table, dict):
        errors.append(RuleError(Location(str(path), 1, 1), "[tool.newslint] must be a table"))
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
    for key in ("default_rules", "respect_gitignore"):
        if key in raw:
            if isinstance(raw[key], bool):
                values[key] = raw[key]
            else:
                fail(key, f"'{key}' must be true or false")
    for key in ("exclude", "extend_exclude"):
        if key in raw:
            globs = string_list(key)
            if len(globs) > MAX_GLOBS:
                fail(key, f"'{key}' has {len(globs)} globs; at most {MAX_GLOBS}")
            else:
                values[key] = globs
    for key in ("select", "ignore"):
        if key in raw:
            values[key] = tuple(code.upper() for code in string_list(key))
    if "extensions" in raw:
        values["extensions"] = tuple(e if e.startswith(".") else f".{e}" for e in string_list("extensions"))
    if "per_path_ignores" in raw:
        table = raw["per_path_ignores"]
        if not isinstance(table, dict):
            fail("per_path_ignores", "'per_path_ignores' must map globs to lists of codes")
        elif len(table) > MAX_GLOBS:
            fail("per_path_ignores", f"'per_path_ignores' has {len(table)} globs; at most {MAX_GLOBS}")
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
