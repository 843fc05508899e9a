"""The shapes of event phrases: their content words' stems, found in any order and inflection."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newslint.text import normalize_prose, tokenize

if TYPE_CHECKING:
    from newslint.rulebook.schema import Rulebook

# Words an event phrase may leave out or put elsewhere.
FUNCTION_WORDS = frozenset(
    "the a an of in on at to by for with from and or was were is are be been its 's his her their".split()
)
_SUFFIXES = tuple("ations ation itions ition sions sion ments ment ings ing ed es s e".split())
STEMMED = "\x00"  # marks an anchor that is a stem, not a word as written


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem that inflections and nominalizations share: annexed, annexation -> annex."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def same_stem(written: str, known: str) -> bool:
    """Whether two stems are the same word: equal, or one the start of the other ("inva", "invad")."""
    if written == known:
        return True
    shorter, longer = sorted((written, known), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)


@dataclass(frozen=True)
class EventShape:
    """The content stems of one event phrase, and the one to look for first."""

    event: str
    anchor: str  # a word as written, or STEMMED and a stem
    stems: tuple[str, ...]
    length: int  # the phrase's words: how far apart its stems may lie


def event_shapes(book: Rulebook) -> dict[str, tuple[EventShape, ...]]:
    """Every event phrase of two or more content words, by its anchor: its first name or
    number as written ("crimea", "mh17"), else the stem of its longest word (found in any
    inflection, so looked up by stem)."""
    shapes: dict[str, list[EventShape]] = {}
    for event in book.events.values():
        for phrase in event.phrases:
            tokens = [t for t in tokenize(normalize_prose(phrase)) if t.kind in ("word", "num")]
            content = [t for t in tokens if t.key not in FUNCTION_WORDS]
            if len(content) < 2:
                continue
            stems = tuple(dict.fromkeys(stem(t.key) for t in content))
            named = [t.key for t in content if t.capitalized or t.kind == "num"]
            anchor = named[0] if named else STEMMED + max(stems, key=len)
            shapes.setdefault(anchor, []).append(EventShape(event.id, anchor, stems, len(tokens)))
    return {anchor: tuple(found) for anchor, found in shapes.items()}
