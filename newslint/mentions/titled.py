"""Titles given to people: "German Chancellor Olaf Scholz", "Costa, President of the European
Council", "Italy's Prime Minister, Giorgia Meloni," and the words that date them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.mentions.clausetime import ClauseTime
from newslint.mentions.people import HONORIFICS, PersonMention
from newslint.mentions.roles import TitleMention

if TYPE_CHECKING:
    from newslint.mentions import Mentions

FORMER_WORDS = frozenset("former ex onetime erstwhile late previous prior".split())
# Words that place a title at a change of office: the term may start or end around the date.
FUTURE_WORDS = frozenset({"incoming", "outgoing", "future", "designate", "presumptive", "caretaker"})
MARKER_WORDS = FORMER_WORDS | FUTURE_WORDS | {"then"}
_APPOSITION_ARTICLES = frozenset({"the", "a", "an"})
# Words that keep a title in the present: "Cleverly, the new Chancellor of the Exchequer".
_CURRENT_WORDS = frozenset({"new", "newly", "current", "incumbent", "sitting", "present"})
_APPOSITION_WORDS = _APPOSITION_ARTICLES | MARKER_WORDS | _CURRENT_WORDS | {"-"}
# Verbs of a relative clause that gives a title: "who is", "who became", "who has been".
_RELATIVE_VERBS = frozenset("is was became becomes has had been remains remained now also still".split())
# Of those, the ones that date it: "who was prime minister", "who had been", "who became".
_RELATIVE_PAST = frozenset({"was", "had"})
_RELATIVE_CHANGE = frozenset({"became", "becomes"})
_INTRODUCERS = frozenset({"'s", "the", "his", "her", "its", "their", "our"})
# Verbs that put a title at the moment its holder leaves or arrives. Before the title, the
# person is their object: "dismissed Finance Minister X", "replaced X", "succeeded X".
_TRANSITION_BEFORE = frozenset(
    """dismiss dismissed dismisses dismissing sack sacked sacks fire fired fires ousted oust ousts
    replace replaced replaces replacing succeed succeeded succeeds succeeding impeached impeach remove
    removed removes defeated defeat defeats unseated toppled elected elect appointed appoint appoints
    named nominated designated inaugurated swore""".split()
)
# After the person they are said of them: "X, who resigned on Monday", "X stepped down",
# "X succeeded Y", "X took office"; a participle only after an auxiliary ("X was ousted").
_LEAVING_AFTER = frozenset(
    """resign resigned resigns resigning quit quits quitting stepped steps stepping retired retires
    retiring died dies succeeded succeeds""".split()
)
_PARTICIPLES = frozenset(
    """ousted dismissed sacked fired replaced impeached removed defeated sworn elected appointed
    inaugurated named nominated""".split()
)
_OFFICE_AFTER = (frozenset({"took", "takes", "left", "leaves", "leaving", "taking"}), frozenset({"office", "power"}))
_AUXILIARIES = frozenset({",", "who", "was", "were", "is", "has", "had", "been", "being", "will", "would", "later"})
# Words after a person that date the title to the past: "X, who was prime minister at the time".
_PAST_AFTER = (("who", "was"), ("who", "had"), ("had", "been"), ("was", "then"), ("at", "the", "time"))


@dataclass(frozen=True)
class TitledPerson:
    """A title given to a person in the text."""

    title: TitleMention
    person: PersonMention
    former: int | None  # token index of "former"/"ex", when the title is marked as past
    then: bool  # "then-chancellor", "incoming", "president-elect", "at the time": another time
    transition: bool  # a verb of leaving or arriving: the title is right around the change
    first: int
    last: int
    time: ClauseTime


def find_titled(m: Mentions) -> list[TitledPerson]:
    """Pairs of a title and the person it is given to, in one sentence, outside direct quotes."""
    titles_ending = m.titles_ending
    titles_starting = m.titles_starting
    pairs = []
    for person in m.people:
        title = _title_before(m, person, titles_ending)
        if title is not None:
            pairs.append(_pair(m, title, person, title.first, person.last))
            continue
        title = _title_after(m, person, titles_starting)
        if title is not None:
            pairs.append(_pair(m, title, person, person.first, title.last))
            continue
        title = _title_apposed_before(m, person, titles_ending)
        if title is not None:
            pairs.append(_pair(m, title, person, title.first, person.last))
    sentence_of = m.document.sentence_of
    return [p for p in pairs if not m.quoted(p.first) and sentence_of(p.first) == sentence_of(p.last - 1)]


def _title_before(m: Mentions, person: PersonMention, ends: dict[int, TitleMention]) -> TitleMention | None:
    """ "German Chancellor Olaf Scholz", "Prime Minister Sir Keir Starmer", "Gen. Keith Kellogg"."""
    tokens = m.tokens
    before = person.first
    while before not in ends and before > 0:
        key = tokens[before - 1].key
        if key in HONORIFICS or (key == "." and before >= 2 and tokens[before - 2].key in HONORIFICS):
            before -= 1
        else:
            break
    return ends.get(before)


def _title_after(m: Mentions, person: PersonMention, starts: dict[int, TitleMention]) -> TitleMention | None:
    """ "Antonio Costa, President of the European Council", "Scholz, the German chancellor"."""
    tokens = m.tokens
    after = person.last
    if after >= len(tokens) or tokens[after].text != ",":
        return None
    after += 1
    if after < len(tokens) and tokens[after].key == "who":
        # "Carney, who became prime minister in March,", "Reeves, who is the chancellor,"
        after += 1
        while after < len(tokens) and tokens[after].key in _RELATIVE_VERBS:
            after += 1
    while after < len(tokens) and tokens[after].key in _APPOSITION_WORDS:
        after += 1
    title = starts.get(after)
    if title is None or not (title.qualified or title.resolved):
        return None
    if title.last in m.person_starts:
        return None  # "Tusk, European Commission President Jean-Claude Juncker": the next person's title
    return title


def _title_apposed_before(m: Mentions, person: PersonMention, ends: dict[int, TitleMention]) -> TitleMention | None:
    """ "Italy's Prime Minister, Giorgia Meloni, ...": not a list ("..., Foreign Secretary, Yvette Cooper takes")."""
    tokens = m.tokens
    if person.first < 2 or tokens[person.first - 1].text != ",":
        return None
    title = ends.get(person.first - 1)
    if title is None or not (title.qualified or title.resolved):
        return None
    first = title.first
    while first > 0 and tokens[first - 1].key in MARKER_WORDS | _CURRENT_WORDS:
        first -= 1  # "The former prime minister, Fumio Kishida,"
    opens_sentence = first in m.document.sentence_start_set
    introduced = first > 0 and tokens[first - 1].key in _INTRODUCERS
    closed = (
        person.last >= len(tokens)
        or tokens[person.last].text in (",", ".", ")", ";")
        or tokens[person.last].key == "said"
    )
    return title if (opens_sentence or introduced) and closed else None


def _pair(m: Mentions, title: TitleMention, person: PersonMention, first: int, last: int) -> TitledPerson:
    """Read the markers around the title: "former", "then", "incoming", "-elect", "at the time"."""
    tokens = m.tokens
    i = title.first - 1
    if i >= 0 and tokens[i].text == "-":
        i -= 1
    before = tokens[i].key if i >= 0 else ""
    after = [t.key for t in tokens[title.last : title.last + 2]]
    former = i if before in FORMER_WORDS else None
    sentence_first, sentence_last = m.document.sentence_of(first)
    following = tuple(t.key for t in tokens[last : min(sentence_last, last + 12)])
    dated = (
        before == "then"
        or before in FUTURE_WORDS
        or after in (["-", "elect"], ["-", "designate"])
        or after[:1] == ["until"]  # "Kishida, Japan's prime minister until Tuesday"
        or any(_starts_at(following, words) for words in _PAST_AFTER)
        or _starts_at(following, (",", "who", "was"))
        or sentence_first in m.at_the_time
    )
    transition = _transition(tokens, max(sentence_first, first - 3), first, last, sentence_last)
    if person.last <= title.first:  # a title after the name: the words between may date it
        between = {t.key for t in tokens[person.last : title.first]}
        dated = dated or not between.isdisjoint(_RELATIVE_PAST)
        transition = transition or not between.isdisjoint(_RELATIVE_CHANGE)
    start = min(first, former if former is not None else first)
    return TitledPerson(title, person, former, dated, transition, start, last, m.time_of(first))


def _transition(tokens, before: int, first: int, last: int, end: int) -> bool:
    """A verb of leaving or arriving said of the person: before the title, or after the
    person over "who", "was", "has been" ("X, who resigned", "X was sworn in")."""
    if any(t.key in _TRANSITION_BEFORE for t in tokens[before:first]):
        return True
    i = last
    while i < end and i - last < 4 and tokens[i].key in _AUXILIARIES:
        i += 1
    if i >= end:
        return False
    key = tokens[i].key
    auxiliary = i > last and tokens[i - 1].key in ("was", "were", "is", "been", "being")
    following = tokens[i + 1].key if i + 1 < end else ""
    return (
        key in _LEAVING_AFTER
        or (auxiliary and key in _PARTICIPLES)
        or (key in _OFFICE_AFTER[0] and following in _OFFICE_AFTER[1])
    )


def _starts_at(keys: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether a run of words comes first, or right after a comma, in ``keys``."""
    for start in (0, 1) if keys[:1] == (",",) else (0,):
        if keys[start : start + len(words)] == words:
            return True
    return False
