"""Editing rule files in place without losing comments, order or layout (round-trip YAML).

Rule files are always validated with the safe loader first; the round-trip library only
edits files that passed, and everything it writes is validated again before it replaces
anything, all at once.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from newslint.fix import write_atomically
from newslint.rulebook.errors import RulebookError, RuleError
from newslint.rulebook.loader import load_rulebook
from newslint.rulebook.schema import Location

SECTIONS = ("jurisdictions", "people", "offices", "events", "counts", "style")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a hand-written line
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the bundled rule files
    yaml.representer.ignore_aliases = lambda data: True  # a date used twice is written twice, not as &id001
    return yaml


def flow(items: Iterable[Any]) -> CommentedSeq:
    """A list written on one line: [a, b]."""
    seq = CommentedSeq(list(items))
    seq.fa.set_flow_style()
    return seq


def flow_map(pairs: Mapping[str, Any]) -> CommentedMap:
    """A mapping written on one line: {person: x, from: 2025-01-20}."""
    mapping = CommentedMap(pairs)
    mapping.fa.set_flow_style()
    return mapping


class RuleFile:
    """One rule file, loaded for editing (or new, with a heading comment)."""

    def __init__(self, path: Path, heading: str = "") -> None:
        self.path = path
        self.yaml = _yaml()
        self.original: str | None = path.read_text(encoding="utf-8") if path.exists() else None
        data = self.yaml.load(self.original) if self.original else None
        if data is None:
            data = CommentedMap()
            if heading:
                data.yaml_set_start_comment(heading)
        self.data: CommentedMap = data

    def entries(self, section: str) -> CommentedSeq:
        if section not in self.data or self.data[section] is None:
            # sections keep their usual order when one is added
            position = sum(1 for key in self.data if key in SECTIONS and SECTIONS.index(key) < SECTIONS.index(section))
            self.data.insert(position, section, CommentedSeq())
        return self.data[section]

    def entry(self, section: str, fact_id: str) -> CommentedMap | None:
        for item in self.data.get(section) or ():
            if isinstance(item, Mapping) and item.get("id") == fact_id:
                return item  # type: ignore[return-value]
        return None

    def add(self, section: str, entry: CommentedMap) -> None:
        """Append an entry; comments that followed the old last entry now follow the new one."""
        entries = self.entries(section)
        trailing = _take_trailing_comment(entries[-1]) if entries else None
        entries.append(entry)
        if trailing is not None:
            entry.ca.items[list(entry)[-1]] = [None, None, trailing, None]

    def text(self) -> str:
        stream = io.StringIO()
        self.yaml.dump(self.data, stream)
        return stream.getvalue()


def insert_holder(holders: CommentedSeq, holder: CommentedMap) -> None:
    """Insert a holder in the order of terms (oldest first)."""
    start = holder["from"]
    position = len(holders)
    for i, existing in enumerate(holders):
        existing_start = existing.get("from") if isinstance(existing, Mapping) else None
        if isinstance(existing_start, dt.date) and existing_start > start:
            position = i
            break
    holders.insert(position, holder)


def write_validated(folder: Path, texts: dict[str, str], beside: Sequence[Path] = ()) -> None:
    """Write changed rule files only if the whole folder still loads with them (and with the
    rule files ``beside`` it refers to), each replaced whole.

    Raises ``RulebookError`` (paths as in ``folder``) and writes nothing when it would not load.
    """
    with tempfile.TemporaryDirectory(prefix="newslint-rules-") as scratch:
        copy = Path(scratch) / "rules"
        if folder.is_dir():
            shutil.copytree(folder, copy, symlinks=True)
        copy.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        try:
            load_rulebook([copy, *beside])
        except RulebookError as error:
            raise RulebookError([_moved(problem, str(copy), str(folder)) for problem in error.errors]) from None
    for name, text in texts.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(str(target), text.encode("utf-8"))


def _moved(problem: RuleError, scratch: str, folder: str) -> RuleError:
    where = problem.location
    path = folder + where.path[len(scratch) :] if where.path.startswith(scratch) else where.path
    return RuleError(Location(path, where.line, where.column), problem.message)


def _take_trailing_comment(node: Any) -> CommentToken | None:
    """Detach the comment lines that follow a node (the round-trip loader keeps them on its last key).

    A comment at the end of the node's own last line stays where it is.
    """
    if isinstance(node, CommentedMap) and node:
        last = list(node)[-1]
        found = _take_trailing_comment(node[last])
        if found is not None:
            return found
        slot = node.ca.items.get(last)
        if slot and len(slot) > 2 and slot[2] is not None:
            slot[2], found = _split_comment(slot[2])
            return found
    elif isinstance(node, CommentedSeq) and node:
        found = _take_trailing_comment(node[-1])
        if found is not None:
            return found
        slot = node.ca.items.get(len(node) - 1)
        if slot and slot[0] is not None:
            slot[0], found = _split_comment(slot[0])
            return found
    return None


def _split_comment(token: CommentToken) -> tuple[CommentToken | None, CommentToken | None]:
    """(the end-of-line part that stays, the following lines that move)."""
    value: str = token.value
    if not value.startswith("#"):
        return None, token
    end_of_line, _, rest = value.partition("\n")
    kept = CommentToken(end_of_line + "\n", token.start_mark, None)
    # the moved part starts a line of its own after the new last key
    return kept, (CommentToken("\n" + rest, token.start_mark, None) if rest.strip() else None)
