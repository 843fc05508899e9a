"""Loading rule files into a validated Rulebook; every mistake is reported at its position."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

import regex
import yaml

from newslint.files import FileTooLarge, SpecialFile, read_regular
from newslint.rulebook.index import PARTICLES as _PARTICLES
from newslint.rulebook.paths import bundled_rules_dir, rule_files
from newslint.rulebook.schema import (
    HEADS,
    Count,
    CountValue,
    Event,
    Example,
    Jurisdiction,
    Location,
    Membership,
    Office,
    Party,
    Person,
    Rulebook,
    StyleRule,
    Term,
)
from newslint.rulebook.yamlnodes import (
    MAX_FILE_BYTES,
    FileReader,
    Invalid,
    RulebookError,
    RuleError,
)
from newslint.text import phrase_keys

SECTIONS = ("jurisdictions", "people", "offices", "events", "counts", "style", "parties")
_ID = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CODE = regex.compile(r"^NL\d{3}$")
_QID = regex.compile(r"^Q[1-9][0-9]*$")
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def load_rulebook(paths: Iterable[str | os.PathLike[str]] | None = None) -> Rulebook:
    """Load and validate rule files or folders (default: the bundled rulebook).

    Raises ``RulebookError`` listing every mistake as ``PATH:LINE:COL: message``.
    """
    files = rule_files([bundled_rules_dir()] if paths is None else paths)
    errors: list[RuleError] = []
    builder = _Builder(errors)
    for path in files:
        builder.read_file(path)
    builder.validate()
    if errors:
        # a node reached through several aliases is reported once
        raise RulebookError(list({str(error): error for error in errors}.values()))
    return builder.rulebook


class _Builder:
    """Reads files into one Rulebook, then checks what spans files (references, duplicates)."""

    def __init__(self, errors: list[RuleError]) -> None:
        self.errors = errors
        self.rulebook = Rulebook()
        self.ids: dict[str, Location] = {}
        self.holder_nodes: list[tuple[FileReader, yaml.Node, Term]] = []
        self.jurisdiction_refs: list[tuple[FileReader, yaml.Node, str]] = []
        self.party_refs: list[tuple[FileReader, yaml.Node, str]] = []
        self.files: list[str] = []

    def read_file(self, path: Path) -> None:
        name = display_path(path)
        self.files.append(name)
        reader = FileReader(name, self.errors)
        try:
            text = read_regular(str(path), MAX_FILE_BYTES).decode("utf-8")
        except SpecialFile as error:
            self.errors.append(RuleError(Location(name, 1, 1), f"is {error.kind}, not a rule file"))
            return
        except FileTooLarge as error:
            self.errors.append(RuleError(Location(name, 1, 1), f"rule file is too large ({error})"))
            return
        except FileNotFoundError:
            self.errors.append(RuleError(Location(name, 1, 1), "no such rule file or folder"))
            return
        except (OSError, UnicodeDecodeError) as error:
            self.errors.append(RuleError(Location(name, 1, 1), f"cannot read rule file: {error}"))
            return
        root = reader.compose(text)
        if root is None:
            return
        try:
            sections = reader.mapping(root, "a rule file", SECTIONS)
        except Invalid:
            return
        for section, node in sections.items():
            try:
                items = list(reader.sequence(node, f"'{section}'"))
            except Invalid:
                continue
            for item in items:
                try:
                    getattr(self, f"_read_{section}")(reader, item)
                except Invalid:
                    continue

    # -- one reader per section ------------------------------------------------------------

    def _claim_id(self, reader: FileReader, entries: dict[str, yaml.Node], node: yaml.Node) -> str:
        fact_id = reader.string(entries["id"], "id") if "id" in entries else None
        if fact_id is None:
            raise Invalid("no id")
        if not _ID.match(fact_id):
            raise reader.error(entries["id"], f"id '{fact_id}' must be lower-case letters, digits and hyphens")
        if fact_id in self.ids:
            raise reader.error(entries["id"], f"duplicate id '{fact_id}' (first defined at {self.ids[fact_id]})")
        self.ids[fact_id] = reader.where(entries["id"])
        return fact_id

    def _read_jurisdictions(self, reader: FileReader, node: yaml.Node) -> None:
        entries = reader.mapping(
            node, "a jurisdiction", ("id", "names", "adjectives", "source", "wikidata", "note"), ("id", "names")
        )
        jid = reader.string(entries["id"], "id") if "id" in entries else ""
        if not _ID.match(jid):
            raise reader.error(entries.get("id", node), f"id '{jid}' must be lower-case letters, digits and hyphens")
        if jid in self.rulebook.jurisdictions:
            raise reader.error(
                entries["id"],
                f"duplicate jurisdiction '{jid}' (first defined at {self.rulebook.jurisdictions[jid].location})",
            )
        source = reader.url(entries["source"]) if "source" in entries else ""
        names = reader.phrases(entries["names"], "names") if "names" in entries else ()
        adjectives = reader.phrases(entries["adjectives"], "adjectives") if "adjectives" in entries else ()
        self.rulebook.jurisdictions[jid] = Jurisdiction(
            jid, names, adjectives, reader.where(node), source, _wikidata_id(reader, entries)
        )

    def _read_people(self, reader: FileReader, node: yaml.Node) -> None:
        keys = (
            "id",
            "name",
            "given",
            "surname",
            "variants",
            "gender",
            "born",
            "source",
            "examples",
            "note",
            "wikidata",
            "locked",
            "rejected_given",
            "died",
            "parties",
        )
        entries = reader.mapping(node, "a person", keys, ("id", "name", "source"))
        person_id = self._claim_id(reader, entries, node)
        name = reader.phrase(entries["name"], "name")
        words = [w for w in name.split() if w.lower() not in _NAME_SUFFIXES]
        given = reader.string(entries["given"], "given") if "given" in entries else words[0]
        surname = reader.string(entries["surname"], "surname") if "surname" in entries else _default_surname(words)
        variants = reader.phrases(entries["variants"], "variants") if "variants" in entries else ()
        gender = None
        if "gender" in entries:
            gender = reader.string(entries["gender"], "gender")
            if gender not in ("male", "female"):
                raise reader.error(
                    entries["gender"], f"gender must be 'male' or 'female', not '{gender}' (omit it when unknown)"
                )
        born = reader.date(entries["born"], "born") if "born" in entries else None
        died = reader.date(entries["died"], "died") if "died" in entries else None
        if died is not None and born is not None and died < born:
            raise reader.error(entries["died"], f"'died' ({died.isoformat()}) is before 'born' ({born.isoformat()})")
        rejected = reader.strings(entries["rejected_given"], "rejected_given") if "rejected_given" in entries else ()
        memberships = self._memberships(reader, entries["parties"]) if "parties" in entries else ()
        source = reader.url(entries["source"])
        examples = self._examples(reader, entries, person_id)
        people = self.rulebook.people
        assert isinstance(people, dict)  # a table being loaded, not one read from the cache
        people[person_id] = Person(
            person_id,
            name,
            given,
            surname,
            variants,
            gender,
            born,
            source,
            reader.where(node),
            examples,
            _wikidata_id(reader, entries),
            _locked(reader, entries),
            rejected,
            died,
            memberships,
        )

    def _memberships(self, reader: FileReader, node: yaml.Node) -> tuple[Membership, ...]:
        found = []
        for item in reader.sequence(node, "parties"):
            keys = ("party", "from", "until", "caucus", "note")
            entries = reader.mapping(item, "a party membership", keys, ("party",))
            party = reader.string(entries["party"], "party")
            start = reader.date(entries["from"], "from") if "from" in entries else None
            end = reader.date(entries["until"], "until") if "until" in entries else None
            if start is not None and end is not None and end <= start:
                raise reader.error(entries["until"], "'until' must be after 'from'")
            caucus = reader.string(entries["caucus"], "caucus") if "caucus" in entries else None
            for key, value in (("party", party), ("caucus", caucus)):
                if value is not None:
                    self.party_refs.append((reader, entries[key], value))
            found.append(Membership(party, start, end, caucus))
        return tuple(found)

    def _read_parties(self, reader: FileReader, node: yaml.Node) -> None:
        keys = ("id", "names", "adjectives", "abbreviations", "source", "examples", "note")
        entries = reader.mapping(node, "a party", keys, ("id", "names", "source"))
        party_id = self._claim_id(reader, entries, node)
        self.rulebook.parties[party_id] = Party(
            party_id,
            reader.phrases(entries["names"], "names"),
            reader.phrases(entries["adjectives"], "adjectives") if "adjectives" in entries else (),
            reader.phrases(entries["abbreviations"], "abbreviations") if "abbreviations" in entries else (),
            reader.url(entries["source"]),
            reader.where(node),
            self._examples(reader, entries, party_id),
        )

    def _read_offices(self, reader: FileReader, node: yaml.Node) -> None:
        keys = (
            "id",
            "jurisdiction",
            "roles",
            "titles",
            "seats",
            "government",
            "holders",
            "as_of",
            "source",
            "examples",
            "note",
            "label",
            "title_kept",
            "head",
            "wikidata",
            "locked",
        )
        entries = reader.mapping(node, "an office", keys, ("id", "holders", "as_of", "source"))
        office_id = self._claim_id(reader, entries, node)
        jurisdiction = reader.string(entries["jurisdiction"], "jurisdiction") if "jurisdiction" in entries else None
        if jurisdiction is not None:
            self.jurisdiction_refs.append((reader, entries["jurisdiction"], jurisdiction))
        roles = reader.phrases(entries["roles"], "roles") if "roles" in entries else ()
        titles = reader.phrases(entries["titles"], "titles") if "titles" in entries else ()
        if not roles and not titles:
            raise reader.error(node, "an office needs 'roles' or 'titles'")
        if roles and jurisdiction is None:
            raise reader.error(entries["roles"], "'roles' need a 'jurisdiction' to build titles from")
        seats = reader.integer(entries["seats"], "seats", 1) if "seats" in entries else 1
        government = reader.string(entries["government"], "government") if "government" in entries else None
        holders = []
        for holder_node in reader.sequence(entries["holders"], "holders"):
            try:
                holders.append(self._term(reader, holder_node))
            except Invalid:
                continue
        holders.sort(key=lambda term: term.start)
        label = reader.string(entries["label"], "label") if "label" in entries else ""
        title_kept = reader.boolean(entries["title_kept"], "title_kept") if "title_kept" in entries else False
        head = reader.string(entries["head"], "head") if "head" in entries else None
        if head is not None and head not in HEADS:
            raise reader.error(entries["head"], f"head must be one of {', '.join(map(repr, HEADS))}, not '{head}'")
        office = Office(
            office_id,
            jurisdiction,
            roles,
            titles,
            seats,
            government,
            tuple(holders),
            reader.date(entries["as_of"], "as_of"),
            reader.url(entries["source"]),
            reader.where(node),
            label,
            self._examples(reader, entries, office_id),
            title_kept,
            _wikidata_id(reader, entries),
            _locked(reader, entries),
            head,
        )
        self.rulebook.offices[office_id] = office

    def _term(self, reader: FileReader, node: yaml.Node) -> Term:
        entries = reader.mapping(
            node, "a holder", ("person", "elected", "from", "until", "note", "source", "locked"), ("person", "from")
        )
        person = reader.string(entries["person"], "person")
        start = reader.date(entries["from"], "from")
        end = reader.date(entries["until"], "until") if "until" in entries else None
        if "source" in entries:
            reader.url(entries["source"])
        if end is not None and end <= start:
            raise reader.error(
                entries["until"], f"'until' ({end.isoformat()}) must be after 'from' ({start.isoformat()})"
            )
        elected = reader.date(entries["elected"], "elected") if "elected" in entries else None
        if elected is not None and elected > start:
            raise reader.error(
                entries["elected"], f"'elected' ({elected.isoformat()}) must not be after 'from' ({start.isoformat()})"
            )
        term = Term(person, start, end, reader.where(node), _locked(reader, entries), elected)
        self.holder_nodes.append((reader, entries["person"], term))
        return term

    def _check_overlaps(self, holders: list[Term], seats: int) -> None:
        for i, term in enumerate(holders):
            concurrent = [other for other in holders[:i] if other.end is None or other.end > term.start]
            if len(concurrent) >= seats:
                other = concurrent[-1]
                self.errors.append(
                    RuleError(
                        term.location,
                        f"term of '{term.person}' from {term.start.isoformat()} overlaps the term of "
                        f"'{other.person}' ({other.describe()}) in an office with {seats} seat"
                        + ("" if seats == 1 else "s"),
                    )
                )

    def _read_events(self, reader: FileReader, node: yaml.Node) -> None:
        entries = reader.mapping(
            node,
            "an event",
            ("id", "date", "phrases", "except", "source", "examples", "note"),
            ("id", "date", "phrases", "source"),
        )
        event_id = self._claim_id(reader, entries, node)
        value = reader.scalar(entries["date"])
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2200:
            year, date = value, None
        else:
            date = reader.date(entries["date"], "date (a date YYYY-MM-DD or a year)")
            year = date.year
        phrases = self._phrases(reader, entries["phrases"], "phrases")
        exceptions = reader.phrases(entries["except"], "except") if "except" in entries else ()
        self.rulebook.events[event_id] = Event(
            event_id,
            year,
            date,
            phrases,
            reader.url(entries["source"]),
            reader.where(node),
            self._examples(reader, entries, event_id),
            exceptions,
        )

    def _read_counts(self, reader: FileReader, node: yaml.Node) -> None:
        entries = reader.mapping(
            node,
            "a count",
            ("id", "phrases", "values", "source", "examples", "note"),
            ("id", "phrases", "values", "source"),
        )
        count_id = self._claim_id(reader, entries, node)
        phrases = self._phrases(reader, entries["phrases"], "phrases")
        for phrase, phrase_node in zip(phrases, _items(entries["phrases"]), strict=False):
            if phrase.count("{n}") != 1:
                self.errors.append(
                    RuleError(reader.where(phrase_node), f"count phrase '{phrase}' must contain {{n}} once")
                )
        values = []
        for value_node in reader.sequence(entries["values"], "values"):
            try:
                value_entries = reader.mapping(value_node, "a count value", ("value", "from", "until"), ("value",))
                start = reader.date(value_entries["from"], "from") if "from" in value_entries else None
                end = reader.date(value_entries["until"], "until") if "until" in value_entries else None
                if start and end and end <= start:
                    raise reader.error(value_entries["until"], "'until' must be after 'from'")
                values.append(CountValue(reader.integer(value_entries["value"], "value"), start, end))
            except Invalid:
                continue
        self.rulebook.counts[count_id] = Count(
            count_id,
            phrases,
            tuple(values),
            reader.url(entries["source"]),
            reader.where(node),
            self._examples(reader, entries, count_id),
        )

    def _read_style(self, reader: FileReader, node: yaml.Node) -> None:
        entries = reader.mapping(
            node,
            "a style entry",
            ("id", "use", "instead_of", "except", "source", "examples", "note"),
            ("use", "instead_of", "source"),
        )
        use = reader.phrase(entries["use"], "use")
        style_id = self._claim_id(reader, entries, node) if "id" in entries else f"style-{fold_id(use)}"
        instead_of = self._phrases(reader, entries["instead_of"], "instead_of")
        exceptions = reader.phrases(entries["except"], "except") if "except" in entries else ()
        self.rulebook.style[style_id] = StyleRule(
            style_id,
            use,
            instead_of,
            exceptions,
            reader.url(entries["source"]),
            reader.where(node),
            self._examples(reader, entries, style_id),
        )

    def _phrases(self, reader: FileReader, node: yaml.Node, what: str) -> tuple[str, ...]:
        phrases = reader.phrases(node, what)
        for phrase, item in zip(phrases, _items(node), strict=False):
            keys = [k for k in phrase_keys(phrase.replace("{n}", "0")) if k.isalnum() or k == "0"]
            if not keys or (len(keys) == 1 and len(keys[0]) < 2):
                self.errors.append(RuleError(reader.where(item), f"phrase '{phrase}' is too short to match reliably"))
        return phrases

    def _examples(self, reader: FileReader, entries: dict[str, yaml.Node], fact: str) -> tuple[Example, ...]:
        if "examples" not in entries:
            return ()
        examples = []
        for node in reader.sequence(entries["examples"], "examples"):
            try:
                fields = reader.mapping(node, "an example", ("text", "date", "expect", "markup"), ("text", "expect"))
                text = reader.string(fields["text"], "text")
                date = reader.date(fields["date"], "date") if "date" in fields else None
                expect_node = fields["expect"]
                if isinstance(expect_node, yaml.SequenceNode) and not expect_node.value:
                    expect: tuple[str, ...] = ()
                else:
                    expect = reader.strings(expect_node, "expect")
                for code in expect:
                    if not _CODE.match(code):
                        raise reader.error(expect_node, f"'{code}' is not a newslint code (NLxxx)")
                markup = reader.string(fields["markup"], "markup") if "markup" in fields else "text"
                examples.append(Example(text, date, expect, fact, reader.where(node), markup))
            except Invalid:
                continue
        return tuple(examples)

    # -- what spans files -------------------------------------------------------------------

    def validate(self) -> None:
        book = self.rulebook
        for reader, node, term in self.holder_nodes:
            if term.person not in book.people:
                reader.error(node, f"holder '{term.person}' is not a known person id")
        for reader, node, jid in self.jurisdiction_refs:
            if jid not in book.jurisdictions:
                reader.error(node, f"unknown jurisdiction '{jid}'")
        for reader, node, party in self.party_refs:
            if party not in book.parties:
                reader.error(node, f"unknown party '{party}'")
        self._check_titles()
        book.files = tuple(self.files)
        for office_id, office in list(book.offices.items()):
            if not office.label:
                label = office_label(office, book)
                office = book.offices[office_id] = _replace_label(office, label)
            office = book.offices[office_id] = _end_at_death(office, book)
            self._check_overlaps(list(office.holders), office.seats)

    def _check_titles(self) -> None:
        from newslint.rulebook.titles import office_titles

        claimed: dict[tuple[str | None, tuple[str, ...]], str] = {}
        for office in self.rulebook.offices.values():
            if office.jurisdiction is not None and office.jurisdiction not in self.rulebook.jurisdictions:
                continue
            for title in office_titles(office, self.rulebook):
                key = (office.jurisdiction, phrase_keys(title))
                other = claimed.setdefault(key, office.id)
                if other != office.id:
                    self.errors.append(
                        RuleError(
                            office.location,
                            f"title '{title}' of office '{office.id}' is also a title of office '{other}' "
                            f"in the same jurisdiction",
                        )
                    )


def display_path(path: Path) -> str:
    """A rule file's path as users name it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _wikidata_id(reader: FileReader, entries: dict[str, yaml.Node]) -> str | None:
    if "wikidata" not in entries:
        return None
    item = reader.string(entries["wikidata"], "wikidata")
    if not _QID.match(item):
        raise reader.error(entries["wikidata"], f"wikidata must be an item id such as Q183, not '{item}'")
    return item


