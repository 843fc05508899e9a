"""Discourse: who says each quotation, and whom a pronoun can refer back to, by salience.

Readers resolve a pronoun to the subject of its own clause first ("X said he ..."), then to
the speaker of an adjacent quotation, the subject of the previous sentence, then to whoever
was named last. ``referents`` ranks the candidates that way; it does not judge.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.mentions.people import HONORIFICS, NOT_NAME_WORDS

if TYPE_CHECKING:
    from newslint.mentions import Mentions

PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
SUBJECT_PRONOUNS = frozenset({"he", "she"})
SPEECH_VERBS = frozenset(
    """said says say told tells added adds asked asks wrote writes argued argues insisted insists
    stressed stresses warned warns declared declares tweeted posted explained explains noted notes
    replied replies continued urged urges claimed claims acknowledged admitted admits announced
    announces vowed vows promised recalled conceded remarked observed confirmed confirms""".split()
)
GENDERED_NOUNS = {
    **dict.fromkeys(
        """man father son brother husband king prince spokesman mr sir lord boy uncle nephew
        grandfather chairman congressman businessman""".split(),
        "male",
    ),
    **dict.fromkeys(
        """woman mother daughter sister wife queen princess spokeswoman mrs ms miss dame lady girl
        aunt niece grandmother chairwoman congresswoman businesswoman""".split(),
        "female",
    ),
}
# Singular nouns for a person of either gender: a pronoun may refer to them. ("partner" and
# "member" are left out: in political news they are mostly parties and states.)
PERSON_NOUNS = frozenset(
    """adviser advisor official aide spokesperson minister president leader envoy ambassador
    diplomat chancellor premier secretary senator lawmaker general commander chief head negotiator
    candidate reporter journalist analyst expert source citizen soldier resident witness author writer
    director judge lawyer officer critic rival friend colleague child parent someone
    anyone everyone nobody somebody person governor mayor prosecutor spokesman chairperson founder
    owner manager coach player student teacher doctor victim suspect defendant activist economist""".split()
)
# Words in a capitalized name that make it an organisation or a place, not a person.
_NOT_PERSON_WORDS = frozenset(
    """house ministry union party council commission bank street university republic kingdom states
    nations forces court office department agency parliament assembly group company news times post
    press club army navy force committee congress senate cabinet palace square hall airport city
    county province region state federation alliance organization organisation fund institute
    foundation centre center association league corporation authority service services summit""".split()
)
_CLAUSE_OPENERS = frozenset(
    """; : that which where said says told when because after before while if unless to whether""".split()
)
_NOT_OBJECT_AFTER = frozenset(
    {".", ",", ";", ":", "to", "and", "in", "on", "at", "for", "with", "that", "as", '"', "by"}
)


@dataclass(frozen=True)
class Referent:
    """A candidate a pronoun may refer to: its rank (0 is the most salient), its gender when
    known, and the known person it is, if any."""

    rank: int
    first: int
    gender: str | None
    person: str | None


def find_speakers(m: Mentions) -> dict[int, int]:
    """For each quotation (by its first token), the token where its speaker is named."""
    tokens = m.tokens
    starts = m.document.token_starts
    entities = m.candidates.starts
    speakers: dict[int, int] = {}
    for start, end in m.document.quotes:
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        # After the quotation: '", Merz said', '" said Merz', '," she said'.
        window = range(last, min(len(tokens), last + 7))
        verb = next((i for i in window if tokens[i].key in SPEECH_VERBS), None)
        speaker = next((i for i in window if i in entities), None)
        if verb is None or speaker is None:
            # Before it: 'Merz said: "...', 'Merz told reporters, "...'.
            window = range(max(0, first - 8), first)
            verb = next((i for i in reversed(window) if tokens[i].key in SPEECH_VERBS), None)
            speaker = next((i for i in window if i in entities and (verb is None or i < verb)), None)
        if verb is not None and speaker is not None:
            speakers[first] = speaker
    return speakers


@dataclass(frozen=True)
class Candidates:
    """Every token that starts something a pronoun may refer to, with (gender, person), and
    those that are one unknown capitalized word (a person only in the pronoun's own sentence)."""

    starts: dict[int, tuple[str | None, str | None]]
    lone: frozenset[int]


def find_candidates(m: Mentions) -> Candidates:
    """The people, titles, unknown names, people-nouns and pronouns of a draft."""
    tokens = m.tokens
    people = m.rulebook.people
    entities: dict[int, tuple[str | None, str | None]] = {}
    in_pairs: set[int] = set()
    for match in m.matches_by_kind["government"]:
        in_pairs.update(range(match.first, match.last))  # "the Trump administration" names a government
    for pair in m.titled:
        entities[pair.person.first] = (people[pair.person.person].gender, pair.person.person)
        in_pairs.update(range(pair.first, pair.last))
    for mention in m.people:
        if mention.first not in in_pairs:
            entities[mention.first] = (people[mention.person].gender, mention.person)
            in_pairs.update(range(mention.first, mention.last))
    for title in m.titles:
        if title.first in in_pairs or title.office is None:
            continue
        time = m.time_of(title.first)
        holders = {t.person for t in m.rulebook.offices[title.office].holders if time.overlaps(t.start, t.end)}
        holder = holders.pop() if len(holders) == 1 and holders <= set(people) else None
        entities[title.first] = (people[holder].gender if holder else None, holder)
        in_pairs.update(range(title.first, title.last))
    sentence_starts = m.document.sentence_start_set
    lone: set[int] = set()
    unknown_surnames: set[str] = set()  # "Petteri Orpo ... Orpo": an unknown person named again
    for span in m.unknown_names:
        if span.first in in_pairs or not span.words:
            continue
        if span.first > 0 and tokens[span.first - 1].key == "the":
            continue
        if any(tokens[i].key in _NOT_PERSON_WORDS for i in span.words):
            continue
        if all(tokens[i].key in HONORIFICS or tokens[i].key in GENDERED_NOUNS for i in span.words):
            continue  # "Ms" before a known name
        surname = tokens[span.words[-1]].key
        before = tokens[span.first - 1].key if span.first > 0 else ""
        if len(span.words) == 1 and surname not in unknown_surnames:
            if span.first in sentence_starts or surname in NOT_NAME_WORDS or before in _PLACE_PREPOSITIONS:
                continue  # "Meanwhile", "Monday", "in Brussels"; but "whether Assad kept his word" names someone
            lone.add(span.first)
        elif len(span.words) in (2, 3):
            unknown_surnames.add(surname)
        entities[span.first] = (GENDERED_NOUNS.get(before), None)
    for i, token in enumerate(tokens):
        if i in entities or i in in_pairs or token.kind != "word":
            continue
        key = token.key
        if key in PRONOUN_GENDER:
            entities[i] = (PRONOUN_GENDER[key], None)
        elif key in GENDERED_NOUNS and not token.capitalized:
            entities[i] = (GENDERED_NOUNS[key], None)
        elif key in PERSON_NOUNS and _new_referent(tokens, i):
            entities[i] = (None, None)
    return Candidates(entities, frozenset(lone))


def _new_referent(tokens, i: int) -> bool:
    """Whether a people-noun introduces someone: "the adviser", "a spokesperson"; not a
    predicate of someone already named ("before becoming the top official") nor a modifier
    without a determiner ("a new coalition partner" still counts, "coalition partner talks" not)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        key = tokens[j].key
        if key in _DETERMINERS:
            return j == 0 or tokens[j - 1].key not in _PREDICATE_WORDS
        if tokens[j].kind != "word":
            return False
    return False


_DETERMINERS = frozenset("the a an his her their its one another this that each every any our".split())
_PREDICATE_WORDS = frozenset("as becoming became become is was were be been named appointed remains remained".split())
_PLACE_PREPOSITIONS = frozenset("in at from to of near across into outside inside around over via".split())


def referents(m: Mentions, i: int) -> list[Referent]:
    """The candidates pronoun ``i`` may refer to, most salient first, from its own sentence
    (before it) and the previous one, outside direct quotations."""
    tokens = m.tokens
    entities, lone = m.candidates.starts, m.candidates.lone
    first, _ = m.document.sentence_of(i)
    previous = m.document.sentence_of(first - 1)[0] if first > 0 else first
    key = tokens[i].key
    own = [j for j in range(first, i) if j in entities and not m.quoted(j)]
    before = [j for j in range(previous, first) if j in entities and j not in lone and not m.quoted(j)]
    ranks: dict[int, int] = {}
    # An object pronoun is not the subject of its own minimal clause: in "Scholz thanked her",
    # her is not Scholz; in "Orpo ..., which would make him prime minister", him may be.
    bound = _bound_subject(tokens, own, i) if _object(tokens, i) or tokens[i - 1].key == "whom" else None
    if own:
        subject, nearest = own[0], own[-1]
        if _reported(tokens, i) or not _coordinated(tokens, subject, i):
            if subject != bound:
                ranks[subject] = 0  # "X said he ...", "X, saying he ...", "X praised his ..."
        else:
            ranks[subject] = 2  # "X thanked the adviser, and he nodded": a clause of its own
        if key not in SUBJECT_PRONOUNS and nearest != bound:
            ranks.setdefault(nearest, 0)  # "praised Macron and his government": the nearest noun
    speaker = _adjacent_speaker(m, previous, i)
    if speaker is not None and speaker < i:
        ranks[speaker] = min(ranks.get(speaker, 1), 1)
    if before:
        ranks.setdefault(before[0], 2)
    for j in own:
        if j != bound:
            ranks.setdefault(j, 3)
    for j in before:
        ranks.setdefault(j, 4)
    found = [Referent(rank, j, *entities[j]) for j, rank in ranks.items()]
    return sorted(found, key=lambda r: (r.rank, -r.first))


def _reported(tokens, i: int) -> bool:
    """Whether the pronoun opens reported speech: "said he", "said that he", "told reporters he"."""
    window = [t.key for t in tokens[max(0, i - 3) : i]]
    return any(key in SPEECH_VERBS or key == "saying" for key in window)


def _coordinated(tokens, first: int, last: int) -> bool:
    """Whether a new clause begins between two tokens: ", and", ", but", ";", "while"."""
    for j in range(first + 1, last):
        key = tokens[j].key
        if key in (";", "while", "although", "whereas", "but") or (
            key in ("and", "so", "as", "before", "after", "then") and tokens[j - 1].key == ","
        ):
            return True
    return False


def _bound_subject(tokens, own: list[int], i: int) -> int | None:
    """The subject of the pronoun's minimal clause, which an object pronoun cannot refer to:
    the candidate before a relative "who" or "whom" ("Harris, who spoke before him"), the
    first candidate after the clause's opener ("said Starmer thanked him"), or the sentence's
    subject in a simple clause."""
    start = own[0] if own else i
    for k in range(i - 1, start - 1, -1):
        key = tokens[k].key
        if key in ("who", "whom"):
            before = [j for j in own if j < k]
            return before[-1] if before else None
        if key in _CLAUSE_OPENERS:
            after = [j for j in own if k < j < i]
            return after[0] if after else None
    return own[0] if own else None


def _object(tokens, i: int) -> bool:
    """Whether "him" or "her" at token i is an object ("thanked her."), not a possessive ("her government")."""
    key = tokens[i].key
    if key == "him":
        return True
    if key != "her":
        return False
    return i + 1 >= len(tokens) or tokens[i + 1].key in _NOT_OBJECT_AFTER


def _adjacent_speaker(m: Mentions, previous: int, i: int) -> int | None:
    """The speaker of the last quotation in the pronoun's sentence or the one before it."""
    speakers = m.speakers
    found = [q for q in speakers if previous <= q < i]
    return speakers[max(found)] if found else None
