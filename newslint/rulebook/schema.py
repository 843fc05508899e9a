"""The facts of a rulebook as plain immutable data."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Location:
    """Where a fact is written: a rule file and a 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Example:
    """A draft that, checked with the whole rulebook, must produce exactly ``expect``."""

    text: str
    date: dt.date | None
    expect: tuple[str, ...]
    fact: str
    location: Location
    markup: str = "text"


@dataclass(frozen=True)
class Jurisdiction:
    """A country or body, and how prose names it."""

    id: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    location: Location
    source: str = ""
    wikidata: str | None = None  # the Wikidata item (Q...) it was imported from


@dataclass(frozen=True)
class Membership:
    """A person's membership of a party: ``start <= day < end`` (either may be open)."""

    party: str
    start: dt.date | None
    end: dt.date | None
    caucus: str | None = None  # the party an independent sits with

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return (self.start is None or self.start <= last) and (self.end is None or first < self.end)


@dataclass(frozen=True)
class Party:
    """A political party and how prose names its members ("Democratic", "Democrat", "D")."""

    id: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    abbreviations: tuple[str, ...]
    source: str
    location: Location
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Person:
    """A known person: spellings, gender and birth date."""

    id: str
    name: str
    given: str
    surname: str
    variants: tuple[str, ...]
    gender: str | None
    born: dt.date | None
    source: str
    location: Location
    examples: tuple[Example, ...] = ()
    wikidata: str | None = None  # the Wikidata item (Q...) the person was imported from
    locked: bool = False  # an import never changes it
    rejected_given: tuple[str, ...] = ()  # given-name spellings the house style rejects ("Vladimir" Zelenskyy)
    died: dt.date | None = None
    parties: tuple[Membership, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every accepted spelling of the full name."""
        return (self.name, *self.variants)

    def age_on(self, day: dt.date) -> int | None:
        """The age on a day; after a death, the age at death."""
        if self.born is None:
            return None
        if self.died is not None and day > self.died:
            day = self.died
        before_birthday = (day.month, day.day) < (self.born.month, self.born.day)
        return day.year - self.born.year - before_birthday

    def dead_on(self, day: dt.date) -> bool:
        return self.died is not None and day > self.died

    @property
    def pronoun(self) -> str:
        return {"male": "he", "female": "she"}.get(self.gender or "", "they")


@dataclass(frozen=True)
class Term:
    """One holder's time in an office: ``start <= day < end`` (``end`` None: still in office)."""

    person: str
    start: dt.date
    end: dt.date | None
    location: Location
    locked: bool = False  # an import never changes it
    elected: dt.date | None = None  # elected or designated: "-elect" from this day until ``start``

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def elect_on(self, day: dt.date) -> bool:
        """Whether the holder is the office's elect (or designate) on ``day``."""
        return self.elected is not None and self.elected <= day < self.start

    def describe(self) -> str:
        if self.end is None:
            return f"since {self.start.isoformat()}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


@dataclass(frozen=True)
class Office:
    """An office, how prose titles it, and who held it when."""

    id: str
    jurisdiction: str | None
    roles: tuple[str, ...]
    titles: tuple[str, ...]
    seats: int
    government: str | None
    holders: tuple[Term, ...]
    as_of: dt.date
    source: str
    location: Location
    label: str = ""
    examples: tuple[Example, ...] = ()
    title_kept: bool = False  # past holders keep the title (monarchs)
    wikidata: str | None = None  # the Wikidata position (Q...) the office was imported from
    locked: bool = False  # an import never changes it
    head: str | None = None  # "state", "government" or "state and government": whose head it is

    def holders_on(self, day: dt.date) -> list[Term]:
        return [term for term in self.holders if term.holds(day)]

    def terms_of(self, person: str) -> list[Term]:
        return [term for term in self.holders if term.person == person]


HEADS = ("state", "government", "state and government")


@dataclass(frozen=True)
class Event:
    """Something that happened on a known date (or in a known year)."""

    id: str
    year: int
    date: dt.date | None
    phrases: tuple[str, ...]
    source: str
    location: Location
    examples: tuple[Example, ...] = ()
    exceptions: tuple[str, ...] = ()  # longer phrases that are about something else

    def describe(self) -> str:
        return self.date.isoformat() if self.date else str(self.year)


@dataclass(frozen=True)
class CountValue:
    value: int
    start: dt.date | None
    end: dt.date | None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Count:
    """A number that holds over intervals, such as the EU's member states."""

    id: str
    phrases: tuple[str, ...]
    values: tuple[CountValue, ...]
    source: str
    location: Location
    examples: tuple[Example, ...] = ()

    def value_on(self, day: dt.date) -> CountValue | None:
        return next((value for value in self.values if value.holds(day)), None)


@dataclass(frozen=True)
class StyleRule:
    """A house spelling: ``use`` instead of any of ``instead_of``."""

    id: str
    use: str
    instead_of: tuple[str, ...]
    exceptions: tuple[str, ...]
    source: str
    location: Location
    examples: tuple[Example, ...] = ()


class PickledTable(Mapping[str, Any]):
    """A read-only table whose values stay pickled until first read.

    A check reads a handful of the people a draft names, so a cached rulebook of 100,000
    people loads as 100,000 byte strings instead of half a million objects.
    """

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs
        self._values: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        value = self._values.get(key)
        if value is None:
            value = self._values[key] = pickle.loads(self._blobs[key])
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def __contains__(self, key: object) -> bool:
        return key in self._blobs

    def __reduce__(self) -> tuple[Any, ...]:
        return PickledTable, (self._blobs,)


@dataclass
class Rulebook:
    """Every fact, validated, with one matching index built on first use."""

    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    people: dict[str, Person] | Mapping[str, Person] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    counts: dict[str, Count] = field(default_factory=dict)
    style: dict[str, StyleRule] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    _index: object | None = field(default=None, repr=False, compare=False)

    @property
    def index(self):  # -> RulebookIndex (import cycle avoided)
        if self._index is None:
            from newslint.rulebook.index import RulebookIndex

            self._index = RulebookIndex(self)
        return self._index

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if isinstance(self.people, dict):
            protocol = pickle.HIGHEST_PROTOCOL
            state["people"] = PickledTable({key: pickle.dumps(p, protocol) for key, p in self.people.items()})
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def fact(self, fact_id: str) -> Person | Office | Event | Count | StyleRule | Party | None:
        for table in (self.people, self.offices, self.events, self.counts, self.style, self.parties):
            if fact_id in table:
                return table[fact_id]
        return None

    def examples(self) -> list[Example]:
        found: list[Example] = []
        for table in (self.people, self.offices, self.events, self.counts, self.style, self.parties):
            for fact in table.values():
                found.extend(fact.examples)
        return found
