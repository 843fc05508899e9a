"""Reading SPARQL 1.1 query results in JSON (the W3C format) into one record per statement."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

_ENTITY = "http://www.wikidata.org/entity/"
GENDERS = {"Q6581097": "male", "Q6581072": "female"}
DAY_PRECISION = 11  # Wikidata's time precision: 9 year, 10 month, 11 day


class ResultsError(ValueError):
    """A results file that is not SPARQL JSON results, or not the shape the templates select."""


@dataclass(frozen=True)
class Time:
    """A Wikidata time value and its precision (None when the results did not say)."""

    value: str
    precision: int | None

    def day(self) -> dt.date | None:
        """The date, when it is known to the day and is a plain Gregorian date from 1000 to 2200."""
        if self.precision is not None and self.precision < DAY_PRECISION:
            return None
        try:
            day = dt.date.fromisoformat(self.value.lstrip("+")[:10])
        except ValueError:
            return None
        return day if 1000 <= day.year <= 2200 else None

    def describe(self) -> str:
        shown = self.value.lstrip("+")
        if self.precision == 9:
            return f"only the year {shown[:4]}"
        if self.precision == 10:
            return f"only the month {shown[:7]}"
        return shown[:10]


@dataclass
class PersonItem:
    qid: str
    label: str | None = None
    aliases: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)  # item ids of P21 values
    births: set[Time] = field(default_factory=set)


@dataclass
class Place:
    """The country or body a position belongs to."""

    qid: str
    label: str | None = None
    code: str | None = None  # ISO 3166-1 alpha-2
    demonyms: set[str] = field(default_factory=set)


@dataclass
class Holding:
    """One "position held" statement: who held which position, from when to when."""

    statement: str
    position: str
    position_label: str | None
    person: PersonItem
    country: Place | None
    starts: set[Time] = field(default_factory=set)
    ends: set[Time] = field(default_factory=set)
    end_unknown: bool = False  # Wikidata says the term ended, on an unknown date


@dataclass
class Results:
    holdings: list[Holding]
    people: dict[str, PersonItem]
    places: dict[str, Place]


def read_results(text: str, origin: str) -> Results:
    """Parse the text of a results file; ``origin`` names it in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ResultsError(f"{origin}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), dict):
        raise ResultsError(f"{origin}: not SPARQL JSON results (no 'results' object)")
    bindings = data["results"].get("bindings")
    if not isinstance(bindings, list):
        raise ResultsError(f"{origin}: not SPARQL JSON results ('results' has no 'bindings' list)")
    reader = _Reader(origin)
    for number, row in enumerate(bindings, start=1):
        if not isinstance(row, dict):
            raise ResultsError(f"{origin}: binding {number} is not an object")
        reader.add(row, number)
    return Results(list(reader.holdings.values()), reader.people, reader.places)


class _Reader:
    """Folds rows into statements: one statement may come in several rows (aliases, dates)."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.holdings: dict[str, Holding] = {}
        self.people: dict[str, PersonItem] = {}
        self.places: dict[str, Place] = {}

    def add(self, row: Mapping[str, Any], number: int) -> None:
        values = {name: self._value(row, name, number) for name in row}
        for needed in ("statement", "position", "person"):
            if not values.get(needed):
                raise ResultsError(
                    f"{self.origin}: binding {number} has no '{needed}' (use a query from --print-query)"
                )
        person_id = _item(values["person"], self.origin, number)
        person = self.people.setdefault(person_id, PersonItem(person_id))
        person.label = person.label or _label(values.get("personLabel"), person_id)
        person.aliases.update(_split(values.get("aliases")))
        if values.get("gender"):
            person.genders.add(_item(values["gender"], self.origin, number))
        if values.get("born"):
            person.births.add(Time(values["born"], _precision(values.get("bornPrecision"))))
        country = None
        if values.get("country"):
            country_id = _item(values["country"], self.origin, number)
            country = self.places.setdefault(country_id, Place(country_id))
            country.label = country.label or _label(values.get("countryLabel"), country_id)
            country.code = country.code or values.get("countryCode") or None
            country.demonyms.update(_split(values.get("demonyms")))
        statement = values["statement"]
        holding = self.holdings.get(statement)
        if holding is None:
            position_id = _item(values["position"], self.origin, number)
            holding = self.holdings[statement] = Holding(statement, position_id, None, person, country)
        holding.position_label = holding.position_label or _label(values.get("positionLabel"), holding.position)
        holding.country = holding.country or country
        if values.get("start"):
            holding.starts.add(Time(values["start"], _precision(values.get("startPrecision"))))
        if values.get("end"):
            holding.ends.add(Time(values["end"], _precision(values.get("endPrecision"))))
        elif values.get("endValue"):
            holding.end_unknown = True

    def _value(self, row: Mapping[str, Any], name: str, number: int) -> str:
        term = row[name]
        if not isinstance(term, dict) or not isinstance(term.get("value"), str):
            raise ResultsError(f"{self.origin}: binding {number}: '{name}' is not an RDF term with a 'value'")
        return term["value"]


def _item(value: str, origin: str, number: int) -> str:
    if not value.startswith(_ENTITY) or not value[len(_ENTITY) :].startswith("Q"):
        raise ResultsError(f"{origin}: binding {number}: '{value}' is not a Wikidata item")
    return value[len(_ENTITY) :]


def _label(value: str | None, item: str) -> str | None:
    # the label service writes the item id where a label is missing
    return value.strip() if value and value.strip() and value.strip() != item else None


def _precision(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _split(value: str | None) -> Iterable[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]
