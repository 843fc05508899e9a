"""How a rulebook fact is named and dated for people reading a report or a hover."""

from __future__ import annotations

from newslint.rulebook.schema import Count, Event, Office, Party, Person, StyleRule

Fact = Person | Office | Event | Count | StyleRule | Party


def fact_label(fact: Fact) -> str:
    """A short name: the person, the office's title, the event's phrase and date."""
    if isinstance(fact, Person):
        return fact.name
    if isinstance(fact, Party):
        return fact.names[0]
    if isinstance(fact, Office):
        return fact.label or fact.id
    if isinstance(fact, Event):
        return f"{fact.phrases[0]}, {fact.describe()}" if fact.phrases else fact.describe()
    if isinstance(fact, Count):
        return fact.phrases[0].replace("{n}", "N") if fact.phrases else fact.id
    return f'house style "{fact.use}"'


def fact_dates(fact: Fact, people: dict[str, Person] | None = None, limit: int = 6) -> list[str]:
    """The dates a fact holds: an office's latest holders with their terms, a person's birth and
    death, an event's day, a count's values over time."""
    if isinstance(fact, Office):
        terms = sorted(fact.holders, key=lambda term: term.start)[-limit:]
        named = people or {}
        return [f"{named[t.person].name if t.person in named else t.person}: {t.describe()}" for t in reversed(terms)]
    if isinstance(fact, Person):
        dates = [f"born {fact.born.isoformat()}"] if fact.born else []
        return dates + ([f"died {fact.died.isoformat()}"] if fact.died else [])
    if isinstance(fact, Event):
        return [fact.describe()]
    if isinstance(fact, Count):
        return [
            f"{value.value} from {value.start.isoformat() if value.start else 'the start'}"
            + (f" to {value.end.isoformat()}" if value.end else "")
            for value in fact.values
        ]
    return []
