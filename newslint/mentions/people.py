"""Who a draft names: known people by full name, surname, honorific or title, and the
capitalized names the rulebook does not know."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.dates import MONTHS, WEEKDAYS
from newslint.rulebook.index import PARTICLES, Match
from newslint.text import Token, phrase_keys

if TYPE_CHECKING:
    from newslint.mentions import Mentions
    from newslint.mentions.roles import TitleMention

# Words written before a surname that stand for a person: "Mr Carney", "Sen. Warren", "Dr Tedros".
HONORIFICS = frozenset(
    """sir dame dr mr mrs ms miss mx general gen lord lady prof professor sen senator rep gov
    governor adm admiral col colonel rev cardinal""".split()
)
# Capitalized words that may follow a name without being part of it.
NOT_NAME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


@dataclass(frozen=True)
class PersonMention:
    """A known person named at tokens [first, last), and how the name was resolved."""

    person: str
    first: int
    last: int
    full: bool  # full name (or variant) rather than the surname alone
    how: str = "full name"  # full name | surname after a mention | honorific | title


@dataclass(frozen=True)
class NameSpan:
    """A run of capitalized words that the rulebook's exact matches did not explain."""

    first: int
    last: int
    words: tuple[int, ...]  # the indexes of its word tokens


def capitalized_name(tokens: list[Token], first: int, last: int) -> bool:
    """Whether every word of a name starts with a capital (particles aside); the parts
    after an apostrophe or hyphen inside a word ("O'Brien", "Jae-chul") are not words."""
    head = tokens[first]
    if head.kind != "word" or not (head.capitalized or head.key in PARTICLES):
        return False
    for i in range(first + 1, last):
        token = tokens[i]
        if token.kind == "word" and not token.capitalized and token.key not in PARTICLES:
            if tokens[i - 1].end != token.start:
                return False
    return True


def find_people(m: Mentions) -> list[PersonMention]:
    """Full-name mentions (longest first), then surnames standing for a known person: after
    the person is named in full, after an honorific, or after a title of an office the person held."""
    tokens = m.tokens
    full = longest([x for x in m.matches_by_kind["person"] if capitalized_name(tokens, x.first, x.last)])
    mentions = [PersonMention(x.entry.fact, x.first, x.last, True) for x in full]
    covered: set[int] = set()
    for mention in mentions:
        covered.update(range(mention.first, mention.last))
    described: set[int] = set()
    for kind in ("title", "role", "jurisdiction"):
        for match in m.matches_by_kind[kind]:
            described.update(range(match.first, match.last))
    first_named: dict[str, int] = {}
    for mention in mentions:
        first_named.setdefault(mention.person, mention.first)
    index = m.rulebook.index
    # The surnames of people named in full, and every surname after an honorific or a title.
    surnames: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for person_id in first_named:
        surnames[phrase_keys(m.rulebook.people[person_id].surname)].append(person_id)
    firsts = {keys[0] for keys in surnames}
    titles_ending = m.titles_ending
    for i in m.document.capitalized:
        if i in covered:
            continue
        introduced = _introducer(tokens, i, titles_ending)
        if tokens[i].key not in firsts and introduced is None:
            continue
        for length in (3, 2, 1):
            keys = tuple(t.key for t in tokens[i : i + length])
            if len(keys) < length or any(j in covered for j in range(i, i + length)):
                continue
            before = _name_word_before(tokens, i)
            if (
                before is not None
                and before not in covered
                and before not in described
                and tokens[before].key not in HONORIFICS
            ):
                break  # "Michael Kellogg", "Laur M. Armstrong": another given name, not a surname alone
            if _name_goes_on(m, i + length, covered, described):
                break  # "Cui Yogn": a family name first, then a given name (maybe misspelled)
            if not capitalized_name(tokens, i, i + length):
                continue
            named = [p for p in surnames.get(keys, ()) if first_named.get(p, len(tokens)) < i]
            person, how = (named[0], "surname after a mention") if len(named) == 1 else (None, "")
            if person is None and introduced is not None and keys in index.surnames:
                person, how = _introduced_person(m, introduced, i, index.surnames[keys])
            if person is not None:
                mentions.append(PersonMention(person, i, i + length, False, how))
                covered.update(range(i, i + length))
                break
    mentions.sort(key=lambda x: x.first)
    return mentions


def _introducer(tokens: list[Token], i: int, titles_ending: dict[int, TitleMention]) -> TitleMention | str | None:
    """The honorific ("Mr", "Sen.") or the title ("Chancellor") written right before token i."""
    if i in titles_ending:
        return titles_ending[i]
    j = i - 1
    if j >= 0 and tokens[j].text == ".":
        j -= 1
    if j >= 0 and tokens[j].key in HONORIFICS and tokens[j].capitalized:
        return tokens[j].key
    return None


