"""Generate a benchmark data set: a rulebook of N people and news drafts with known errors.

Seeded and deterministic: the same ``--people``, ``--seed`` and sizes write the same files.
Usage: python bench/generate.py --people 10000 --out /tmp/nl-10000 [--seed 7]

Writes into OUT:

- ``rules/``: the rulebook in newslint's YAML format: ``people-NNN.yaml`` (N people with
  particles, diacritics, hyphens, double surnames and family-first names with ``surname:``
  set, genders, birth dates, transliteration variants), ``jurisdictions.yaml``,
  ``offices.yaml`` (offices with terms for a share of the people) and ``style.yaml``.
- ``corpus/``: news-like drafts (Markdown with front-matter dates, text with datelines),
  ``--corpus-bytes`` in ``--files`` files; ``big/big.txt``: one ``--big-bytes`` draft.
- ``small/draft.md``: one ~3 KB draft for start-up times; ``lsp/draft.md``: a
  ``--lsp-lines`` draft for the language server.
- ``truth.jsonl``: every injected error in ``corpus/`` and ``big/``, one JSON object a
  line: file, line, column (1-based, in characters), code, wrong, right (and a note).
- ``prh.yml``: a textlint-rule-prh dictionary: every person's name, with the injected
  misspellings of it as patterns (prh finds only what it is told).
- ``meta.json``: sizes and counts.

About one name in 2,000 characters is misspelled the way a newsroom misspells names (two
letters swapped, a letter dropped or doubled, a wrong vowel; a missing diacritic is not a
misspelling, since newslint folds diacritics). A misspelling is never another known name
word, and no other person's name is within two edits of it, so the truth is unambiguous.
The other error classes are sprinkled in: "former" for a sitting office holder (NL201), a
current title for a past one (NL202), wrong weekdays (NL301), wrong ages (NL303) and
spellings that the house style replaces (NL501).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

sys.path.insert(0, str(Path(__file__).resolve().parent))

import namepools as pools  # noqa: E402  (bench/ is not a package)

from newslint.text import fold, phrase_keys, tokenize  # noqa: E402

MIB = 1024 * 1024
PEOPLE_PER_FILE = 20_000
AS_OF = dt.date(2025, 6, 30)
FIRST_DRAFT_DAY = dt.date(2024, 3, 1)
SOURCE = "https://example.org/newslint-bench"
PARTICLE_WORDS = frozenset("von van der den de del della di da dos das du la le ter ten zu af al el bin ibn".split())

# -- places and offices --------------------------------------------------------------------

COUNTRIES = [
    ("France", "French"),
    ("Germany", "German"),
    ("Italy", "Italian"),
    ("Spain", "Spanish"),
    ("Portugal", "Portuguese"),
    ("the Netherlands", "Dutch"),
    ("Belgium", "Belgian"),
    ("Austria", "Austrian"),
    ("Switzerland", "Swiss"),
    ("Poland", "Polish"),
    ("Czechia", "Czech"),
    ("Slovakia", "Slovak"),
    ("Hungary", "Hungarian"),
    ("Romania", "Romanian"),
    ("Bulgaria", "Bulgarian"),
    ("Greece", "Greek"),
    ("Croatia", "Croatian"),
    ("Serbia", "Serbian"),
    ("Slovenia", "Slovenian"),
    ("Sweden", "Swedish"),
    ("Norway", "Norwegian"),
    ("Denmark", "Danish"),
    ("Finland", "Finnish"),
    ("Iceland", "Icelandic"),
    ("Ireland", "Irish"),
    ("Estonia", "Estonian"),
    ("Latvia", "Latvian"),
    ("Lithuania", "Lithuanian"),
    ("Ukraine", "Ukrainian"),
    ("Moldova", "Moldovan"),
    ("Turkey", "Turkish"),
    ("Egypt", "Egyptian"),
    ("Morocco", "Moroccan"),
    ("Tunisia", "Tunisian"),
    ("Algeria", "Algerian"),
    ("Nigeria", "Nigerian"),
    ("Ghana", "Ghanaian"),
    ("Senegal", "Senegalese"),
    ("Kenya", "Kenyan"),
    ("Ethiopia", "Ethiopian"),
    ("South Africa", "South African"),
    ("India", "Indian"),
    ("Pakistan", "Pakistani"),
    ("Bangladesh", "Bangladeshi"),
    ("Indonesia", "Indonesian"),
    ("Vietnam", "Vietnamese"),
    ("Thailand", "Thai"),
    ("Japan", "Japanese"),
    ("South Korea", "South Korean"),
    ("China", "Chinese"),
    ("Australia", "Australian"),
    ("New Zealand", "New Zealand"),
    ("Canada", "Canadian"),
    ("Mexico", "Mexican"),
    ("Brazil", "Brazilian"),
    ("Argentina", "Argentine"),
    ("Chile", "Chilean"),
    ("Colombia", "Colombian"),
    ("Peru", "Peruvian"),
]
NATIONAL_ROLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Finance Minister",
    "Defence Minister",
    "Interior Minister",
    "Health Minister",
    "Justice Minister",
    "Economy Minister",
    "Energy Minister",
    "Education Minister",
    "Trade Minister",
    "Agriculture Minister",
    "Transport Minister",
    "Labour Minister",
    "Environment Minister",
    "Culture Minister",
]
CITIES = """Lyon Marseille Toulouse Hamburg Munich Cologne Frankfurt Rotterdam Antwerp Porto Seville Valencia
Bilbao Naples Turin Milan Genoa Krakow Gdansk Wroclaw Brno Zagreb Gothenburg Malmo Bergen Aarhus Tampere Izmir
Bursa Kharkiv Lviv Odesa Dnipro Alexandria Casablanca Marrakesh Lagos Ibadan Kano Accra Kumasi Nairobi Mombasa
Durban Pretoria Osaka Kyoto Nagoya Sapporo Busan Incheon Shanghai Guangzhou Shenzhen Chengdu Wuhan Mumbai
Chennai Kolkata Bangalore Hyderabad Pune Karachi Lahore Dhaka Jakarta Surabaya Manila Cebu Hanoi Bangkok
Toronto Montreal Vancouver Calgary Chicago Houston Seattle Denver Boston Atlanta Miami Detroit Sydney
Melbourne Brisbane Auckland Bogota Medellin Lima Quito Guadalajara Monterrey Tijuana Rosario Recife Salvador
Fortaleza Curitiba""".split()
REGIONS = """Bavaria Saxony Hesse Lombardy Tuscany Catalonia Andalusia Flanders Wallonia Ontario Quebec Alberta
California Texas Florida Ohio Michigan Queensland Tasmania Silesia Moravia Transylvania Bohemia Brittany
Normandy Provence Sardinia Sicily Styria Tyrol""".split()

STYLE = [  # (id, use, instead_of)
    ("kyiv", "Kyiv", "Kiev"),
    ("odesa", "Odesa", "Odessa"),
    ("kharkiv", "Kharkiv", "Kharkov"),
    ("lviv", "Lviv", "Lvov"),
    ("mumbai", "Mumbai", "Bombay"),
    ("chennai", "Chennai", "Madras"),
    ("kolkata", "Kolkata", "Calcutta"),
    ("beijing", "Beijing", "Peking"),
    ("yangon", "Yangon", "Rangoon"),
    ("per-cent", "per cent", "percent"),
]

# -- words of the drafts -------------------------------------------------------------------

_TOPICS = """energy prices|the migration pact|the defence budget|a trade deal|climate targets|the housing
shortage|pension reform|grain exports|the rail strike|interest rates|the budget deficit|water rights|the
fishing quota|a new border crossing|the coalition agreement|fuel subsidies|the minimum wage|hospital waiting
lists|the space programme|farm subsidies|the peace plan|customs rules|a gas pipeline|the election timetable|
air pollution|the copper mine|drought relief|the teachers' contract|port security|the census"""
TOPICS = [" ".join(topic.split()) for topic in _TOPICS.split("|")]
_CLAUSES = """the government would raise spending on defence|the bill would pass before the summer recess|
talks on the agreement had stalled|the ceasefire was holding|the deficit would narrow next year|inflation had
peaked|the new rail link would open on time|the coalition remained stable|negotiations with unions would
continue|the plan had broad support|no decision had been taken|the talks had been constructive|more money
would be needed|the figures were worse than expected|the country would not change course|a compromise was
within reach|the measures would be temporary|investors had been reassured|the reform would be phased in|the
dispute could reach the courts|the summit had been postponed|the region needed more help|the proposal went
too far|the vote would be close|exports had fallen sharply|the agency would review the case"""
CLAUSES = [" ".join(clause.split()) for clause in _CLAUSES.split("|")]
SAYS = ["said", "told reporters", "warned", "insisted", "announced", "argued", "signalled", "confirmed"]
BYSTANDER_ROLES = [
    "an economist at a bank",
    "a resident",
    "a shopkeeper",
    "an analyst at a think tank",
    "a union organiser",
    "a farmer",
    "a professor of law",
    "a spokesperson for the opposition",
]
QUOTES = [
    "Nobody expected it to happen this quickly",
    "We have waited long enough",
    "It is a step in the right direction",
    "The details matter more than the headlines",
    "People here are worried about their jobs",
    "This will take years to fix",
]
FILLERS = [
    "Talk of {topic} has drawn criticism from opposition parties, which say the plan is rushed.",
    "Officials said {topic} would be discussed again at the next meeting.",
    "Prices rose {n} {percent} in the year to {month}, the statistics office said.",
    "Negotiators in {place} worked late into the night on {topic}.",
    "Markets were calm after the announcement, and the currency held steady.",
    "Critics say the plan on {topic} does little for households on low incomes.",
    "Delegations from {place} and {place2} are expected to attend.",
    "The next round of talks on {topic} is due to open in {place}.",
]
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
TEMPLATE_WORDS = frozenset(
    fold(w) for w in " ".join(TOPICS + CLAUSES + SAYS + BYSTANDER_ROLES + QUOTES + FILLERS + MONTHS + WEEKDAYS).split()
)


