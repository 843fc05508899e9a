"""Rule facts built from Wikidata statements, with every gap in the data reported.

Nothing is guessed: a term without a start, a date known only to the year, a holder without a
label are left out and reported; the office or person they belong to carries a ``note:``.
Ids reuse the facts already in the target folder (matched by Wikidata item, id or title),
so a re-import lines up with what is there.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from newslint.rulebook.loader import fold_id, office_label
from newslint.rulebook.schema import Jurisdiction, Location, Office, Party, Person, Rulebook, Term
from newslint.rulebook.titles import office_titles
from newslint.text import phrase_keys
from newslint.wikidata.results import GENDERS, Holding, PersonItem, Place, Results, Time

ENTITY_PAGE = "https://www.wikidata.org/wiki/"
NO_JURISDICTION_FILE = "positions.yaml"
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@dataclass(frozen=True)
class Problem:
    """A gap or contradiction in the Wikidata data, about one item."""

    item: str  # the Wikidata item it is about
    fact: str | None  # the rule fact that carries the note, when one was written
    message: str

    def __str__(self) -> str:
        where = f" [{self.fact}]" if self.fact else ""
        return f"{self.item}{where}: {self.message}"


@dataclass
class Imported:
    """What an import proposes: facts placed in files of the target folder, and the problems met."""

    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)

    def report(self, item: str, fact: str | None, message: str) -> None:
        self.problems.append(Problem(item, fact, message))
        if fact is not None:
            self.notes[fact].append(message)


@dataclass
class Existing:
    """The facts already in the target folder, and the file each is written in."""

    rulebook: Rulebook
    folder: Path

    def file_of(self, location: Location) -> str:
        path = Path(location.path).resolve()
        try:
            return path.relative_to(self.folder.resolve()).as_posix()
        except ValueError:
            return path.name


def convert(
    results: Results, as_of: dt.date, existing: Existing, since: dt.date | None = None, language: str = "en"
) -> Imported:
    """The facts the results imply, ids and files chosen to fit the existing folder."""
    builder = _Builder(existing, as_of, language)
    by_position: dict[str, list[Holding]] = defaultdict(list)
    for holding in results.holdings:
        by_position[holding.position].append(holding)
    for position, holdings in sorted(by_position.items(), key=lambda kv: _sort_key(kv[1][0])):
        builder.add_office(position, holdings, since)
    imported = builder.imported
    held = {term.person for office in imported.offices.values() for term in office.holders}
    for person_id in [p for p in imported.people if p not in held]:  # every term of theirs was left out
        del imported.people[person_id]
        imported.notes.pop(person_id, None)
    return imported


def _sort_key(holding: Holding) -> tuple[str, str]:
    place = holding.country
    return ((place.label or place.qid) if place else "~", holding.position_label or holding.position)


class _Builder:
    def __init__(self, existing: Existing, as_of: dt.date, language: str) -> None:
        self.existing = existing
        self.language = language
        self.book = existing.rulebook
        self.as_of = as_of
        self.imported = Imported()
        self.person_ids: dict[str, str] = {}  # Wikidata item -> person id
        # the jurisdictions titles are built from: the folder's, then the imported ones
        self.places = Rulebook(jurisdictions=dict(self.book.jurisdictions))
        self.existing_titles = {
            office.id: {phrase_keys(title) for title in office_titles(office, self.book)}
            for office in self.book.offices.values()
        }

    # -- offices -------------------------------------------------------------------------

    def add_office(self, position: str, holdings: list[Holding], since: dt.date | None) -> None:
        imported = self.imported
        label = next((h.position_label for h in holdings if h.position_label), None)
        if label is None:
            imported.report(position, None, f"the position has no label in '{self.language}'; left out")
            return
        place = next((h.country for h in holdings if h.country), None)
        jurisdiction, file = self._jurisdiction(place)
        roles, titles = _roles_and_titles(label, jurisdiction)
        office_id, file = self._office_id(position, label, roles, titles, jurisdiction, file)
        terms = []
        for holding in holdings:
            term = self._term(holding, office_id)
            if term is not None and (since is None or term.end is None or term.end > since):
                terms.append(term)
        terms = self._without_overlaps(sorted(set(terms), key=lambda t: (t.start, t.person)), office_id)
        office = Office(
            office_id,
            jurisdiction.id if jurisdiction else None,
            roles,
            titles,
            1,
            None,
            tuple(terms),
            self.as_of,
            ENTITY_PAGE + position,
            Location(file, 0, 0),
            wikidata=position,
        )
        imported.offices[office_id] = replace(office, label=office_label(office, self.places))
        for term in terms:
            person = imported.people.get(term.person)
            if person is not None and person.location.path == "":
                imported.people[term.person] = replace(person, location=Location(file, 0, 0))

    def _jurisdiction(self, place: Place | None) -> tuple[Jurisdiction | None, str]:
        if place is None:
            return None, NO_JURISDICTION_FILE
        label = place.label or place.qid
        known = self._known_jurisdiction(place)
        if known is not None:
            return known, self.existing.file_of(known.location)
        jid = (place.code or "").lower() or fold_id(label) or place.qid.lower()
        if jid in self.imported.jurisdictions:
            found = self.imported.jurisdictions[jid]
            return found, found.location.path
        file = f"{fold_id(label) or place.qid.lower()}.yaml"
        if place.label is None:
            self.imported.report(place.qid, jid, f"the country has no label in '{self.language}'")
        adjectives = tuple(sorted(place.demonyms))
        jurisdiction = Jurisdiction(jid, (label,), adjectives, Location(file, 0, 0), ENTITY_PAGE + place.qid, place.qid)
        self.imported.jurisdictions[jid] = self.places.jurisdictions[jid] = jurisdiction
        return jurisdiction, file

    def _known_jurisdiction(self, place: Place) -> Jurisdiction | None:
        for jurisdiction in self.book.jurisdictions.values():
            if place.code and jurisdiction.id == place.code.lower():
                return jurisdiction
            if place.label and place.label in jurisdiction.names:
                return jurisdiction
        return None

    def _office_id(
        self,
        position: str,
        label: str,
        roles: tuple[str, ...],
        titles: tuple[str, ...],
        jurisdiction: Jurisdiction | None,
        file: str,
    ) -> tuple[str, str]:
        """The id of the existing office this position is (by item, id or a shared title), else a new one."""
        jid = jurisdiction.id if jurisdiction else None
        wanted = f"{jid}-{fold_id(roles[0])}" if jid and roles else fold_id(label) or position.lower()
        probe = Office(wanted, jid, roles, titles, 1, None, (), self.as_of, "", Location(file, 0, 0))
        keys = {phrase_keys(title) for title in office_titles(probe, self.places)}
        for office in self.book.offices.values():
            same_item = office.wikidata == position
            same_id = office.id == wanted and office.wikidata in (None, position)
            shared_title = office.jurisdiction == jid and not keys.isdisjoint(self.existing_titles[office.id])
            if same_item or same_id or (shared_title and office.wikidata in (None, position)):
                return office.id, self.existing.file_of(office.location)
        if self._taken(wanted) or wanted in self.imported.offices:
            wanted = f"{wanted}-{position.lower()}"
        return wanted, file

    def _taken(self, fact_id: str) -> bool:
        return self.book.fact(fact_id) is not None or fact_id in self.imported.people

    # -- terms ---------------------------------------------------------------------------

    def _term(self, holding: Holding, office_id: str) -> Term | None:
        person = holding.person
        name = person.label or person.qid
        if person.label is None:
            self.imported.report(
                person.qid, office_id, f"holder {person.qid} has no label in '{self.language}'; term left out"
            )
            return None
        whose = f"{name}'s term"
        start = self._one_day(holding.starts, office_id, person.qid, "start date", whose)
        if start is None:
            return None
        if holding.end_unknown:
            self.imported.report(person.qid, office_id, f"{whose} from {start} ended on an unknown date; term left out")
            return None
        end = None
        if holding.ends:
            end = self._one_day(holding.ends, office_id, person.qid, "end date", f"{whose} from {start}")
            if end is None:
                return None
            if end <= start:
                self.imported.report(
                    person.qid, office_id, f"{whose} ends ({end}) before it starts ({start}); term left out"
                )
                return None
        person_id = self._person(person)
        return Term(person_id, start, end, Location("", 0, 0))

    def _one_day(self, times: set[Time], fact: str, item: str, what: str, whose: str) -> dt.date | None:
        if not times:
            self.imported.report(item, fact, f"no {what} for {whose}; term left out")
            return None
        days = {time.day() for time in times}
        if len(days) > 1:
            shown = ", ".join(sorted(time.describe() for time in times))
            self.imported.report(item, fact, f"several {what}s for {whose} ({shown}); term left out")
            return None
        day = days.pop()
        if day is None:
            shown = next(iter(times)).describe()
            self.imported.report(item, fact, f"the {what} of {whose} is {shown}; term left out")
        return day

    def _without_overlaps(self, terms: list[Term], office_id: str) -> list[Term]:
        """Terms of a single-seat office that overlap are reported; the open-ended one goes.

        An open term that a later term overlaps is almost always a missing end date; when
        both are closed, the later one is left out.
        """
        kept: list[Term] = []
        for term in terms:
            clash = next((k for k in kept if k.end is None or k.end > term.start), None)
            if clash is None:
                kept.append(term)
                continue
            dropped = clash if clash.end is None else term
            if dropped is clash:
                kept.remove(clash)
                kept.append(term)
            self.imported.report(
                self._item_of(dropped.person),
                office_id,
                f"terms overlap: {clash.person} ({clash.describe()}) and {term.person} ({term.describe()}); "
                f"{dropped.person}'s term {dropped.describe()} left out",
            )
        return kept

    def _item_of(self, person_id: str) -> str:
        return next((item for item, pid in self.person_ids.items() if pid == person_id), person_id)

    # -- people --------------------------------------------------------------------------

    def _person(self, item: PersonItem) -> str:
        if item.qid in self.person_ids:
            return self.person_ids[item.qid]
        assert item.label is not None
        person_id = self._person_id(item)
        self.person_ids[item.qid] = person_id
        gender = self._gender(item, person_id)
        born = self._born(item, person_id)
        existing = self.book.people.get(person_id)
        file = self.existing.file_of(existing.location) if existing is not None else ""
        words = [w for w in item.label.split() if w.lower() not in _SUFFIXES] or [item.label]
        self.imported.people[person_id] = Person(
            person_id,
            item.label,
            words[0],
            words[-1],
            _variants(item.label, item.aliases),
            gender,
            born,
            ENTITY_PAGE + item.qid,
            Location(file, 0, 0),
            wikidata=item.qid,
        )
        return person_id

    def _person_id(self, item: PersonItem) -> str:
        assert item.label is not None
        for person in self.book.people.values():
            if person.wikidata == item.qid:
                return person.id
        wanted = fold_id(item.label) or item.qid.lower()
        existing = self.book.people.get(wanted)
        if existing is not None and existing.wikidata in (None, item.qid):
            return wanted
        if self._taken(wanted) or wanted in self.person_ids.values():
            wanted = f"{wanted}-{item.qid.lower()}"
        return wanted

    def _gender(self, item: PersonItem, person_id: str) -> str | None:
        if not item.genders:
            self.imported.report(item.qid, person_id, "no sex or gender in Wikidata; gender left out")
            return None
        if len(item.genders) > 1:
            self.imported.report(
                item.qid, person_id, f"several sexes or genders ({', '.join(sorted(item.genders))}); gender left out"
            )
            return None
        gender = next(iter(item.genders))
        if gender not in GENDERS:
            self.imported.report(
                item.qid, person_id, f"sex or gender {gender} is neither male nor female; gender left out"
            )
            return None
        return GENDERS[gender]

    def _born(self, item: PersonItem, person_id: str) -> dt.date | None:
        if not item.births:
            self.imported.report(item.qid, person_id, "no date of birth in Wikidata; born left out")
            return None
        days = {time.day() for time in item.births}
        if len(days) > 1:
            shown = ", ".join(sorted(time.describe() for time in item.births))
            self.imported.report(item.qid, person_id, f"several dates of birth ({shown}); born left out")
            return None
        day = days.pop()
        if day is None:
            shown = next(iter(item.births)).describe()
            self.imported.report(item.qid, person_id, f"date of birth is {shown}; born left out")
        return day


def _roles_and_titles(label: str, jurisdiction: Jurisdiction | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """ "Chancellor of Germany" -> role "Chancellor"; a label naming no jurisdiction is a whole title."""
    if jurisdiction is not None:
        lowered = label.casefold()
        for name in jurisdiction.names:
            for suffix in (f" of {name}", f" of the {name}"):
                if lowered.endswith(suffix.casefold()) and len(label) > len(suffix):
                    return (label[: -len(suffix)],), ()
        for adjective in jurisdiction.adjectives:
            if lowered.startswith(f"{adjective.casefold()} ") and len(label) > len(adjective) + 1:
                return (label[len(adjective) + 1 :],), ()
    return (), (label,)


def _variants(label: str, aliases: set[str]) -> tuple[str, ...]:
    """Aliases that spell the whole name: two words or more, ending in the same surname."""
    surname = _last_name_word(label)
    kept = []
    for alias in sorted(aliases):
        words = alias.split()
        if alias == label or len(words) < 2 or any(ch.isdigit() for ch in alias):
            continue
        if _last_name_word(alias) == surname:
            kept.append(alias)
    return tuple(kept)


def _last_name_word(name: str) -> str:
    words = [w for w in name.split() if w.lower().strip(",") not in _SUFFIXES]
    return (words[-1] if words else name).casefold()
