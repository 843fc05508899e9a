"""Merging an import into a rule folder: a readable plan first, and edits only when applied.

The policy: an import adds and corrects, it never erases. A value Wikidata lacks (an end
date, a birth date, an alias) never removes one written by hand; roles, titles and sources
chosen by hand are left alone; a fact or holder marked ``locked: true`` is never changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap

from newslint.rulebook.compare import Change, compare_facts, describe, overlap
from newslint.rulebook.schema import Office, Person, Term
from newslint.rulebook.writer import RuleFile, flow, flow_map, insert_holder
from newslint.wikidata.convert import ENTITY_PAGE, Existing, Imported

_PERSON_FIELDS = frozenset({"name", "variants", "gender", "born", "wikidata"})
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
    for jid, jurisdiction in imported.jurisdictions.items():
        result.changes.append(
            Change("+", "jurisdiction", jid, "", f"added: {describe(jurisdiction)}", None, jurisdiction)
        )
    for person_id, person in imported.people.items():
        old_person = book.people.get(person_id)
        if old_person is None:
            result.changes.append(Change("+", "person", person_id, "", f"added: {describe(person)}", None, person))
        else:
            _sort(result, old_person.locked, (c for c in compare_facts(old_person, person) if _wanted_person(c)))
    for office_id, office in imported.offices.items():
        old_office = book.offices.get(office_id)
        if old_office is None:
            result.changes.append(Change("+", "office", office_id, "", f"added: {describe(office)}", None, office))
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


def _sort(result: Plan, locked: bool, changes: Iterable[Change]) -> None:
    (result.locked if locked else result.changes).extend(changes)


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

    book = existing.rulebook
    by_fact: dict[str, list[Change]] = defaultdict(list)
    for change in result.changes:
        by_fact[change.fact].append(change)
    for jid, jurisdiction in imported.jurisdictions.items():
        entry = CommentedMap(id=jid, names=flow(jurisdiction.names))
        if jurisdiction.adjectives:
            entry["adjectives"] = flow(jurisdiction.adjectives)
        item = imported.jurisdiction_items[jid]
        entry["wikidata"] = item
        entry["source"] = ENTITY_PAGE + item
        rule_file(jurisdiction.location.path).add("jurisdictions", entry)
    for fact_id, changes in by_fact.items():
        kind = changes[0].kind
        if kind == "person":
            person = imported.people[fact_id]
            if fact_id not in book.people:
                rule_file(person.location.path).add("people", _person_entry(person, imported.notes.get(fact_id)))
                continue
            target = rule_file(existing.file_of(book.people[fact_id].location)).entry("people", fact_id)
            if target is not None:
                _edit(target, changes)
        elif kind == "office":
            office = imported.offices[fact_id]
            if fact_id not in book.offices:
                rule_file(office.location.path).add("offices", _office_entry(office, imported.notes.get(fact_id)))
                continue
            target = rule_file(existing.file_of(book.offices[fact_id].location)).entry("offices", fact_id)
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
    if person.variants:
        entry["variants"] = flow(person.variants)
    if person.gender:
        entry["gender"] = person.gender
    if person.born:
        entry["born"] = person.born
    entry["wikidata"] = person.wikidata
    entry["source"] = person.source
    if notes:
        entry["note"] = "; ".join(notes)
    return entry


def _office_entry(office: Office, notes: list[str] | None) -> CommentedMap:
    entry = CommentedMap(id=office.id)
    if office.jurisdiction:
        entry["jurisdiction"] = office.jurisdiction
    if office.roles:
        entry["roles"] = flow(office.roles)
    if office.titles:
        entry["titles"] = flow(office.titles)
    entry["holders"] = [_holder(term) for term in office.holders]
    entry["as_of"] = office.as_of
    entry["wikidata"] = office.wikidata
    entry["source"] = office.source
    if notes:
        entry["note"] = "; ".join(notes)
    return entry