# -- people ----------------------------------------------------------------------------------


@dataclass
class Person:
    index: int
    id: str
    name: str
    given: str
    surname: str
    gender: str | None
    born: dt.date | None
    culture: str
    family_first: bool = False
    variants: list[str] = field(default_factory=list)
    terms: list[tuple[Office, dt.date, dt.date | None]] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.variants]

    def yaml(self) -> str:
        fields = [f"id: {self.id}", f"name: {q(self.name)}"]
        if self.family_first or self.given != self.name.split()[0]:
            fields.append(f"given: {q(self.given)}")
        if self.family_first or self.surname != default_surname(self.name):
            fields.append(f"surname: {q(self.surname)}")
        if self.variants:
            fields.append("variants: [" + ", ".join(q(v) for v in self.variants) + "]")
        if self.gender:
            fields.append(f"gender: {self.gender}")
        if self.born:
            fields.append(f"born: {self.born.isoformat()}")
        fields.append(f"source: {SOURCE}/people/{self.id}")
        return "  - {" + ", ".join(fields) + "}"

    def age_on(self, day: dt.date) -> int:
        assert self.born is not None
        return day.year - self.born.year - ((day.month, day.day) < (self.born.month, self.born.day))


@dataclass
class Office:
    id: str
    jurisdiction: str  # jurisdiction id
    place: str  # how prose names the jurisdiction
    adjective: str | None
    role: str
    holders: list[tuple[Person, dt.date, dt.date | None]] = field(default_factory=list)

    def title(self) -> str:
        """The title written before a name: "French Foreign Minister", "Lyon Mayor"."""
        return f"{self.adjective or self.place} {self.role}"


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def default_surname(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in ("jr", "jr.", "sr", "sr.", "ii", "iii", "iv")]
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in PARTICLE_WORDS:
            return " ".join(words[i:])
    return words[-1]


