"""Rule facts from the public-domain congress-legislators data set: every current member of the
US Congress, with their terms as Senator or Representative, one file per state; and every
President and Vice President with their terms (executive.yaml).

The data set (https://github.com/unitedstates/congress-legislators) gives each member's name
parts, birthday, gender, ids and every term (type, start, end, state, district, party). A
current term's ``end`` is its scheduled end: it is written only when it lies on or before
the import's ``as_of``, so a scheduled end is never stated as a fact.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from newslint.rulebook.loader import fold_id, office_label
from newslint.rulebook.schema import (
    Example,
    Jurisdiction,
    Location,
    Membership,
    Office,
    Party,
    Person,
    Rulebook,
    Term,
)
from newslint.rulebook.usstates import STATES
from newslint.wikidata.convert import Imported

FOLDER = "us-congress"
BIOGUIDE = "https://bioguide.congress.gov/search/bio/"
SENATE_SOURCE = "https://www.senate.gov/senators/"
HOUSE_SOURCE = "https://www.house.gov/representatives"
STATE_SOURCE = "https://www.census.gov/library/reference/code-lists/ansi.html"
PRESIDENTS_SOURCE = "https://www.whitehouse.gov/about-the-white-house/presidents/"
VICE_PRESIDENTS_SOURCE = "https://www.senate.gov/about/officers-staff/vice-president.htm"
EXECUTIVE_FILE = f"{FOLDER}/executive.yaml"

# A state name that is also a city or a country gets a longer form only.
_AMBIGUOUS = {"WA": ("Washington state", "State of Washington"), "GA": ("the state of Georgia", "Georgia state")}
_SENATE_ROLES = ("Senator", "Sen", "U.S. Senator", "US Senator")
_HOUSE_ROLES = ("Representative", "Rep", "Congressman", "Congresswoman", "Congressmember", "Delegate")
_GENDERS = {"M": "male", "F": "female"}
# The data set's party names, and the parties they are.
_PARTY_IDS = {"Democrat": "us-democratic", "Republican": "us-republican", "Independent": "us-independent"}
_PARTIES = (
    Party("us-democratic", ("Democratic Party", "Democrats"), ("Democratic", "Democrat"), ("D",),
          "https://democrats.org/", Location(f"{FOLDER}/parties.yaml", 0, 0)),
    Party("us-republican", ("Republican Party", "Republicans", "GOP"), ("Republican",), ("R",),
          "https://gop.com/", Location(f"{FOLDER}/parties.yaml", 0, 0)),
    Party("us-independent", ("independents",), ("Independent",), ("I",),
          "https://www.senate.gov/history/partydiv.htm", Location(f"{FOLDER}/parties.yaml", 0, 0)),
)  # fmt: skip
_JOIN = dt.timedelta(days=31)  # a new term starts at the swearing-in, days after the last one's scheduled end


class DataError(ValueError):
    """A data set file that cannot be read as the data set's format."""


def read_legislators(folder: Path) -> list[dict[str, Any]]:
    return _read_list(folder / "legislators-current.yaml")


def read_executive(folder: Path) -> list[dict[str, Any]]:
    return _read_list(folder / "executive.yaml")


def _read_list(path: Path) -> list[dict[str, Any]]:
    import yaml

    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise DataError(f"{path}: {error}") from None
    if not isinstance(loaded, list):
        raise DataError(f"{path}: expected a list of people")
    return loaded


