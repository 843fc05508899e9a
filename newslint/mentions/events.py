"""Known events a draft mentions, in the rulebook's phrasing or another one.

An event phrase ("annexed Crimea") is also found inflected and reordered ("the annexation of
Crimea", "Crimea's annexation"): its content words, reduced to their stems, all within a
short stretch of one clause, in any order. The exact phrases (and an event's ``except``
phrases, which name something else) are matched as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.rulebook.eventshapes import STEMMED, EventShape, same_stem, stem

if TYPE_CHECKING:
    from newslint.mentions import Mentions
# Words that end a clause: an event's words are looked for within one.
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "but", "while", "whereas"})


@dataclass(frozen=True)
class EventMention:
    """A known event at tokens [first, last), and whether it was written as a rule phrase."""

    event: str
    first: int
    last: int
    exact: bool


def find_events(m: Mentions) -> list[EventMention]:
    """Exact event phrases, then the inflected or reordered ones outside them."""
    found = [EventMention(x.entry.fact, x.first, x.last, True) for x in m.matches_by_kind["event"]]
    taken = {i for e in found for i in range(e.first, e.last)}
    shapes = m.rulebook.index.event_shapes
    if not shapes:
        return found
    tokens = m.tokens
    prefixes = m.rulebook.index.event_stem_prefixes
    for i, token in enumerate(tokens):
        key = token.key
        anchored = shapes.get(key, ())
        if key[:4] in prefixes:  # an anchor found in any inflection ("annexation" for "annexed")
            anchored += shapes.get(STEMMED + stem(key), ())
        if not anchored or i in taken:
            continue
        for shape in anchored:
            span = _shape_at(m, shape, i)
            if span is not None and not taken.intersection(range(*span)):
                found.append(EventMention(shape.event, span[0], span[1], False))
                taken.update(range(*span))
    exceptions = [(x.first, x.last, x.entry.fact) for x in m.matches_by_kind["event-except"]]
    found = [e for e in found if not any(f <= e.first and e.last <= end and ev == e.event for f, end, ev in exceptions)]
    return sorted(found, key=lambda e: e.first)


def _shape_at(m: Mentions, shape: EventShape, i: int) -> tuple[int, int] | None:
    """The tokens around an anchor at token i that hold every stem of the shape, in one clause."""
    tokens = m.tokens
    reach = shape.length + 3
    first, last = m.document.sentence_of(i)
    low, high = i, i + 1
    while low > first and i - low < reach and tokens[low - 1].key not in _CLAUSE_ENDS:
        low -= 1
    while high < last and high - i < reach and tokens[high].key not in _CLAUSE_ENDS:
        high += 1
    span_first, span_last = i, i + 1
    for wanted in shape.stems:
        if wanted == shape.anchor or STEMMED + wanted == shape.anchor:
            continue
        near = [
            j for j in range(low, high) if tokens[j].kind in ("word", "num") and same_stem(stem(tokens[j].key), wanted)
        ]
        if not near:
            return None
        j = min(near, key=lambda j: abs(j - i))
        span_first, span_last = min(span_first, j), max(span_last, j + 1)
    if span_last - span_first > reach:
        return None
    return span_first, span_last
