"""Reviewing a rulebook: offices whose facts have gone stale, and what the rulebook holds."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newslint.rulebook.schema import Office, Rulebook, Term

NO_JURISDICTION = "(none)"


@dataclass(frozen=True)
class StaleOffice:
    office: Office
    age_days: int
    last_holder: Term | None


def stale_offices(rulebook: Rulebook, today: dt.date, older_than: dt.timedelta) -> list[StaleOffice]:
    """Offices whose ``as_of`` is more than ``older_than`` before ``today``, oldest first."""
    found = []
    for office in rulebook.offices.values():
        age = (today - office.as_of).days
        if age > older_than.days:
            last = max(office.holders, key=lambda term: term.start, default=None)
            found.append(StaleOffice(office, age, last))
    return sorted(found, key=lambda item: (-item.age_days, item.office.id))


_COLUMNS = ("people", "offices", "holders", "events", "counts", "style")


@dataclass
class Tally:
    """How many facts of each kind one file or jurisdiction holds."""

    counts: Counter[str] = field(default_factory=Counter)

    def row(self) -> list[int]:
        return [self.counts[column] for column in _COLUMNS]


@dataclass
class Stats:
    files: dict[str, Tally]
    jurisdictions: dict[str, Tally]
    total: Tally
    without_source: list[str]
    without_examples: list[str]
    heads: dict[str, set[str]] = field(default_factory=dict)  # jurisdiction -> "state", "government"
    source_domains: Counter[str] = field(default_factory=Counter)  # cited sites, "www." dropped

    columns = _COLUMNS

    @property
    def with_both_heads(self) -> list[str]:
        """The jurisdictions whose head of state and head of government are both in the rulebook."""
        return sorted(place for place, kinds in self.heads.items() if kinds >= {"state", "government"})


def rulebook_stats(rulebook: Rulebook) -> Stats:
    """Facts per file and per jurisdiction (a person counts in each jurisdiction whose office they held)."""
    files: dict[str, Tally] = defaultdict(Tally)
    places: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for name in rulebook.files:
        files[name]  # a file with no facts is still listed
    person_places: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)
    for office in rulebook.offices.values():
        place = office.jurisdiction or NO_JURISDICTION
        if office.head and office.holders:
            heads[place].update(office.head.split(" and "))
        for tally in (files[office.location.path], places[place], total):
            tally.counts["offices"] += 1
            tally.counts["holders"] += len(office.holders)
        for term in office.holders:
            person_places[term.person].add(place)
    for person in rulebook.people.values():
        files[person.location.path].counts["people"] += 1
        total.counts["people"] += 1
        for place in person_places.get(person.id) or {NO_JURISDICTION}:
            places[place].counts["people"] += 1
    for column, facts in (("events", rulebook.events), ("counts", rulebook.counts), ("style", rulebook.style)):
        for fact in facts.values():
            for tally in (files[fact.location.path], places[NO_JURISDICTION], total):
                tally.counts[column] += 1
    without_source = sorted(
        jurisdiction_id for jurisdiction_id, jurisdiction in rulebook.jurisdictions.items() if not jurisdiction.source
    )
    without_examples: list[str] = []
    tables: tuple[Mapping[str, Any], ...] = (
        rulebook.people,
        rulebook.offices,
        rulebook.events,
        rulebook.counts,
        rulebook.style,
    )
    for table in tables:
        without_examples.extend(fact.id for fact in table.values() if not fact.examples)
    cited = (*tables, rulebook.jurisdictions, rulebook.parties)
    domains = Counter(source_domain(fact.source) for table in cited for fact in table.values() if fact.source)
    return Stats(dict(files), dict(places), total, without_source, sorted(without_examples), dict(heads), domains)


def source_domain(url: str) -> str:
    """The site a source URL is on, without "www." (en.wikipedia.org, bioguide.congress.gov)."""
    host = (urlsplit(url).hostname or url).lower()
    return host.removeprefix("www.")