def convert(
    legislators: list[dict[str, Any]],
    as_of: dt.date,
    known: Rulebook,
    folder: Rulebook,
    executive: list[dict[str, Any]] | None = None,
) -> Imported:
    """Jurisdictions for the states, a Senate and a House office for each, and the members;
    with ``executive``, the presidency and vice presidency and everyone who held them.

    People already in ``known`` (the rest of the rulebook; matched by Wikidata item, then by
    id) are referred to, not written again; jurisdictions already in ``folder`` are kept.
    """
    imported = Imported()
    by_wikidata = {p.wikidata: p.id for p in known.people.values() if p.wikidata}
    terms: dict[tuple[str, str], list[Term]] = defaultdict(list)  # (state, sen|rep) -> terms
    for member in sorted(legislators, key=_sort_key):
        person = _person(member, as_of)
        if person is None:
            continue
        state = str(member["terms"][-1]["state"])
        file = f"{FOLDER}/{state.lower()}.yaml"
        existing_id = by_wikidata.get(person.wikidata or "") or (person.id if person.id in known.people else None)
        person_id = existing_id or person.id
        if existing_id is None:
            imported.people[person_id] = replace(person, location=Location(file, 0, 0))
        for term in member["terms"]:
            kind = term.get("type")
            if kind not in ("sen", "rep"):
                continue
            start, end = _date(term.get("start")), _date(term.get("end"))
            if start is None or start > as_of:
                continue
            until = end if end is not None and end <= as_of else None
            terms[(str(term["state"]), kind)].append(Term(person_id, start, until, Location(file, 0, 0)))
    for party in _PARTIES:
        if party.id not in folder.parties and party.id not in known.parties:
            imported.parties[party.id] = party
    for state in sorted({state for state, _ in terms}):
        if state not in STATES:
            continue
        jurisdiction = _jurisdiction(state)
        if jurisdiction.id not in folder.jurisdictions:
            imported.jurisdictions[jurisdiction.id] = jurisdiction
        places = Rulebook(jurisdictions={jurisdiction.id: jurisdiction})
        for kind in ("sen", "rep"):
            held = _merged(terms.get((state, kind), []))
            if held:
                office = _office(state, kind, held, as_of, imported, known)
                imported.offices[office.id] = replace(office, label=office_label(office, places))
    if executive:
        _add_executive(executive, as_of, known, imported, by_wikidata)
    return imported


# The two offices of executive.yaml: (term type, id, roles, title, source).
_EXECUTIVE_OFFICES = (
    ("prez", "us-president", ("President",), "President of the United States", PRESIDENTS_SOURCE),
    ("viceprez", "us-vice-president", ("Vice President", "Vice-President", "VP"),
     "Vice President of the United States", VICE_PRESIDENTS_SOURCE),
)  # fmt: skip


def _add_executive(
    executive: list[dict[str, Any]], as_of: dt.date, known: Rulebook, imported: Imported, by_wikidata: dict[str, str]
) -> None:
    """Every President and Vice President, and the two offices with all their terms."""
    people = [(member, _executive_person(member, as_of)) for member in executive]
    # two people of one name ("John Adams", "George Bush") are told apart by their middle initials
    names = Counter(person.name for _, person in people if person is not None)
    terms: dict[str, list[Term]] = defaultdict(list)
    for member, person in people:
        if person is None:
            continue
        existing_id = by_wikidata.get(person.wikidata or "")
        namesake = known.people.get(person.id) or imported.people.get(person.id)
        if existing_id is None and namesake is not None and namesake.born not in (None, person.born):
            # another person of that name (Senator John Kennedy, not President John F. Kennedy)
            names[person.name] += 1
        elif existing_id is None and namesake is not None:
            existing_id = person.id
        if names[person.name] > 1 and (initialled := _with_initials(member)) != person.name:
            person = replace(person, id=fold_id(initialled), name=initialled,
                             variants=tuple(v for v in person.variants if v != initialled))  # fmt: skip
        person_id = existing_id or person.id
        if existing_id is None:
            imported.people[person_id] = replace(person, location=Location(EXECUTIVE_FILE, 0, 0))
        for term in member.get("terms") or []:
            start, end = _date(term.get("start")), _date(term.get("end"))
            if term.get("type") in ("prez", "viceprez") and start is not None and start <= as_of:
                until = end if end is not None and end <= as_of else None
                terms[str(term["type"])].append(Term(person_id, start, until, Location(EXECUTIVE_FILE, 0, 0)))
    places = Rulebook(jurisdictions={j.id: j for j in known.jurisdictions.values() if j.id == "us"})
    for kind, office_id, roles, title, source in _EXECUTIVE_OFFICES:
        held = _merged(terms.get(kind, []))
        if not held:
            continue
        office = Office(
            office_id,
            "us" if places.jurisdictions else None,
            roles,
            (title,),
            1,
            "administration" if kind == "prez" else None,
            tuple(held),
            as_of,
            source,
            Location(EXECUTIVE_FILE, 0, 0),
            examples=_executive_examples(office_id, roles[0], held, as_of, imported, known),
            head="state and government" if kind == "prez" else None,
        )
        imported.offices[office_id] = replace(office, label=office_label(office, places))


