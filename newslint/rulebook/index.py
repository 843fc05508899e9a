"""One index of every name, title and phrase of a rulebook, matched over a draft in one pass.

Phrases are stored in one table keyed by their folded words joined, with a table of every
proper prefix so that a walk stops as soon as no phrase can go on: matching costs the same
whatever the number of facts, and the tables load from the cache as plain strings. Near
misses of names go through a deletion index (symmetric delete), so fuzzy matching does not
grow with the rulebook either.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any, NamedTuple

from newslint.rulebook.eventshapes import STEMMED, EventShape, event_shapes
from newslint.rulebook.schema import Person, Rulebook
from newslint.rulebook.titles import office_titles
from newslint.text import Token, fold, phrase_keys

NUMBER = "\0n"  # phrase word that matches a number written in digits or words
_SEP = PHRASE_SEPARATOR = "\x1f"  # joins the words of a phrase key
_new = tuple.__new__  # makes an Entry of a stored tuple without a Python-level call

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
PARTICLES = frozenset(
    "von van der den dem de del della di da dos das du la las le les los ter ten zu af al el bin ibn".split()
)


class Entry(NamedTuple):
    """What a phrase of the index stands for."""

    kind: str  # person | title | role | government | jurisdiction | event | count | style | style-except
    fact: str
    extra: Any = None  # titles and roles: every office they name


class Match(NamedTuple):
    """A phrase found in a draft: tokens [first, last) and, for counts, the number read."""

    entry: Entry
    first: int
    last: int
    number: int | None = None
    number_token: int = -1


def read_number(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A number at token i, in digits or words (twenty-seven): its value and the next index."""
    token = tokens[i]
    if token.kind == "num":
        digits = token.text.replace(",", "")
        return (int(digits), i + 1) if digits.isdigit() else None
    if token.key in _UNITS:
        return _UNITS[token.key], i + 1
    if token.key in _TENS:
        value = _TENS[token.key]
        if i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 2].key in _UNITS:
            unit = _UNITS[tokens[i + 2].key]
            if 0 < unit < 10:
                return value + unit, i + 3
        return value, i + 1
    return None