def name_words(text: str) -> tuple[str, ...]:
    """The folded words of a name, as newslint aligns them (punctuation left out)."""
    return tuple(k for k in phrase_keys(text) if k[0].isalpha())


def _female_surname(surname: str, culture: str) -> str:
    if culture == "slavic":
        for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"), ("ý", "á")):
            if surname.endswith(male):
                return surname[: -len(male)] + female
    if culture == "east-slavic":
        for male, female in (("sky", "skaya"), ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("yov", "yova")):
            if surname.endswith(male):
                return surname[: -len(male)] + female
    return surname


class NameMaker:
    """Draws names of one culture; the caller checks uniqueness."""

    def __init__(self, rng: random.Random, banned: frozenset[str]) -> None:
        self.rng = rng

        def keep(words: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(w for w in words if fold(w) not in banned)

        self.cultures = [
            pools.Culture(
                c.key,
                c.weight,
                keep(c.male),
                keep(c.female),
                keep(c.surnames),
                c.family_first,
                c.particles,
                c.particle_share,
                c.hyphen_given,
                c.double_surname,
                c.middle_initial,
            )
            for c in pools.CULTURES
        ]
        self.weights = [c.weight for c in self.cultures]

    def make(self) -> tuple[str, str, str, str | None, str, bool, list[str]]:
        """(name, given, surname, gender, culture, family_first, variants)."""
        rng = self.rng
        culture = rng.choices(self.cultures, self.weights)[0]
        roll = rng.random()
        gender: str | None = "female" if roll < 0.48 else "male" if roll < 0.96 else None
        pool_gender = gender or rng.choice(["male", "female"])
        variants: list[str] = []
        if culture.key == "chinese":
            family = rng.choice(culture.surnames)
            a, b = rng.sample(pools.CHINESE_SYLLABLES, 2)
            shape = rng.random()
            given = (
                a.capitalize() if shape < 0.25 else f"{a.capitalize()}{b}" if shape < 0.9 else f"{a.capitalize()}-{b}"
            )
            return f"{family} {given}", given, family, gender, culture.key, True, variants
        if culture.key == "korean":
            family = rng.choice(culture.surnames)
            a, b = rng.sample(pools.KOREAN_SYLLABLES, 2)
            given = f"{a.capitalize()}-{b}" if rng.random() < 0.7 else f"{a.capitalize()} {b.capitalize()}"
            return f"{family} {given}", given, family, gender, culture.key, True, variants
        if culture.key == "vietnamese":
            family = rng.choice(culture.surnames)
            middle = rng.choice(pools.VIETNAMESE_MIDDLE[pool_gender])
            given = rng.choice(culture.male if pool_gender == "male" else culture.female)
            return f"{family} {middle} {given}", f"{middle} {given}", family, gender, culture.key, True, variants
        first_names = culture.male if pool_gender == "male" else culture.female
        given = rng.choice(first_names)
        if rng.random() < culture.hyphen_given:
            second = rng.choice(first_names)
            if second != given:
                given = f"{given}-{second}"
        surname = rng.choice(culture.surnames)
        if pool_gender == "female":
            surname = _female_surname(surname, culture.key)
        written_surname = surname
        if rng.random() < culture.particle_share:
            particle = rng.choice(culture.particles)
            if particle == "bin" and pool_gender == "female":
                written_surname = f"al-{surname}"
            elif particle == "bin":
                written_surname = f"bin {rng.choice(culture.male)}"  # the father's given name
            elif particle == "d'":
                written_surname = f"d'{surname}" if surname[0] in "AEIOUÉ" else f"de {surname}"
            elif particle.endswith("-"):
                written_surname = f"{particle}{surname}"
            else:
                written_surname = f"{particle} {surname}"
        elif rng.random() < culture.double_surname:
            second = rng.choice(culture.surnames)
            if second != surname:
                if culture.key == "english":
                    written_surname = f"{surname}-{second}"
                else:
                    written_surname = f"{surname} {second}"
        middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < culture.middle_initial else ""
        family_first = rng.random() < culture.family_first
        if family_first:
            name = f"{written_surname} {given}"
            variants.append(f"{given} {written_surname}")  # as the English-language press writes it
        else:
            name = f"{given}{middle} {written_surname}"
        plain_given = given.split("-")[0] if "-" in given and culture.key == "english" else given
        alternative = pools.TRANSLITERATIONS.get(plain_given)
        if alternative and rng.random() < 0.5:
            variants.append(f"{alternative}{middle} {written_surname}")
        # The surname a draft uses alone: the first of two family names (García of García Márquez).
        lone = (
            written_surname
            if " " not in written_surname or written_surname.split()[0].lower() in PARTICLE_WORDS
            else (written_surname.split()[0])
        )
        return name, given, lone, gender, culture.key, family_first, variants


class People:
    """The rulebook's people, with the indexes the generator needs to keep the truth unambiguous."""

    def __init__(self, count: int, rng: random.Random, banned: frozenset[str]) -> None:
        self.people: list[Person] = []
        self.forms: dict[tuple[str, ...], int] = {}  # folded words of every accepted spelling -> person
        self.vocabulary: set[str] = set()  # every folded name word
        self.slots: dict[str, list[tuple[str, int]]] = defaultdict(list)  # a form with one word blanked
        maker = NameMaker(rng, banned)
        start = dt.date(1940, 1, 1).toordinal()
        end = dt.date(2000, 12, 31).toordinal()
        while len(self.people) < count:
            name, given, surname, gender, culture, family_first, variants = maker.make()
            person = Person(len(self.people), f"p-{len(self.people) + 1}", name, given, surname, gender, None, culture)
            person.family_first = family_first
            person.variants = variants
            spellings = {name_words(form) for form in (*person.forms, f"{given} {surname}")}
            if any(words in self.forms for words in spellings):
                continue  # every accepted spelling belongs to one person
            if rng.random() < 0.85:
                person.born = dt.date.fromordinal(rng.randint(start, end))
            self.people.append(person)
            for words in spellings:
                self.forms[words] = person.index
                self.vocabulary.update(words)
                for i, word in enumerate(words):
                    self.slots[_blank(words, i)].append((word, person.index))

    def ambiguous(self, person: Person, words: tuple[str, ...], slot: int) -> bool:
        """Whether a misspelled form could be read as a name other than the person's."""
        if words in self.forms or words[slot] in self.vocabulary:
            return True
        for size in range(2, len(words)):
            for first in range(len(words) - size + 1):
                if words[first : first + size] in self.forms:
                    return True
        wrong = words[slot]
        return any(
            other != person.index and OSA.distance(wrong, word) <= 2 for word, other in self.slots[_blank(words, slot)]
        )


def _blank(words: tuple[str, ...], slot: int) -> str:
    return "\0".join(words[:slot]) + "\0\0" + "\0".join(words[slot + 1 :]) + f"\0{len(words)}"


# -- misspellings ------------------------------------------------------------------------------

VOWELS = "aeiou"


def _edits(word: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """Newsroom typos of a word, in random order, never touching the first letter."""
    kinds = ["swap", "drop", "double", "vowel"]
    rng.shuffle(kinds)
    positions = [i for i in range(1, len(word)) if word[i].isalpha()]
    for kind in kinds:
        rng.shuffle(positions)
        for i in positions[:4]:
            if kind == "swap" and i + 1 < len(word) and word[i + 1].isalpha() and word[i] != word[i + 1]:
                yield kind, word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            elif kind == "drop":
                yield kind, word[:i] + word[i + 1 :]
            elif kind == "double" and fold(word[i]) not in VOWELS:
                yield kind, word[:i] + word[i] + word[i:]
            elif kind == "vowel" and fold(word[i]) in VOWELS:
                yield kind, word[:i] + rng.choice([v for v in VOWELS if v != fold(word[i])]) + word[i + 1 :]


def misspell(form: str, person: Person, people: People, rng: random.Random) -> tuple[str, str] | None:
    """A misspelling of one word of a written name (and the kind of edit), or None."""
    tokens = [t for t in tokenize(form) if t.kind == "word"]
    words = name_words(form)
    if len(words) != len(tokens):
        return None
    slots = [i for i, t in enumerate(tokens) if len(t.key) >= 4 and t.key not in PARTICLE_WORDS and "'" not in t.key]
    rng.shuffle(slots)
    for slot in slots:
        token = tokens[slot]
        for kind, edited in _edits(token.text, rng):
            key = fold(edited)
            if key == token.key or OSA.distance(key, token.key) != 1:
                continue
            new_words = words[:slot] + (key,) + words[slot + 1 :]
            if people.ambiguous(person, new_words, slot):
                continue
            return form[: token.start] + edited + form[token.end :], kind
    return None


# -- the rulebook ------------------------------------------------------------------------------


def build_offices(people: People, rng: random.Random) -> tuple[list[Office], list[tuple[str, str, str | None]]]:
    """Offices for a share of the people, with terms from 2006 to after the rulebook's as_of."""
    jurisdictions: list[tuple[str, str, str | None]] = []  # (id, name, adjective)
    slots: list[tuple[str, str, str | None, str]] = []
    for name, adjective in COUNTRIES:
        jid = "j-" + fold(name.removeprefix("the ")).replace(" ", "-")
        jurisdictions.append((jid, name, adjective))
        slots.extend((jid, name, adjective, role) for role in NATIONAL_ROLES)
    for city in CITIES:
        jid = "j-" + fold(city)
        jurisdictions.append((jid, city, None))
        slots.append((jid, city, None, "Mayor"))
    for region in REGIONS:
        jid = "j-" + fold(region)
        jurisdictions.append((jid, region, None))
        slots.append((jid, region, None, "Governor"))
    rng.shuffle(slots)
    wanted = max(12, int(0.3 * len(people.people)))
    candidates = list(range(len(people.people)))
    rng.shuffle(candidates)
    offices: list[Office] = []
    for jid, place, adjective, role in slots:
        if not candidates or wanted <= 0:
            break
        office = Office(f"o-{jid[2:]}-{fold(role).replace(' ', '-')}", jid, place, adjective, role)
        start = dt.date(rng.randint(2006, 2012), rng.randint(1, 12), rng.randint(1, 28))
        while candidates and start <= AS_OF:
            person = people.people[candidates.pop()]
            end = start + dt.timedelta(days=rng.randint(500, 2200))
            until = end if end <= AS_OF else None
            office.holders.append((person, start, until))
            person.terms.append((office, start, until))
            wanted -= 1
            if until is None:
                break
            start = until
        offices.append(office)
    return offices, jurisdictions


def write_rulebook(folder: Path, people: People, offices: list[Office], jurisdictions: list) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for chunk in range(0, len(people.people), PEOPLE_PER_FILE):
        lines = ["people:"] + [p.yaml() for p in people.people[chunk : chunk + PEOPLE_PER_FILE]]
        (folder / f"people-{chunk // PEOPLE_PER_FILE:03d}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    lines = ["jurisdictions:"]
    for jid, name, adjective in jurisdictions:
        names = [name, name.removeprefix("the ")] if name.startswith("the ") else [name]
        adjectives = f", adjectives: [{q(adjective)}]" if adjective else ""
        lines.append(f"  - {{id: {jid}, names: [{', '.join(q(n) for n in names)}]{adjectives}}}")
    (folder / "jurisdictions.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    lines = ["offices:"]
    for office in offices:
        lines += [
            f"  - id: {office.id}",
            f"    jurisdiction: {office.jurisdiction}",
            f"    roles: [{q(office.role)}]",
            "    holders:",
        ]
        for person, start, until in office.holders:
            end = f", until: {until.isoformat()}" if until else ""
            lines.append(f"      - {{person: {person.id}, from: {start.isoformat()}{end}}}")
        lines += [f"    as_of: {AS_OF.isoformat()}", f"    source: {SOURCE}/offices/{office.id}"]
    (folder / "offices.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    lines = ["style:"]
    for sid, use, instead in STYLE:
        lines.append(f"  - {{id: {sid}, use: {q(use)}, instead_of: [{q(instead)}], source: {SOURCE}/style/{sid}}}")
    (folder / "style.yaml").write_text("\n".join(lines) + "\n", "utf-8")


# -- drafts ------------------------------------------------------------------------------------


@dataclass
class Mark:
    column: int  # 0-based offset in the line
    code: str
    wrong: str
    right: str
    note: str = ""


class Line:
    """One line of a draft, built piece by piece, with the errors injected into it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[Mark] = []

    def add(self, text: str) -> Line:
        self.parts.append(text)
        self.length += len(text)
        return self

    def wrong(self, wrong: str, right: str, code: str, note: str = "") -> Line:
        self.marks.append(Mark(self.length, code, wrong, right, note))
        return self.add(wrong)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class Countdown:
    """Characters until the next injected error of each kind."""

    rng: random.Random
    left: dict[str, int] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def every(self, code: str, low: int, high: int) -> None:
        """One error of this kind every ``low`` to ``high`` characters, starting at a random phase
        (so that short drafts, each with a writer of its own, still get their share)."""
        self.spans[code] = (low, high)
        self.left[code] = self.rng.randint(0, high)

    def due(self, code: str) -> bool:
        return self.left[code] <= 0

    def done(self, code: str) -> None:
        self.left[code] = self.rng.randint(*self.spans[code])

    def wrote(self, chars: int) -> None:
        for code in self.left:
            self.left[code] -= chars


class Writer:
    """Writes the paragraphs of drafts dated one day, injecting errors at the set rates."""

    def __init__(self, data: Dataset, rng: random.Random, day: dt.date) -> None:
        self.data = data
        self.rng = rng
        self.day = day
        self.countdown = Countdown(rng)
        self.countdown.every("NL101", 1500, 2500)
        for code in ("NL201", "NL202", "NL301", "NL303", "NL501"):
            self.countdown.every(code, 15000, 25000)
        self.named: list[Person] = []  # named in full in the current draft, in order

    def new_draft(self, day: dt.date) -> None:
        self.day = day
        self.named = []

    # -- mentions --

    def name(self, line: Line, person: Person) -> None:
        form = person.name if not person.variants or self.rng.random() < 0.8 else self.rng.choice(person.variants)
        if self.countdown.due("NL101"):
            wrong = misspell(form, person, self.data.people, self.rng)
            if wrong is not None:
                line.wrong(wrong[0], form, "NL101", f"{person.culture} full {wrong[1]}")
                self.countdown.done("NL101")
                self.named.append(person)
                return
        line.add(form)
        self.named.append(person)

    def surname(self, line: Line, person: Person, start: bool = False) -> None:
        written = person.surname[0].upper() + person.surname[1:] if start else person.surname
        if self.countdown.due("NL101") and self.rng.random() < 0.3:
            wrong = misspell(written, person, self.data.people, self.rng)
            if wrong is not None:
                line.wrong(wrong[0], written, "NL101", f"{person.culture} surname {wrong[1]}")
                self.countdown.done("NL101")
                return
        line.add(written)

    def date(self, line: Line) -> None:
        """ "Tuesday, 4 March 2025": a day in the week before the draft's date."""
        day = self.day - dt.timedelta(days=self.rng.randint(0, 6))
        weekday = WEEKDAYS[day.weekday()]
        if self.countdown.due("NL301"):
            wrong = WEEKDAYS[(day.weekday() + self.rng.randint(1, 6)) % 7]
            line.wrong(wrong, weekday, "NL301")
            self.countdown.done("NL301")
        else:
            line.add(weekday)
        if self.rng.random() < 0.5:
            line.add(f", {day.day} {MONTHS[day.month - 1]} {day.year}")
        else:
            line.add(f", {MONTHS[day.month - 1]} {day.day}, {day.year}")

    def place(self, line: Line) -> None:
        if self.rng.random() < 0.25:
            sid, use, instead = self.rng.choice(STYLE[:-1])
            if self.countdown.due("NL501"):
                line.wrong(instead, use, "NL501")
                self.countdown.done("NL501")
            else:
                line.add(use)
        else:
            line.add(self.rng.choice(CITIES))

    def percent(self, line: Line) -> None:
        if self.countdown.due("NL501"):
            line.wrong("percent", "per cent", "NL501")
            self.countdown.done("NL501")
        else:
            line.add("per cent")

    # -- sentences --

    def sentence(self, line: Line, cast: list[Person], bystanders: list[str]) -> None:
        rng = self.rng
        before = line.length
        roll = rng.random()
        person = rng.choice(cast)
        if roll < 0.30:
            if not self.titled(line, person):
                self.plain(line, person)
        elif roll < 0.42 and person.born is not None:
            self.aged(line, person)
        elif roll < 0.52:
            other = rng.choice(cast)
            if other is person:
                self.plain(line, person)
            else:
                self.name(line, person)
                line.add(" met ")
                self.name(line, other)
                line.add(" in ")
                self.place(line)
                line.add(" on ")
                self.date(line)
                line.add(f", to discuss {rng.choice(TOPICS)}.")
        elif roll < 0.72 and self.named:
            self.follow_up(line, rng.choice(self.named[-4:]))
        elif roll < 0.80 and bystanders:
            line.add(f'"{rng.choice(QUOTES)}," said {rng.choice(bystanders)}, {rng.choice(BYSTANDER_ROLES)} in ')
            self.place(line)
            line.add(".")
        elif roll < 0.90:
            self.plain(line, person)
        else:
            self.filler(line)
        self.countdown.wrote(line.length - before)

    def plain(self, line: Line, person: Person) -> None:
        self.name(line, person)
        line.add(f" {self.rng.choice(SAYS)} on ")
        self.date(line)
        line.add(f" that {self.rng.choice(CLAUSES)}.")

    def aged(self, line: Line, person: Person) -> None:
        self.name(line, person)
        age = person.age_on(self.day)
        if self.countdown.due("NL303"):
            line.add(", ").wrong(str(age + self.rng.choice([-3, -2, -1, 1, 2, 5])), str(age), "NL303").add(", ")
            self.countdown.done("NL303")
        else:
            line.add(f", {age}, ")
        line.add(f"{self.rng.choice(SAYS)} that {self.rng.choice(CLAUSES)}.")

    def titled(self, line: Line, person: Person) -> bool:
        """A person with a title: current ("French Foreign Minister X") or past ("former ...")."""
        terms = [(o, s, u) for o, s, u in person.terms if s <= self.day]
        if not terms:
            return False
        office, start, until = terms[-1]
        current = until is None or self.day < until
        title = office.title()
        says = f" {self.rng.choice(SAYS)} that {self.rng.choice(CLAUSES)}."
        if current and self.rng.random() < 0.3 and office.adjective:
            self.name(line, person)
            line.add(f", the {office.role} of {office.place}, {self.rng.choice(SAYS)} that {self.rng.choice(CLAUSES)}.")
            return True
        if current:
            if self.countdown.due("NL201"):
                line.wrong(f"Former {title}", title, "NL201").add(" ")
                self.countdown.done("NL201")
            else:
                line.add(f"{title} ")
        elif self.countdown.due("NL202"):
            line.wrong(title, f"Former {title}", "NL202").add(" ")
            self.countdown.done("NL202")
        else:
            line.add(f"Former {title} ")
        self.name(line, person)
        line.add(says)
        return True

    def follow_up(self, line: Line, person: Person) -> None:
        rng = self.rng
        if rng.random() < 0.5:
            line.add("According to ")
            self.surname(line, person)
            line.add(f", {rng.choice(CLAUSES)}.")
        else:
            self.surname(line, person, start=True)
            line.add(f" {rng.choice(SAYS)} that {rng.choice(CLAUSES)}.")

    def filler(self, line: Line) -> None:
        rng = self.rng
        template = rng.choice(FILLERS)
        pieces = template.replace("{place2}", "{place}").split("{")
        line.add(pieces[0])
        for piece in pieces[1:]:
            key, rest = piece.split("}", 1)
            if key == "topic":
                line.add(rng.choice(TOPICS))
            elif key == "n":
                line.add(str(rng.randint(2, 9)))
            elif key == "percent":
                self.percent(line)
            elif key == "month":
                line.add(MONTHS[(self.day.month - 2) % 12])
            elif key == "place":
                self.place(line)
            line.add(rest)

    def paragraph(self, cast: list[Person], bystanders: list[str], sentences: int) -> Line:
        line = Line()
        for i in range(sentences):
            if i:
                line.add(" ")
            self.sentence(line, cast, bystanders)
        return line


@dataclass
class Draft:
    path: str
    lines: list[Line]

    def text(self) -> str:
        return "\n".join(line.text() for line in self.lines) + "\n"


@dataclass
class Dataset:
    people: People
    offices: list[Office]
    bystanders: list[str]
    rng: random.Random

    def cast(self, rng: random.Random) -> list[Person]:
        """Who a story is about: a few office holders and a few other people."""
        people = self.people.people
        holders = [p for o in rng.sample(self.offices, min(3, len(self.offices))) for p, _, _ in o.holders[-2:]]
        chosen = rng.sample(people, min(len(people), rng.randint(3, 6))) + holders[: rng.randint(1, 4)]
        unique = list({p.index: p for p in chosen}.values())
        # Keep one person per lone surname so that "Kovács said" names one person.
        by_surname: dict[str, Person] = {}
        for person in unique:
            by_surname.setdefault(fold(person.surname), person)
        return list(by_surname.values())


def write_story(
    writer: Writer, data: Dataset, rng: random.Random, target: int, lines: list[Line], paragraph_sentences: tuple
) -> None:
    """Paragraphs about one cast until ``target`` characters are written."""
    cast = data.cast(rng)
    bystanders = rng.sample(data.bystanders, min(2, len(data.bystanders)))
    written = 0
    while written < target:
        paragraph = writer.paragraph(cast, bystanders, rng.randint(*paragraph_sentences))
        lines += [paragraph, Line()]
        written += paragraph.length + 2


def draft_day(rng: random.Random) -> dt.date:
    return FIRST_DRAFT_DAY + dt.timedelta(days=rng.randint(0, (AS_OF - FIRST_DRAFT_DAY).days))


def markdown_draft(data: Dataset, path: str, size: int, seed: str, sentences: tuple = (2, 5)) -> Draft:
    rng = random.Random(seed)
    day = draft_day(rng)
    writer = Writer(data, rng, day)
    topic = rng.choice(TOPICS)
    lines = [Line().add(x) for x in ("---", f"title: Talks on {topic}", f"date: {day.isoformat()}", "---", "")]
    lines += [Line().add(f"# {topic[0].upper()}{topic[1:]} on the agenda"), Line()]
    write_story(writer, data, rng, size - 120, lines, sentences)
    return Draft(path, lines[:-1])


def text_draft(data: Dataset, path: str, size: int, seed: str, stories: int = 1) -> Draft:
    """A plain-text draft with a dateline; ``stories`` stories about different people."""
    rng = random.Random(seed)
    day = draft_day(rng)
    writer = Writer(data, rng, day)
    city = rng.choice(CITIES).upper()
    lines = [Line().add(f"{city}, {day.day} {MONTHS[day.month - 1]} {day.year} (Newswire) -"), Line()]
    for _ in range(stories):
        write_story(writer, data, rng, size // stories, lines, (2, 5))
    return Draft(path, lines[:-1])


def lsp_draft(data: Dataset, path: str, line_count: int, seed: str) -> Draft:
    """A long Markdown draft: short paragraphs, one a line, ``line_count`` lines in all."""
    rng = random.Random(seed)
    day = draft_day(rng)
    writer = Writer(data, rng, day)
    lines = [Line().add(x) for x in ("---", f"date: {day.isoformat()}", "---", "", "# A long feature", "")]
    while len(lines) < line_count:
        write_story(writer, data, rng, 4000, lines, (1, 2))
    return Draft(path, lines[:line_count])


def bystander_names(people: People, rng: random.Random) -> list[str]:
    """Names of people the rulebook does not know, none within two edits of a known name word."""
    vocabulary = list(people.vocabulary)

    def far(word: str) -> bool:
        return process.extractOne(fold(word), vocabulary, scorer=OSA.distance, score_cutoff=2) is None

    given = [w for w in pools.BYSTANDER_GIVEN if far(w)]
    family = [w for w in pools.BYSTANDER_FAMILY if far(w)]
    names = sorted({f"{rng.choice(given)} {rng.choice(family)}" for _ in range(60)}) if given and family else []
    return names


def generate(
    people_count: int,
    out: Path,
    seed: int = 7,
    corpus_bytes: int = MIB,
    files: int = 200,
    big_bytes: int = 5 * MIB,
    lsp_lines: int = 3000,
    small_bytes: int = 3000,
) -> dict:
    """Write the data set into ``out`` and return its summary (also written to meta.json)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    banned = TEMPLATE_WORDS | {fold(w) for c in CITIES + REGIONS for w in c.split()}
    banned |= {fold(w) for name, adjective in COUNTRIES for w in f"{name} {adjective}".split()}
    banned |= {fold(w) for role in NATIONAL_ROLES + ["Mayor", "Governor", "Former"] for w in role.split()}
    banned |= {fold(w) for _, use, instead in STYLE for w in f"{use} {instead}".split()}
    people = People(people_count, rng, frozenset(banned))
    offices, jurisdictions = build_offices(people, rng)
    write_rulebook(out / "rules", people, offices, jurisdictions)
    data = Dataset(people, offices, bystander_names(people, rng), rng)

    drafts: list[Draft] = []
    per_file = corpus_bytes // files
    for i in range(files):
        topic = fold(random.Random(f"{seed}-{i}").choice(TOPICS)).replace(" ", "-").replace("'", "")
        name = f"corpus/{i + 1:04d}-{topic}"
        if i % 5 < 3:
            drafts.append(markdown_draft(data, f"{name}.md", per_file, f"{seed}-corpus-{i}"))
        else:
            drafts.append(text_draft(data, f"{name}.txt", per_file, f"{seed}-corpus-{i}"))
    if big_bytes:
        drafts.append(text_draft(data, "big/big.txt", big_bytes, f"{seed}-big", max(1, big_bytes // 5000)))
    truth = []
    for draft in drafts:
        path = out / draft.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(draft.text(), "utf-8")
        for number, line in enumerate(draft.lines, start=1):
            for mark in line.marks:
                truth.append(
                    {
                        "file": draft.path,
                        "line": number,
                        "column": mark.column + 1,
                        "code": mark.code,
                        "wrong": mark.wrong,
                        "right": mark.right,
                        "note": mark.note,
                    }
                )
    small = markdown_draft(data, "small/draft.md", small_bytes, f"{seed}-small")
    lsp = lsp_draft(data, "lsp/draft.md", lsp_lines, f"{seed}-lsp")
    for draft in (small, lsp):
        (out / draft.path).parent.mkdir(parents=True, exist_ok=True)
        (out / draft.path).write_text(draft.text(), "utf-8")
    with (out / "truth.jsonl").open("w", encoding="utf-8") as stream:
        for entry in truth:
            stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
    write_prh(out / "prh.yml", people, truth)
    counts: dict[str, int] = defaultdict(int)
    for entry in truth:
        counts[entry["code"]] += 1
    corpus_files = [d for d in drafts if d.path.startswith("corpus/")]
    meta = {
        "people": people_count,
        "seed": seed,
        "offices": len(offices),
        "office_holders": sum(len(o.holders) for o in offices),
        "jurisdictions": len(jurisdictions),
        "bystanders": len(data.bystanders),
        "corpus_files": len(corpus_files),
        "corpus_bytes": sum((out / d.path).stat().st_size for d in corpus_files),
        "big_bytes": (out / "big/big.txt").stat().st_size if big_bytes else 0,
        "small_bytes": (out / small.path).stat().st_size,
        "lsp_lines": len(lsp.lines),
        "truth": dict(sorted(counts.items())),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    return meta


def write_prh(path: Path, people: People, truth: list[dict]) -> None:
    """A prh dictionary of every person's name, with the injected misspellings as patterns.

    Patterns are written as /regular expressions/ that end at the end of a word (a dropped last
    letter, "Janice Griffi", must not match "Janice Griffin"), as a careful prh user writes
    them (a look-behind at the start as well made prh 25 times slower); and prh escapes "-"
    in plain patterns, which its Unicode-mode regular expressions then reject (al-Hashem).
    """
    patterns: dict[str, set[str]] = defaultdict(set)
    for entry in truth:
        if entry["code"] == "NL101":
            patterns[entry["right"]].add(entry["wrong"])
    expected = list(dict.fromkeys([form for p in people.people for form in p.forms] + list(patterns)))
    lines = ["version: 1", "rules:"]
    for name in expected:
        lines.append(f"  - expected: {json.dumps(name, ensure_ascii=False)}")
        lines.append("    patterns:")
        for pattern in sorted(patterns.get(name, ())) or [name]:
            regex = f"/{_regex_escape(pattern)}(?![\\p{{L}}\\p{{M}}])/"
            lines.append(f"      - {json.dumps(regex, ensure_ascii=False)}")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _regex_escape(text: str) -> str:
    return "".join("\\" + c if c in ".*+?^${}()|[]\\/" else c for c in text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, required=True, help="people in the rulebook")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus-bytes", type=int, default=MIB, help="size of the corpus (default 1 MiB)")
    parser.add_argument("--files", type=int, default=200, help="files in the corpus (default 200)")
    parser.add_argument("--big-bytes", type=int, default=5 * MIB, help="size of the big file (default 5 MiB; 0: none)")
    parser.add_argument("--lsp-lines", type=int, default=3000, help="lines of the language-server draft")
    parser.add_argument("--validate", action="store_true", help="load the rulebook with newslint afterwards")
    args = parser.parse_args(argv)
    meta = generate(args.people, args.out, args.seed, args.corpus_bytes, args.files, args.big_bytes, args.lsp_lines)
    print(json.dumps(meta))
    if args.validate:
        import newslint

        started = time.perf_counter()
        book = newslint.load_rulebook([args.out / "rules"])
        print(f"loaded {len(book.people)} people, {len(book.offices)} offices in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