def _executive_person(member: dict[str, Any], as_of: dt.date) -> Person | None:
    """A President or Vice President as newsrooms name them: "Joe Biden", not "Joseph R. Biden Jr."."""
    parts = _name_parts(member)
    if parts is None:
        return None
    name, first, last, given = parts
    full = f"{given} {last}"
    suffix = f" {name['suffix']}" if name.get("suffix") else ""
    variants = [str(name.get("official_full") or ""), _with_initials(member), f"{first} {last}"]
    if name.get("middle"):
        variants.append(f"{first} {name['middle']} {last}")
    if suffix:
        variants.append(full + suffix)
    bioguide = (member.get("id") or {}).get("bioguide")
    president = any(t.get("type") == "prez" for t in member.get("terms") or [])
    source = BIOGUIDE + str(bioguide) if bioguide else PRESIDENTS_SOURCE if president else VICE_PRESIDENTS_SOURCE
    return _built_person(member, as_of, full, given, variants, source)


def _with_initials(member: dict[str, Any]) -> str:
    """The name with the middle names as initials: "George H. W. Bush", "John Q. Adams"."""
    name = member.get("name") or {}
    given = str(name.get("nickname") or name.get("first"))
    middle = str(name.get("middle") or "")
    initials = " ".join(f"{part[0]}." for part in middle.replace(".", " ").split())
    return " ".join(part for part in (given, initials, str(name.get("last"))) if part)


def _executive_examples(
    office_id: str, role: str, held: list[Term], as_of: dt.date, imported: Imported, known: Rulebook
) -> tuple[Example, ...]:
    """The holder on ``as_of`` is right; the one before them, given the title on that day, is not."""
    def name(term: Term) -> str:
        return (imported.people.get(term.person) or known.people[term.person]).name

    current = [t for t in held if t.holds(as_of)]
    examples = []
    if current:
        examples.append(Example(f"US {role} {name(current[0])} spoke in Washington.", as_of, (), office_id,
                                Location("", 0, 0)))  # fmt: skip
        before = [t for t in held if t.end is not None and t.end <= current[0].start and t.person != current[0].person]
        if before:
            examples.append(Example(f"US {role} {name(before[-1])} spoke in Washington.", as_of, ("NL202",),
                                    office_id, Location("", 0, 0)))  # fmt: skip
    return tuple(examples)


def _sort_key(member: dict[str, Any]) -> tuple[str, str]:
    return str(member["terms"][-1]["state"]), str(member.get("id", {}).get("bioguide", ""))


def _person(member: dict[str, Any], as_of: dt.date) -> Person | None:
    parts = _name_parts(member)
    if parts is None:
        return None
    name, first, last, given = parts
    full = f"{given} {last}"
    if name.get("suffix"):
        full = f"{full} {name['suffix']}"
    official = str(name.get("official_full") or "")
    source = BIOGUIDE + str((member.get("id") or {}).get("bioguide", ""))
    return _built_person(member, as_of, full, given, [official, f"{first} {last}"], source)


def _name_parts(member: dict[str, Any]) -> tuple[dict[str, Any], str, str, str] | None:
    """The record's name fields, first and last name, and the given name it goes by (a
    nickname first); None without a first and a last name."""
    name = member.get("name") or {}
    first, last = name.get("first"), name.get("last")
    if not first or not last:
        return None
    return name, str(first), str(last), str(name.get("nickname") or first)


