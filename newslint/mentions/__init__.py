"""The mentions layer: who and what a draft names, where, in which role and at which time.

Computed once per draft, between the ``Document`` and the checks, and read by every check.
It resolves; it does not judge. In order:

1. ``matches``: one pass of the rulebook index over the draft's words.
2. ``people``: known people, by full name, by surname after they were named, by surname
   after an honorific ("Mr Carney") or after a title of an office they held ("Chancellor Merz").
3. ``unknown_names``: capitalized names the rulebook does not explain (maybe misspelled).
4. ``jurisdictions``: where the draft names a country or body, and the one it is most about.
5. ``titles``: complete titles and bare roles, each bare role resolved to an office only
   through that context.
6. ``titled``: titles given to people, with the words that date them ("former", "then",
   "-elect", "at the time", verbs of leaving and arriving).
7. ``time_of``: the periods each clause speaks about (its own dates and years, "last week",
   "on Tuesday", and those that open its sentence), the draft's date always among them.
8. ``speakers``: who says each direct quotation; ``referents``: whom a pronoun may refer to.
9. ``events``: known events in the rulebook's phrasing or another ("Crimea's annexation").

docs/mentions.md describes each step with examples.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from functools import cached_property

from newslint.document import Document
from newslint.mentions.clausetime import ClauseTime, clause_time, sentence_clauses
from newslint.mentions.discourse import Candidates, Referent, find_candidates, find_speakers, referents
from newslint.mentions.events import EventMention, find_events
from newslint.mentions.people import NameSpan, PersonMention, find_people, unknown_names
from newslint.mentions.roles import TitleMention, find_titles, jurisdiction_mentions, main_jurisdiction
from newslint.mentions.titled import TitledPerson, find_titled
from newslint.rulebook.index import Match, person_name_words
from newslint.rulebook.schema import Rulebook
from newslint.text import Token

__all__ = [
    "ClauseTime",
    "EventMention",
    "Mentions",
    "NameSpan",
    "PersonMention",
    "Referent",
    "TitleMention",
    "TitledPerson",
]


class Mentions:
    """Everything a draft names, resolved against a rulebook. Each part is built on first use."""

    def __init__(self, document: Document, rulebook: Rulebook) -> None:
        self.document = document
        self.rulebook = rulebook
        self.tokens: list[Token] = document.tokens
        self._clauses: dict[int, list[list[int]]] = {}
        self._times: dict[tuple[int, int], ClauseTime] = {}

    @cached_property
    def matches(self) -> list[Match]:
        return self.rulebook.index.matches(self.tokens)

    @cached_property
    def matches_by_kind(self) -> dict[str, list[Match]]:
        grouped: dict[str, list[Match]] = defaultdict(list)
        for match in self.matches:
            grouped[match.entry.kind].append(match)
        return grouped

    def quoted(self, index: int) -> bool:
        """Whether token ``index`` lies inside direct speech."""
        return self.document.in_quote(self.tokens[index].start)

    # People

    @cached_property
    def people(self) -> list[PersonMention]:
        return find_people(self)

    @cached_property
    def person_starts(self) -> set[int]:
        return {m.first for m in self.people}

    @cached_property
    def named_in_full(self) -> set[str]:
        """People the draft names in full somewhere."""
        return {m.person for m in self.people if m.full}

    @cached_property
    def named_by_word(self) -> dict[str, set[str]]:
        """People named in full, by each folded word of their accepted spellings."""
        by_word: dict[str, set[str]] = defaultdict(set)
        for person_id in self.named_in_full:
            for word in person_name_words(self.rulebook.people[person_id]):
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
    def explained(self) -> set[int]:
        """Tokens that the rulebook's exact matches and the known people account for."""
        covered: set[int] = set()
        for match in self.matches:
            covered.update(range(match.first, match.last))
        for mention in self.people:
            covered.update(range(mention.first, mention.last))
        return covered

    @cached_property
    def unknown_names(self) -> list[NameSpan]:
        return unknown_names(self)

    # Places and roles

    @cached_property
    def jurisdictions(self) -> list[tuple[int, str]]:
        """(token, jurisdiction) for every place the draft names a country or body."""
        return jurisdiction_mentions(self)

    @cached_property
    def main_jurisdiction(self) -> str | None:
        """The jurisdiction the draft names most."""
        return main_jurisdiction(self.jurisdictions)

    def jurisdictions_near(self, index: int) -> list[str]:
        """Jurisdictions named in the sentence of token ``index`` and in the one before it."""
        first, last = self.document.sentence_of(index)
        if first > 0:
            first = self.document.sentence_of(first - 1)[0]
        named = self.jurisdictions
        start = bisect.bisect_left(named, (first, ""))
        end = bisect.bisect_left(named, (last, ""))
        return [j for _, j in named[start:end]]

    @cached_property
    def titles(self) -> list[TitleMention]:
        return find_titles(self)

    @cached_property
    def titles_ending(self) -> dict[int, TitleMention]:
        return {t.last: t for t in self.titles}

    @cached_property
    def titles_starting(self) -> dict[int, TitleMention]:
        return {t.first: t for t in self.titles}

    @cached_property
    def titled(self) -> list[TitledPerson]:
        return find_titled(self)

    @cached_property
    def at_the_time(self) -> set[int]:
        """The sentences (by their first token) that say "at the time": their titles are dated."""
        tokens = self.tokens
        return {
            self.document.sentence_of(i)[0]
            for i in range(2, len(tokens))
            if tokens[i].key == "time" and tokens[i - 1].key == "the" and tokens[i - 2].key == "at"
        }

    # Events

    @cached_property
    def events(self) -> list[EventMention]:
        """Known events, in the rulebook's phrasing or inflected and reordered."""
        return find_events(self)

    # Time

    def time_of(self, index: int) -> ClauseTime:
        """The periods the clause holding token ``index`` speaks about."""
        first, last = self.document.sentence_of(index)
        clauses = self._clauses.get(first)
        if clauses is None:
            clauses = self._clauses[first] = sentence_clauses(self.document, first, last)
        for n, clause in enumerate(clauses):
            if index in clause or n == len(clauses) - 1:
                key = (first, n)
                time = self._times.get(key)
                if time is None:
                    time = self._times[key] = clause_time(self.document, clause)
                return time
        raise AssertionError("a sentence has at least one clause")

    # Discourse

    @cached_property
    def candidates(self) -> Candidates:
        """What a pronoun may refer to, by the token it starts at."""
        return find_candidates(self)

    @cached_property
    def speakers(self) -> dict[int, int]:
        """For each direct quotation (by its first token), the token where its speaker is named."""
        return find_speakers(self)

    def referents(self, index: int) -> list[Referent]:
        """Whom the pronoun at token ``index`` may refer to, most salient first."""
        return referents(self, index)
