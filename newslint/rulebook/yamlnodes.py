"""Reading YAML rule files as positioned nodes, with typed accessors that report errors."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterator
from typing import Any

import yaml

from newslint.rulebook.errors import RulebookError, RuleError
from newslint.rulebook.schema import Location

__all__ = ["FileReader", "Invalid", "RuleError", "RulebookError", "describe"]

try:  # the C loader is much faster where PyYAML was built with libyaml
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_NODES = 500_000
MAX_PHRASE_WORDS = 30  # the longest name, title or phrase, in words
MAX_DEPTH = 100  # nesting levels of plain data read from YAML (configuration, front matter)
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)
MAX_FILE_BYTES = 20 * 1024 * 1024


class Invalid(Exception):
    """A value that cannot be used; already reported."""


class FileReader:
    """Typed access to the nodes of one rule file; every problem becomes a RuleError."""

    def __init__(self, path: str, errors: list[RuleError], kind: str = "rule files") -> None:
        self.path = path
        self.kind = kind
        self.errors = errors
        self._constructor = yaml.SafeLoader("")
        self._visits = 0

    def where(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def error(self, node: yaml.Node, message: str) -> Invalid:
        self.errors.append(RuleError(self.where(node), message))
        return Invalid(message)

    def error_at_start(self, message: str) -> Invalid:
        self.errors.append(RuleError(Location(self.path, 1, 1), message))
        return Invalid(message)

    def compose(self, text: str, where_it_began: bool = False) -> yaml.Node | None:
        """The root node; a syntax error is reported where the parser found it or, with
        ``where_it_began``, where the construct it could not finish began (an unclosed list)."""
        try:
            return yaml.compose(text, Loader=_SafeLoader)
        except yaml.MarkedYAMLError as error:
            first, second = error.problem_mark, error.context_mark
            mark = (second or first) if where_it_began else (first or second)
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = error.problem or error.context or "invalid YAML"
            self.errors.append(RuleError(Location(self.path, line, column), f"invalid YAML: {problem}"))
        except yaml.YAMLError as error:
            self.errors.append(RuleError(Location(self.path, 1, 1), f"invalid YAML: {error}"))
        return None

    def _visit(self, node: yaml.Node) -> None:
        self._visits += 1
        if self._visits > MAX_NODES:
            raise self.error(node, f"too many YAML nodes (more than {MAX_NODES}; alias expansion?)")
        if node.tag not in _PLAIN_TAGS:
            raise self.error(node, f"the tag '{node.tag}' is not allowed in {self.kind}")

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node]:
        """The entries of a mapping node; unknown, duplicate and missing keys are errors."""
        self._visit(node)
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping, not {describe(node)}")
        entries: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.error(key_node, f"keys of {what} must be names, not {describe(key_node)}")
                continue
            key = key_node.value
            if key in entries:
                self.error(key_node, f"duplicate key '{key}' in {what}")
                continue
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of: {', '.join(allowed)})"
                self.error(key_node, f"unknown key '{key}' in {what}{hint}")
                continue
            entries[key] = value_node
        missing = [key for key in required if key not in entries]
        for key in missing:
            self.error(node, f"{what} needs '{key}'")
        if missing:
            raise Invalid(f"{what} is incomplete")
        return entries

    def plain(self, node: yaml.Node, depth: int = 0) -> Any:
        """A node as plain data (dicts, lists, scalars), held to the rule files' limits: plain
        tags only, scalar keys, at most MAX_DEPTH levels, and aliases counted as they expand."""
        self._visit(node)
        if depth > MAX_DEPTH:
            raise self.error(node, f"nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.error(key_node, f"a key must be a text or a number, not {describe(key_node)}")
                result[self.scalar(key_node)] = self.plain(value_node, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.plain(item, depth + 1) for item in node.value]
        return self.scalar(node)

    def sequence(self, node: yaml.Node, what: str) -> Iterator[yaml.Node]:
        self._visit(node)
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list, not {describe(node)}")
        yield from node.value

    def scalar(self, node: yaml.Node) -> Any:
        self._visit(node)
        if not isinstance(node, yaml.ScalarNode):
            return node
        try:
            return self._constructor.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as error:
            raise self.error(node, f"unreadable value '{node.value}': {error}") from None

    def string(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node)
        if not isinstance(value, str) or not value.strip():
            raise self.error(node, f"{what} must be text, not {describe(node, value)}")
        return value.strip()

    def strings(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """A list of texts; a single text is accepted as a list of one."""
        return self._list_of(self.string, node, what)

    def phrase(self, node: yaml.Node, what: str) -> str:
        """A text the index matches word by word (a name, a title, a phrase): at most
        MAX_PHRASE_WORDS words, so matching stays linear in the draft."""
        value = self.string(node, what)
        words = len(value.split())
        if words > MAX_PHRASE_WORDS:
            raise self.error(node, f"{what} has {words} words; at most {MAX_PHRASE_WORDS}")
        return value

    def phrases(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """A list of phrases (a single one is a list of one), each held to ``phrase``'s limit."""
        return self._list_of(self.phrase, node, what)

    def _list_of(self, read: Callable[[yaml.Node, str], str], node: yaml.Node, what: str) -> tuple[str, ...]:
        """Each item read with ``read``; an item that cannot be is reported and left out."""
        if isinstance(node, yaml.ScalarNode):
            return (read(node, what),)
        values = []
        for item in self.sequence(node, what):
            try:
                values.append(read(item, f"each of {what}"))
            except Invalid:
                continue
        return tuple(values)

    def date(self, node: yaml.Node, what: str) -> dt.date:
        value = self.scalar(node)
        if isinstance(value, dt.datetime):
            return check_year(self, node, value.date(), what)
        if isinstance(value, dt.date):
            return check_year(self, node, value, what)
        raise self.error(node, f"{what} must be a date written YYYY-MM-DD, not {describe(node, value)}")

    def integer(self, node: yaml.Node, what: str, minimum: int = 0) -> int:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.error(node, f"{what} must be a whole number of at least {minimum}, not {describe(node, value)}")
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool:
        value = self.scalar(node)
        if not isinstance(value, bool):
            raise self.error(node, f"{what} must be true or false, not {describe(node, value)}")
        return value

    def url(self, node: yaml.Node, what: str = "source") -> str:
        value = self.string(node, what)
        if not value.startswith(("https://", "http://")) or " " in value:
            raise self.error(node, f"{what} must be a public URL (https://...), not '{value}'")
        return value


def check_year(reader: FileReader, node: yaml.Node, value: dt.date, what: str) -> dt.date:
    if not 1000 <= value.year <= 2200:
        raise reader.error(node, f"{what} {value.isoformat()} is out of range")
    return value


def describe(node: yaml.Node, value: Any = None) -> str:
    """A short description of what a node holds, for error messages."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if value is None and node.tag == "tag:yaml.org,2002:null":
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean '{node.value}' (quote it if you mean text)"
    if isinstance(value, (int, float)):
        return f"the number {node.value}"
    if isinstance(value, dt.date):
        return f"the date {node.value}"
    return f"'{node.value}'"