def _built_person(
    member: dict[str, Any], as_of: dt.date, full: str, given: str, variants: list[str], source: str
) -> Person:
    """A person entry from a data set record, named ``full``, with the given spellings as variants."""
    bio = member.get("bio") or {}
    wikidata = (member.get("id") or {}).get("wikidata")
    return Person(
        fold_id(full),
        full,
        given,
        str(member["name"]["last"]),
        tuple(v for v in dict.fromkeys(variants) if v and v != full),
        _GENDERS.get(str(bio.get("gender", ""))),
        _date(bio.get("birthday")),
        source,
        Location("", 0, 0),
        wikidata=str(wikidata) if wikidata else None,
        parties=_memberships(member.get("terms") or [], as_of),
    )


def _memberships(terms: list[dict[str, Any]], as_of: dt.date) -> tuple[Membership, ...]:
    """Party memberships from the terms (and party changes within a term), joined across terms."""
    spans: list[Membership] = []
    for term in terms:
        changes = term.get("party_affiliations")
        for piece in changes or [term]:
            party = _PARTY_IDS.get(str(piece.get("party")))
            start, end = _date(piece.get("start")), _date(piece.get("end"))
            if changes and end is not None:
                end += dt.timedelta(days=1)  # a change's end is its last day; a term's, its first day out
            if party is None or start is None or start > as_of:
                continue
            caucus = _PARTY_IDS.get(str(piece.get("caucus") or term.get("caucus")))
            until = end if end is not None and end <= as_of else None
            last = spans[-1] if spans else None
            same = last is not None and (last.party, last.caucus) == (party, caucus if caucus != party else None)
            if same and last is not None and last.end is not None and start <= last.end + _JOIN:
                spans[-1] = replace(last, end=until)
            else:
                spans.append(Membership(party, start, until, caucus if caucus != party else None))
    return tuple(spans)


def _jurisdiction(state: str) -> Jurisdiction:
    name, _ = STATES[state]
    names = _AMBIGUOUS.get(state, (name,))
    location = Location(f"{FOLDER}/{state.lower()}.yaml", 0, 0)
    return Jurisdiction(f"us-{state.lower()}", names, (), location, STATE_SOURCE)


def _merged(terms: list[Term]) -> list[Term]:
    """One person's back-to-back terms as one ("from 2019-01-03 to 2025-01-03, then on")."""
    merged: list[Term] = []
    for term in sorted(terms, key=lambda t: (t.person, t.start)):
        last = merged[-1] if merged else None
        if last is not None and last.person == term.person and last.end is not None:
            if term.start <= last.end + _JOIN:
                merged[-1] = replace(last, end=None if term.end is None else max(term.end, last.end))
                continue
        merged.append(term)
    return sorted(merged, key=lambda t: (t.start, t.person))


def _office(state: str, kind: str, terms: list[Term], as_of: dt.date, imported: Imported, known: Rulebook) -> Office:
    name, _ = STATES[state]
    senate = kind == "sen"
    office_id = f"us-{state.lower()}-{'senator' if senate else 'representative'}"
    title = f"senator from {name}" if senate else f"representative from {name}"
    current = [t for t in terms if t.end is None]
    person_id = current[0].person if current else terms[-1].person
    person = imported.people.get(person_id) or known.people[person_id]
    role = "Senator" if senate else "Representative"
    examples = (Example(f"{role} {person.name} spoke to reporters.", as_of, (), office_id, Location("", 0, 0)),)
    return Office(
        office_id,
        f"us-{state.lower()}",
        _SENATE_ROLES if senate else _HOUSE_ROLES,
        (title,),
        2 if senate else _concurrent(terms),
        None,
        tuple(terms),
        as_of,
        SENATE_SOURCE if senate else HOUSE_SOURCE,
        Location(f"{FOLDER}/{state.lower()}.yaml", 0, 0),
        examples=examples,
    )


def _concurrent(terms: list[Term]) -> int:
    """The most terms that overlap on any day: a state's seats, as far as the data shows."""
    events = sorted([(t.start, 1) for t in terms] + [(t.end, -1) for t in terms if t.end is not None])
    best = current = 0
    for _, step in events:
        current += step
        best = max(best, current)
    return max(best, 1)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
