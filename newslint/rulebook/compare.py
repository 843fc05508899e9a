"""What changed between two sets of facts, said as facts (holders, names, dates), not YAML lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from newslint.rulebook.schema import Count, Event, Jurisdiction, Office, Party, Person, Rulebook, StyleRule, Term

_KIND = {
    Person: "person",
    Office: "office",
    Event: "event",
    Count: "count",
    StyleRule: "style",
    Jurisdiction: "jurisdiction",
    Party: "party",
}


@dataclass(frozen=True)
class Change:
    """One difference in one fact. ``field`` is "" when the whole fact was added or removed."""

    sign: str  # "+" added, "-" removed, "~" changed
    kind: str  # person, office, event, count, style, jurisdiction
    fact: str
    field: str
    text: str
    old: Any = None
    new: Any = None

    def __str__(self) -> str:
        return f"{self.sign} {self.kind} {self.fact}: {self.text}"


def compare(old: Rulebook, new: Rulebook) -> list[Change]:
    """Every fact added, removed or changed from ``old`` to ``new``, table by table, in id order."""
    changes: list[Change] = []
    tables = ("jurisdictions", "people", "offices", "events", "counts", "style", "parties")
    for table in tables:
        changes.extend(compare_tables(getattr(old, table), getattr(new, table)))
    return changes


def compare_tables(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    for fact_id in sorted(set(old) | set(new)):
        before, after = old.get(fact_id), new.get(fact_id)
        if before is None:
            yield added(after)
        elif after is None:
            yield Change("-", _KIND[type(before)], fact_id, "", f"removed: {describe(before)}", before, None)
        else:
            yield from compare_facts(before, after)


def added(fact: Any) -> Change:
    """The change that adds a whole fact."""
    return Change("+", _KIND[type(fact)], fact.id, "", f"added: {describe(fact)}", None, fact)


def describe(fact: Any) -> str:
    """A fact in a few words: a person's name and birth date, an office's label and holder count."""
    if isinstance(fact, Person):
        born = f", born {fact.born}" if fact.born else ""
        return f"{fact.name}{born}"
    if isinstance(fact, Office):
        return f"{fact.label or fact.id} ({len(fact.holders)} holders, as of {fact.as_of})"
    if isinstance(fact, Event):
        return f"{fact.phrases[0]} ({fact.describe()})"
    if isinstance(fact, StyleRule):
        return f"{fact.use} instead of {', '.join(fact.instead_of)}"
    if isinstance(fact, Count):
        return fact.phrases[0]
    if isinstance(fact, Jurisdiction | Party):
        return ", ".join(fact.names)
    return str(fact)


_FIELDS = {
    Person: (
        "name",
        "given",
        "surname",
        "variants",
        "gender",
        "born",
        "died",
        "parties",
        "source",
        "wikidata",
        "locked",
    ),
    Office: ("jurisdiction", "roles", "titles", "seats", "government", "title_kept", "head", "as_of", "source",
             "wikidata"),
    Event: ("year", "date", "phrases", "exceptions", "source"),
    Count: ("phrases", "values", "source"),
    StyleRule: ("use", "instead_of", "exceptions", "source"),
    Jurisdiction: ("names", "adjectives"),
    Party: ("names", "adjectives", "abbreviations", "source"),
}


def compare_facts(old: Any, new: Any) -> Iterator[Change]:
    """The differences between two versions of one fact."""
    kind = _KIND[type(old)]
    for name in _FIELDS[type(old)]:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if isinstance(before, tuple) and isinstance(after, tuple) and name != "values":
            for value in after:
                if value not in before:
                    yield Change("+", kind, old.id, name, f"new {_singular(name)} {_show(value)}", None, value)
            for value in before:
                if value not in after:
                    yield Change("-", kind, old.id, name, f"{_singular(name)} {_show(value)} removed", value, None)
        elif before is None:
            yield Change("+", kind, old.id, name, f"{name} {_show(after)} added", before, after)
        else:
            yield Change("~", kind, old.id, name, f"{name} {_show(before)} -> {_show(after)}", before, after)
    if isinstance(old, Office):
        yield from compare_holders(old.id, old.holders, new.holders)


def compare_holders(office: str, old: Iterable[Term], new: Iterable[Term]) -> Iterator[Change]:
    """Holders added, ended, moved or removed; a holder is matched by person and start, then by person."""
    before, after = list(old), list(new)
    pairs: list[tuple[Term, Term]] = []
    for term in list(after):
        match = next((t for t in before if t.person == term.person and t.start == term.start), None)
        if match is None:
            match = next((t for t in before if t.person == term.person and overlap(t, term)), None)
        if match is not None:
            pairs.append((match, term))
            before.remove(match)
            after.remove(term)
    for was, now in pairs:
        if was.start != now.start:
            yield Change(
                "~", "office", office, "holders", f"holder {now.person}: from {was.start} -> {now.start}", was, now
            )
        if was.end != now.end:
            if was.end is None:
                text = f"holder {now.person} ended: until {now.end}"
            elif now.end is None:
                text = f"holder {now.person}: until {was.end} -> still in office"
            else:
                text = f"holder {now.person}: until {was.end} -> {now.end}"
            yield Change("~", "office", office, "holders", text, was, now)
    for term in after:
        yield Change("+", "office", office, "holders", f"new holder {term.person} {term.describe()}", None, term)
    for term in before:
        yield Change("-", "office", office, "holders", f"holder {term.person} {term.describe()} removed", term, None)


def overlap(a: Term, b: Term) -> bool:
    """Whether two terms share a day."""
    return (a.end is None or b.start < a.end) and (b.end is None or a.start < b.end)


_SINGULAR = {
    "variants": "variant",
    "roles": "role",
    "titles": "title",
    "phrases": "phrase",
    "names": "name",
    "instead_of": "spelling",
    "exceptions": "exception",
    "adjectives": "adjective",
}


def _singular(name: str) -> str:
    return _SINGULAR.get(name, name)


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if hasattr(value, "value") and hasattr(value, "start"):  # a count value
        span = f"from {value.start}" if value.start else ""
        return f"{value.value} {span}{f' until {value.end}' if value.end else ''}".strip()
    return str(value)
