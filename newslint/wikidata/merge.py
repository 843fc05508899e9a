"""Merging an import into a rule folder: a readable plan first, and edits only when applied.

The policy: an import adds and corrects, it never erases. A value Wikidata lacks (an end
date, a birth date, an alias) never removes one written by hand; roles, titles and sources
chosen by hand are left alone; a fact or holder marked ``locked: true`` is never changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from newslint.rulebook.compare import Change, added, compare_facts, overlap
from newslint.rulebook.schema import Jurisdiction, Membership, Office, Party, Person, Term
from newslint.rulebook.writer import RuleFile, flow, flow_map, insert_holder
from newslint.wikidata.convert import Existing, Imported

_PERSON_FIELDS = frozenset({"name", "variants", "gender", "born", "wikidata", "parties"})
_OFFICE_FIELDS = frozenset({"holders", "as_of", "wikidata"})


@dataclass
class Plan:
    """What applying an import would change, and what it leaves alone because it is locked."""

    changes: list[Change] = field(default_factory=list)
    locked: list[Change] = field(default_factory=list)

    @property
    def fact_changes(self) -> list[Change]:
        """The changes to facts, without the routine move of ``as_of`` to the import date."""
        return [change for change in self.changes if change.field != "as_of"]


def plan(imported: Imported, existing: Existing) -> Plan:
    """The changes that would make the folder agree with the import, by the policy above."""
    result = Plan()
    book = existing.rulebook
    result.changes.extend(added(jurisdiction) for jurisdiction in imported.jurisdictions.values())
    result.changes.extend(added(party) for party in imported.parties.values() if party.id not in book.parties)
    for person in imported.people.values():
        old_person = book.people.get(person.id)
        if old_person is None:
            result.changes.append(added(person))
            continue
        changes = [c for c in compare_facts(old_person, person) if _wanted_person(c)]
        (result.locked if old_person.locked else result.changes).extend(changes)
    for office in imported.offices.values():
        old_office = book.offices.get(office.id)
        if old_office is None:
            result.changes.append(added(office))
            continue
        changes = [c for c in compare_facts(old_office, office) if _wanted_office(c)]
        if old_office.locked:
            result.locked.extend(changes)
            continue
        locked_terms = [term for term in old_office.holders if term.locked]
        for change in changes:
            held_by_hand = isinstance(change.old, Term) and change.old.locked
            # a new holder that would overlap a locked term waits for a human too
            blocked = (
                change.old is None
                and isinstance(change.new, Term)
                and any(overlap(change.new, term) for term in locked_terms)
            )
            (result.locked if held_by_hand or blocked else result.changes).append(change)
    return result


def _wanted_person(change: Change) -> bool:
    if change.field not in _PERSON_FIELDS or change.sign == "-":
        return False
    return change.new is not None  # Wikidata's gap never erases a hand-written value


def _wanted_office(change: Change) -> bool:
    if change.field not in _OFFICE_FIELDS or change.sign == "-" or change.new is None:
        return False
    if change.field == "as_of":
        return change.new > change.old
    if change.field == "holders" and isinstance(change.old, Term) and isinstance(change.new, Term):
        return not (change.new.end is None and change.old.end is not None)  # a missing end erases nothing
    return True


def render(imported: Imported, existing: Existing, result: Plan, heading: str) -> dict[str, str]:
    """The new text of every rule file the plan touches, keyed by its path in the folder."""
    files: dict[str, RuleFile] = {}

    def rule_file(name: str) -> RuleFile:
        if name not in files:
            files[name] = RuleFile(existing.folder / name, heading)
        return files[name]

    by_fact: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for change in result.changes:
        by_fact[(change.kind, change.fact)].append(change)
    for (kind, fact_id), changes in by_fact.items():
        section, make_entry = _SECTIONS[kind]
        old_fact = getattr(existing.rulebook, section).get(fact_id)
        if old_fact is None:
            new_fact = getattr(imported, section)[fact_id]
            rule_file(new_fact.location.path).add(section, make_entry(new_fact, imported.notes.get(fact_id)))
            continue
        target = rule_file(existing.file_of(old_fact.location)).entry(section, fact_id)
        if target is not None:
            _edit(target, changes)
    return {name: text for name, rule in files.items() if (text := rule.text()) != rule.original}


def _edit(entry: CommentedMap, changes: list[Change]) -> None:
    for change in changes:
        if change.field == "variants":
            if "variants" not in entry:
                entry.insert(_after(entry, "name"), "variants", flow([]))
            entry["variants"].append(change.new)
        elif change.field == "holders":
            _edit_holder(entry, change)
        elif change.field == "parties":
            if "parties" not in entry:
                entry.insert(_after(entry, "born", "gender", "variants", "name"), "parties", [])
            entry["parties"].append(_membership(change.new))
        elif change.field == "wikidata":
            entry.insert(_after(entry, "as_of", "born", "gender", "variants", "name"), "wikidata", change.new)
        else:
            entry[change.field] = change.new


def _edit_holder(entry: CommentedMap, change: Change) -> None:
    new: Term = change.new
    if change.old is None:
        insert_holder(entry["holders"], _holder(new))
        return
    old: Term = change.old
    for holder in entry["holders"]:
        if holder.get("person") == old.person and holder.get("from") == old.start:
            holder["from"] = new.start
            if new.end is not None:
                holder["until"] = new.end
            return


def _after(entry: CommentedMap, *keys: str) -> int:
    """The position just after the first of ``keys`` the entry has (else the end)."""
    names = list(entry)
    for key in keys:
        if key in names:
            return names.index(key) + 1
    return len(names)


def _holder(term: Term) -> CommentedMap:
    pairs: dict[str, object] = {"person": term.person, "from": term.start}
    if term.end is not None:
        pairs["until"] = term.end
    return flow_map(pairs)


def _person_entry(person: Person, notes: list[str] | None) -> CommentedMap:
    entry = CommentedMap(id=person.id, name=person.name)
    words = person.name.split()
    if person.given != words[0]:
        entry["given"] = person.given
    if person.surname != words[-1]:
        entry["surname"] = person.surname
    if person.variants:
        entry["variants"] = flow(person.variants)
    if person.gender:
        entry["gender"] = person.gender
    if person.born:
        entry["born"] = person.born
    if person.parties:
        entry["parties"] = [_membership(m) for m in person.parties]
    if person.wikidata:
        entry["wikidata"] = person.wikidata
    entry["source"] = person.source
    if notes:
        entry["note"] = "; ".join(notes)
    return entry


def _membership(membership: Membership) -> CommentedMap:
    pairs: dict[str, object] = {"party": membership.party}
    if membership.start is not None:
        pairs["from"] = membership.start
    if membership.end is not None:
        pairs["until"] = membership.end
    if membership.caucus is not None:
        pairs["caucus"] = membership.caucus
    return flow_map(pairs)


def _party_entry(party: Party, notes: list[str] | None) -> CommentedMap:
    entry = CommentedMap(id=party.id, names=flow(party.names))
    if party.adjectives:
        entry["adjectives"] = flow(party.adjectives)
    if party.abbreviations:
        entry["abbreviations"] = flow(party.abbreviations)
    entry["source"] = party.source
    return entry


def _jurisdiction_entry(jurisdiction: Jurisdiction, notes: list[str] | None) -> CommentedMap:
    entry = CommentedMap(id=jurisdiction.id, names=flow(jurisdiction.names))
    if jurisdiction.adjectives:
        entry["adjectives"] = flow(jurisdiction.adjectives)
    if jurisdiction.wikidata:
        entry["wikidata"] = jurisdiction.wikidata
    entry["source"] = jurisdiction.source
    return entry


def _office_entry(office: Office, notes: list[str] | None) -> CommentedMap:
    entry = CommentedMap(id=office.id)
    if office.jurisdiction:
        entry["jurisdiction"] = office.jurisdiction
    if office.roles:
        entry["roles"] = flow(office.roles)
    if office.titles:
        entry["titles"] = flow(office.titles)
    if office.seats != 1:
        entry["seats"] = office.seats
    if office.government:
        entry["government"] = office.government
    if office.head:
        entry["head"] = office.head
    entry["holders"] = [_holder(term) for term in office.holders]
    entry["as_of"] = office.as_of
    if office.wikidata:
        entry["wikidata"] = office.wikidata
    entry["source"] = office.source
    if notes:
        entry["note"] = "; ".join(notes)
    if office.examples:
        entry["examples"] = [
            flow_map({"text": e.text, "date": e.date, "expect": flow(e.expect)}) for e in office.examples
        ]
    return entry


# how a fact of each kind is written: the section it goes in, and its new entry
_SECTIONS: dict[str, tuple[str, Callable[[Any, list[str] | None], CommentedMap]]] = {
    "jurisdiction": ("jurisdictions", _jurisdiction_entry),
    "person": ("people", _person_entry),
    "office": ("offices", _office_entry),
    "party": ("parties", _party_entry),
}
