"""What every check needs of a draft: the rulebook's matches, resolved into mentions once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from newslint.dates import MONTHS, WEEKDAYS, year_of
from newslint.document import Document
from newslint.rulebook.index import PARTICLES, Match, person_name_words
from newslint.rulebook.schema import Office, Person, Rulebook
from newslint.text import phrase_keys

HONORIFICS = frozenset("sir dame dr mr mrs ms general gen lord lady prof professor".split())
# Capitalized words that may follow a name without being part of it.
NOT_NAME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
FORMER_WORDS = frozenset("former ex onetime erstwhile late previous prior".split())


@dataclass(frozen=True)
class PersonMention:
    person: str
    first: int
    last: int
    full: bool  # full name (or variant) rather than the surname alone


@dataclass(frozen=True)
class TitleMention:
    offices: frozenset[str]
    first: int
    last: int
    qualified: bool  # a complete title ("German Chancellor"), not a bare role ("Chancellor")


class Context:
    """A document, a rulebook and the mentions found by one pass of the rulebook index."""

    def __init__(self, document: Document, rulebook: Rulebook) -> None:
        self.document = document
        self.rulebook = rulebook
        self.tokens = document.tokens
        self.date = document.date

    @cached_property
    def matches(self) -> list[Match]:
        return self.rulebook.index.matches(self.tokens)

    @cached_property
    def matches_by_kind(self) -> dict[str, list[Match]]:
        grouped: dict[str, list[Match]] = defaultdict(list)
        for match in self.matches:
            grouped[match.entry.kind].append(match)
        return grouped

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last - 1].end

    def text(self, first: int, last: int) -> str:
        """The source text of tokens [first, last), white space folded for messages."""
        start, end = self.span(first, last)
        return " ".join(self.document.source[start:end].split())

    def quoted(self, first: int) -> bool:
        return self.document.in_quote(self.tokens[first].start)

    def person(self, person_id: str) -> Person:
        return self.rulebook.people[person_id]

    def office(self, office_id: str) -> Office:
        return self.rulebook.offices[office_id]

    def _capitalized_name(self, first: int, last: int) -> bool:
        """Whether every word of a name starts with a capital (particles aside); the parts
        after an apostrophe or hyphen inside a word ("O'Brien", "Jae-chul") are not words."""
        tokens = self.tokens
        head = tokens[first]
        if head.kind != "word" or not (head.capitalized or head.key in PARTICLES):
            return False
        for i in range(first + 1, last):
            token = tokens[i]
            if token.kind == "word" and not token.capitalized and token.key not in PARTICLES:
                if tokens[i - 1].end != token.start:
                    return False
        return True

    @cached_property
    def people(self) -> list[PersonMention]:
        """Full-name mentions (longest first), then surnames of people already named in full."""
        full = _longest([m for m in self.matches_by_kind["person"] if self._capitalized_name(m.first, m.last)])
        mentions = [PersonMention(m.entry.fact, m.first, m.last, True) for m in full]
        covered: set[int] = set()
        for mention in mentions:
            covered.update(range(mention.first, mention.last))
        described: set[int] = set()
        for kind in ("title", "role", "jurisdiction"):
            for match in self.matches_by_kind[kind]:
                described.update(range(match.first, match.last))
        first_named: dict[str, int] = {}
        for mention in mentions:
            first_named.setdefault(mention.person, mention.first)
        # Only the surnames of people already named in full can stand alone.
        surnames: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for person_id in first_named:
            surnames[phrase_keys(self.person(person_id).surname)].append(person_id)
        firsts = {keys[0] for keys in surnames}
        tokens = self.tokens
        for i in [i for i in self.document.capitalized if tokens[i].key in firsts]:
            if i in covered:
                continue
            for length in (3, 2, 1):
                keys = tuple(t.key for t in tokens[i : i + length])
                if len(keys) < length or any(j in covered for j in range(i, i + length)):
                    continue
                before = self._name_word_before(i)
                if (
                    before is not None
                    and before not in covered
                    and before not in described
                    and tokens[before].key not in HONORIFICS
                ):
                    break  # "Michael Kellogg", "Laur M. Armstrong": another given name, not a surname alone
                if self._name_goes_on(i + length, covered, described):
                    break  # "Cui Yogn": a family name first, then a given name (maybe misspelled)
                named = [p for p in surnames.get(keys, ()) if first_named.get(p, len(tokens)) < i]
                if len(named) == 1 and self._capitalized_name(i, i + length):
                    mentions.append(PersonMention(named[0], i, i + length, False))
                    covered.update(range(i, i + length))
                    break
        mentions.sort(key=lambda m: m.first)
        return mentions

    def _name_word_before(self, i: int) -> int | None:
        """The capitalized word that a name at token i would go on from, over a middle
        initial ("M.") or particles ("dos"); None if there is none."""
        tokens = self.tokens
        k = i - 1
        if k >= 1 and tokens[k].text == "." and tokens[k - 1].capitalized and len(tokens[k - 1].text) == 1:
            k -= 1  # the initial itself is a capitalized word: look one further
            if k >= 1 and tokens[k - 1].capitalized and tokens[k - 1].end + 1 == tokens[k].start:
                return k - 1
            return k
        while k >= 1 and tokens[k].key in PARTICLES and tokens[k].end + 1 == tokens[k + 1].start:
            k -= 1
        if k >= 0 and tokens[k].capitalized and (k == i - 1 or tokens[k].end + 1 == tokens[k + 1].start):
            return k
        return None

    def _name_goes_on(self, i: int, covered: set[int], described: set[int]) -> bool:
        """Whether token i is one more capitalized name word right after a surname."""
        tokens = self.tokens
        if i >= len(tokens) or i in covered or i in described:
            return False
        token = tokens[i]
        return (
            token.capitalized
            and self.document.prose[tokens[i - 1].end : token.start] == " "
            and token.key not in NOT_NAME_WORDS
            and not self.document.is_headline(token.start)
        )

    @cached_property
    def named_in_full(self) -> set[str]:
        """People the draft names in full somewhere."""
        return {m.person for m in self.people if m.full}

    @cached_property
    def named_by_word(self) -> dict[str, set[str]]:
        """People named in full, by each folded word of their accepted spellings."""
        by_word: dict[str, set[str]] = defaultdict(set)
        for person_id in self.named_in_full:
            for word in person_name_words(self.person(person_id)):
                by_word[word].add(person_id)
        return by_word

    @cached_property
    def full_mentions_of(self) -> dict[str, list[int]]:
        """The first tokens of the full-name mentions of each person, in order."""
        firsts: dict[str, list[int]] = defaultdict(list)
        for mention in self.people:
            if mention.full:
                firsts[mention.person].append(mention.first)
        return firsts

    @cached_property
    def person_starts(self) -> set[int]:
        return {m.first for m in self.people}

    @cached_property
    def titles(self) -> list[TitleMention]:
        """Complete titles (longest first), then bare roles outside them."""
        by_span: dict[tuple[int, int, bool], set[str]] = defaultdict(set)
        for match in self.matches_by_kind["title"]:
            by_span[(match.first, match.last, True)].update(match.entry.extra)
        qualified = _longest([m for m in self.matches_by_kind["title"]])
        mentions = [TitleMention(frozenset(by_span[(m.first, m.last, True)]), m.first, m.last, True) for m in qualified]
        covered = {i for m in mentions for i in range(m.first, m.last)}
        for match in self.matches_by_kind["role"]:
            by_span[(match.first, match.last, False)].update(match.entry.extra)
        roles = _longest([m for m in self.matches_by_kind["role"] if not covered.intersection(range(m.first, m.last))])
        for m in roles:
            offices = frozenset(by_span[(m.first, m.last, False)])
            mentions.append(TitleMention(offices, m.first, m.last, len(offices) == 1))
        mentions.sort(key=lambda m: m.first)
        return mentions

    @cached_property
    def titles_ending(self) -> dict[int, TitleMention]:
        return {t.last: t for t in self.titles}

    @cached_property
    def explained(self) -> set[int]:
        """Tokens that the rulebook's exact matches account for."""
        covered: set[int] = set()
        for match in self.matches:
            covered.update(range(match.first, match.last))
        for mention in self.people:
            covered.update(range(mention.first, mention.last))
        return covered

    def sentence_years(self, index: int) -> list[int]:
        """Four-digit years written in the sentence holding a token."""
        first, last = self.document.sentence_of(index)
        return [year for token in self.tokens[first:last] if token.kind == "num" and (year := year_of(token.text))]


def _longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring the earliest start and then the longest."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.last - m.first), m.first)):
        if not taken.intersection(range(match.first, match.last)):
            chosen.append(match)
            taken.update(range(match.first, match.last))
    return sorted(chosen, key=lambda m: m.first)