class RulebookIndex:
    """Every phrase keyed by its words, plus lookups for surnames and near-miss name words."""

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        # Entries are kept as plain tuples (made Entry when matched): they load from the
        # cache several times faster than named tuples.
        self.phrases: dict[str, tuple[tuple[str, str, Any], ...]] = {}
        self.prefixes: set[str] = set()
        self.surnames: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self.variant_surnames: dict[str, list[str]] = defaultdict(list)  # last word of a variant -> people
        self.name_words: set[str] = set()
        self.place_words: set[str] = set()  # folded words of jurisdiction names and adjectives
        # Common English words that look like a known name word ("trust" beside Truss): never a
        # lone misspelled surname. Found with wordfreq when the index is built, not per draft.
        self.common_near_names: frozenset[str] = frozenset()
        self.name_pairs: dict[str, str] = {}  # "word next" -> the people's ids, space-separated
        self.unhyphenated: dict[str, tuple[str, str]] = {}  # "jean claude juncker" -> (person, "Jean-Claude Juncker")
        self.deletions: dict[str, tuple[str, ...]] = {}  # a name word less one letter -> name words
        self.before_numbers: frozenset[str] = frozenset()  # phrase beginnings a number may follow
        self.titles: dict[str, list[str]] = {}
        self.role_words: set[str] = set()
        self.offices_of: dict[str, list[str]] = defaultdict(list)
        self.event_shapes: dict[str, tuple[EventShape, ...]] = {}  # events in any phrasing, by anchor
        self.event_stem_prefixes: frozenset[str] = frozenset()
        self._build()

    def _add(self, phrase: str | tuple[str, ...], entry: Entry) -> None:
        if isinstance(phrase, tuple):
            keys = phrase
        else:
            parts = [phrase_keys(part) for part in phrase.split("{n}")]
            keys = tuple(key for i, part in enumerate(parts) for key in ((NUMBER,) if i else ()) + part)
        if not keys:
            return
        for end in range(1, len(keys)):
            self.prefixes.add(_SEP.join(keys[:end]))
        joined = _SEP.join(keys)
        self.phrases[joined] = (*self.phrases.get(joined, ()), tuple(entry))

    def _build(self) -> None:
        book = self.book
        pairs: dict[str, set[str]] = defaultdict(set)
        deletions: dict[str, set[str]] = defaultdict(set)
        # a given name and surname stand for a person unless they are someone else's own name
        # ("John Kennedy" is the senator, not President John F. Kennedy)
        own_forms = {fold(form) for person in book.people.values() for form in person.forms}
        for person in book.people.values():
            given_surname = f"{person.given} {person.surname}"
            extra_forms = () if fold(given_surname) in own_forms else (given_surname,)
            for form in (*person.forms, *extra_forms):
                self._add(form, Entry("person", person.id, form))
                if "-" in form:
                    # "Jean Claude Juncker" and "Moon Jaein" for "Jean-Claude Juncker", "Moon Jae-in"
                    self.unhyphenated.setdefault(" ".join(name_keys(form)), (person.id, form))
                    joined = " ".join("".join(name_keys(part)) for part in form.split())
                    self.unhyphenated.setdefault(joined, (person.id, form))
                words = name_keys(form)
                for first, then in zip(words, words[1:], strict=False):
                    pairs[f"{first} {then}"].add(person.id)
                for word in words:
                    if word not in self.name_words:
                        self.name_words.add(word)
                        if len(word) >= 4:
                            for deleted in _deletions(word):
                                deletions[deleted].add(word)
                            deletions[word].add(word)
            self.surnames[phrase_keys(person.surname)].append(person.id)
            surname_keys = phrase_keys(person.surname)
            for form in person.variants:
                last = name_keys(form)[-1:]
                if last and last != surname_keys[-1:]:  # "Volodymyr Zelensky" beside the surname Zelenskyy
                    self.variant_surnames[last[0]].append(person.id)
        for jurisdiction in book.jurisdictions.values():
            for name in (*jurisdiction.names, *jurisdiction.adjectives):
                self._add(name, Entry("jurisdiction", jurisdiction.id))
                self.place_words.update(k for k in phrase_keys(name) if k.isalpha())
        for office in book.offices.values():
            for person_id in dict.fromkeys(term.person for term in office.holders):
                self.offices_of[person_id].append(office.id)
            titles = office_titles(office, book)
            self.titles[office.id] = titles
            for title in titles:
                self._add(title, Entry("title", office.id))
            for role in office.roles:
                self._add(role, Entry("role", office.id))
                self.role_words.update(phrase_keys(role))
            for title in titles:
                self.role_words.update(phrase_keys(title))
            if office.government:
                for person_id in {term.person for term in office.holders}:
                    holder = book.people.get(person_id)
                    if holder is not None:
                        # "the Merz government", and by a one-word name ("the Prabowo government")
                        names = dict.fromkeys([holder.surname, *(v for v in holder.variants if " " not in v.strip())])
                        for name in names:
                            self._add(f"{name} {office.government}", Entry("government", office.id, person_id))
        for party in book.parties.values():
            for name in (*party.names, *party.adjectives):
                self._add(name, Entry("party", party.id))
        for event in book.events.values():
            for phrase in event.phrases:
                self._add(phrase, Entry("event", event.id))
            for phrase in event.exceptions:
                self._add(phrase, Entry("event-except", event.id))
        self.event_shapes = event_shapes(book)
        self.event_stem_prefixes = frozenset(a[1:5] for a in self.event_shapes if a.startswith(STEMMED))
        for count in book.counts.values():
            for phrase in count.phrases:
                self._add(phrase, Entry("count", count.id))
                article, _, rest = phrase.partition(" ")
                if article.lower() in ("the", "a", "an") and rest.startswith("{n}"):
                    # "the {n}-seat parliament" also in "the newly elected 705-seat parliament"
                    self._add(rest, Entry("count", count.id))
        for rule in book.style.values():
            for phrase in rule.instead_of:
                self._add(phrase, Entry("style", rule.id, phrase))
            for phrase in rule.exceptions:
                self._add(phrase, Entry("style-except", rule.id, phrase))
        self._group_offices()
        marker = _SEP + NUMBER
        self.before_numbers = frozenset(
            key[: key.index(marker)] for key in (*self.prefixes, *self.phrases) if marker in key
        )
        # Tuples load from the cache much faster than sets.
        self.name_pairs = {key: " ".join(sorted(people)) for key, people in pairs.items()}
        self.deletions = {key: tuple(sorted(words)) for key, words in deletions.items()}
        self.common_near_names = frozenset(w for w in common_words() if w not in self.name_words and self._near_any(w))

    def _group_offices(self) -> None:
        """One entry per phrase for all the offices a title or role names ("Minister" names
        hundreds), its ``extra`` the set of offices, so a draft's matches do not multiply."""
        for key, entries in self.phrases.items():
            offices: dict[str, list[str]] = defaultdict(list)
            for kind, fact, _ in entries:
                if kind in ("title", "role"):
                    offices[kind].append(fact)
            if offices:
                kept = tuple(entry for entry in entries if entry[0] not in offices)
                grouped = tuple((kind, min(ids), frozenset(ids)) for kind, ids in offices.items())
                self.phrases[key] = kept + grouped

    def matches(self, tokens: list[Token]) -> list[Match]:
        """Every phrase of the rulebook found in the tokens, overlapping ones included."""
        found: list[Match] = []
        phrases, prefixes = self.phrases, self.prefixes
        numbers_first = NUMBER in phrases or NUMBER in prefixes
        before_numbers = self.before_numbers
        count = len(tokens)
        for i, token in enumerate(tokens):
            key = token.key
            if key in prefixes:
                # The common case inlined: extend the key word by word while phrases go on;
                # a phrase that can go on with a number is left to the general walk.
                mark = len(found)
                j = i + 1
                while True:
                    if key in before_numbers:
                        del found[mark:]
                        self._walk(tokens, i, token.key, i + 1, None, -1, found)
                        break
                    entries = phrases.get(key)
                    if entries is not None:
                        for entry in entries:
                            found.append(Match(_new(Entry, entry), i, j))
                    if j >= count or key not in prefixes:
                        break
                    key = key + _SEP + tokens[j].key
                    j += 1
            elif key in phrases:
                for entry in phrases[key]:
                    found.append(Match(_new(Entry, entry), i, i + 1))
            if numbers_first and token.kind in ("num", "word"):
                read = read_number(tokens, i)
                if read is not None:
                    self._walk(tokens, i, NUMBER, read[1], read[0], i, found)
        return found

    def _walk(self, tokens, first, key, i, number, number_token, found) -> None:
        """Extend the phrase key from token i on, recording every phrase it completes."""
        phrases, prefixes = self.phrases, self.prefixes
        number_end = i if number is not None else -1
        while True:
            entries = phrases.get(key)
            if entries is not None:
                for entry in entries:
                    found.append(Match(_new(Entry, entry), first, i, number, number_token))
            if i >= len(tokens) or key not in prefixes:
                return
            if number is None:
                with_number = key + _SEP + NUMBER
                if with_number in prefixes or with_number in phrases:
                    read = read_number(tokens, i)
                    if read is not None:
                        self._walk(tokens, first, with_number, read[1], read[0], i, found)
            word = tokens[i].key
            if i == number_end and word in _ORDINAL_SUFFIXES and tokens[i - 1].end == tokens[i].start:
                word = "th"  # "the {n}th member" matches "32nd", "31st" and "23rd" too
            key = key + _SEP + word
            i += 1

    def _near_any(self, word: str) -> bool:
        """Whether a word is within one deletion of a known name word (built once, uncached)."""
        deletions = self.deletions
        return word in deletions or any(d in deletions for d in _deletions(word))

    def near_words(self, word: str) -> frozenset[str]:
        """Known name words within one deletion on either side of ``word``."""
        cache = self.run_cache("near")
        found = cache.get(word)
        if found is None:
            candidates = set(self.deletions.get(word, ()))
            for deleted in _deletions(word):
                candidates.update(self.deletions.get(deleted, ()))
            found = cache[word] = frozenset(candidates)
        return found

    def run_cache(self, name: str) -> dict:
        """A cache that lives as long as this process (never written to the on-disk cache)."""
        return self.__dict__.setdefault("_run_caches", {}).setdefault(name, {})

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if key != "_run_caches"}


def name_keys(form: str) -> tuple[str, ...]:
    """The folded words of a name, without hyphens or other punctuation."""
    return tuple(word for word in phrase_keys(form) if word.isalpha() or "'" in word)


def person_name_words(person: Person) -> frozenset[str]:
    """Every folded word of a person's accepted spellings."""
    return frozenset(word for form in person.forms for word in name_keys(form))


# wordfreq's Zipf scale: 3.5 is about once in 300,000 words ("truss" 3.3, "trust" 5.1, "russia" 4.9).
_COMMON_ZIPF = 3.5


@lru_cache(maxsize=1)
def common_words() -> tuple[str, ...]:
    """English words at least as frequent as _COMMON_ZIPF, folded, four letters or more."""
    from wordfreq import get_frequency_dict  # a quarter of a second: only when an index is built

    threshold = 10 ** (_COMMON_ZIPF - 9)
    # The small list has every word down to Zipf 3 and loads ten times faster than the best one.
    frequencies = get_frequency_dict("en", wordlist="small")
    return tuple(fold(w) for w, f in frequencies.items() if f >= threshold and len(w) >= 4 and w.isalpha())


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}