def _locked(reader: FileReader, entries: dict[str, yaml.Node]) -> bool:
    return reader.boolean(entries["locked"], "locked") if "locked" in entries else False


def _items(node: yaml.Node) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else [node]


def _default_surname(words: list[str]) -> str:
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _PARTICLES:
            return " ".join(words[i:])
    return words[-1]


def fold_id(text: str) -> str:
    from newslint.text import fold

    return regex.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def office_label(office: Office, book: Rulebook) -> str:
    if office.jurisdiction and office.roles:
        jurisdiction = book.jurisdictions.get(office.jurisdiction)
        if jurisdiction is not None and jurisdiction.adjectives:
            return f"{jurisdiction.adjectives[0]} {office.roles[0]}"
        if jurisdiction is not None:
            return f"{office.roles[0]} of {jurisdiction.names[0]}"
    return office.titles[0] if office.titles else office.id


def _end_at_death(office: Office, book: Rulebook) -> Office:
    """A term ends, at the latest, the day after its holder died (``until`` is the first day out)."""
    from dataclasses import replace

    holders = []
    for term in office.holders:
        person = book.people.get(term.person)
        died = person.died if person is not None else None
        if died is not None and term.start <= died and (term.end is None or term.end > died + dt.timedelta(days=1)):
            term = replace(term, end=died + dt.timedelta(days=1))
        holders.append(term)
    return office if holders == list(office.holders) else replace(office, holders=tuple(holders))


def _replace_label(office: Office, label: str) -> Office:
    from dataclasses import replace

    return replace(office, label=label)