def _introduced_person(
    m: Mentions, introducer: TitleMention | str, i: int, people: list[str]
) -> tuple[str | None, str]:
    """The one known person a surname after an honorific or a title stands for: a title
    names the offices the context gives it ("Dutch Prime Minister"), or any of its role's."""
    if isinstance(introducer, str):
        return (people[0], "honorific") if len(people) == 1 else (None, "")
    offices = introducer.resolved or introducer.offices
    held = [p for p in people if not offices.isdisjoint(m.rulebook.index.offices_of.get(p, ()))]
    if len(held) > 1:
        time = m.time_of(i)
        held = [
            p
            for p in held
            if any(time.overlaps(t.start, t.end) for o in offices for t in m.rulebook.offices[o].terms_of(p))
        ] or held
    return (held[0], "title") if len(set(held)) == 1 else (None, "")


def _name_word_before(tokens: list[Token], i: int) -> int | None:
    """The capitalized word that a name at token i would go on from, over a middle
    initial ("M.") or particles ("dos"); None if there is none."""
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


def _name_goes_on(m: Mentions, i: int, covered: set[int], described: set[int]) -> bool:
    """Whether token i is one more capitalized name word right after a surname."""
    tokens = m.tokens
    if i >= len(tokens) or i in covered or i in described:
        return False
    token = tokens[i]
    return (
        token.capitalized
        and m.document.prose[tokens[i - 1].end : token.start] == " "
        and token.key not in NOT_NAME_WORDS
        # in a title-case line every word is capitalized: only a known name word goes on
        and (token.key in m.rulebook.index.name_words or not m.document.is_headline(token.start))
    )


def unknown_names(m: Mentions) -> list[NameSpan]:
    """Runs of capitalized words (particles and hyphens allowed inside) outside exact matches."""
    tokens = m.tokens
    explained = m.explained
    prose = m.document.prose
    spans = []
    j = 0
    for i in m.document.capitalized:
        if i < j or i in explained:
            continue
        j = i + 1
        while j < len(tokens) and j not in explained:
            token = tokens[j]
            before = prose[tokens[j - 1].end : token.start]
            if token.capitalized and before in (" ", ""):
                j += 1
            elif _name_part_after_hyphen(tokens, j) and j + 1 not in explained:
                j += 2  # "Jae-chul": a hyphenated given name goes on in lower case
            elif _initial_stop(tokens, prose, j) and j + 1 not in explained:
                j += 1  # "David F. White": the full stop of a middle initial
            elif token.key in PARTICLES or token.text == "-":
                k = j
                while k < len(tokens) and (tokens[k].key in PARTICLES or tokens[k].text == "-") and k - j < 3:
                    k += 1
                if k < len(tokens) and tokens[k].capitalized and k not in explained:
                    j = k
                else:
                    break
            else:
                break
        spans.append(NameSpan(i, j, tuple(k for k in range(i, j) if tokens[k].kind == "word")))
    return spans


def _name_part_after_hyphen(tokens: list[Token], j: int) -> bool:
    """Whether token j is a hyphen joining a lower-case name part to the word before it."""
    if tokens[j].text != "-" or j + 1 >= len(tokens):
        return False
    after = tokens[j + 1]
    return (
        after.kind == "word"
        and tokens[j - 1].end == tokens[j].start
        and tokens[j].end == after.start
        and after.key not in _HYPHEN_SUFFIXES
    )


# Words after a hyphen that make a compound, not a name ("Biden-era", "Kyiv-based").
_HYPHEN_SUFFIXES = frozenset("era based born led backed style run linked owned like type".split())


def _initial_stop(tokens: list[Token], prose: str, j: int) -> bool:
    """Whether token j is the full stop of a middle initial followed by more of the name."""
    if tokens[j].text != "." or j + 1 >= len(tokens) or j < 2:
        return False
    initial = tokens[j - 1]
    return (
        initial.kind == "word"
        and len(initial.text) == 1
        and initial.capitalized
        and initial.end == tokens[j].start
        and prose[tokens[j].end : tokens[j + 1].start] == " "
        and tokens[j + 1].capitalized
    )


def longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring the earliest start and then the longest."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda x: (-(x.last - x.first), x.first)):
        if not taken.intersection(range(match.first, match.last)):
            chosen.append(match)
            taken.update(range(match.first, match.last))
    return sorted(chosen, key=lambda x: x.first)
