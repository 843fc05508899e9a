"""Name checks: misspelled names, wrong given names and pronouns of the wrong gender (NL101-NL103)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from functools import lru_cache

from newslint.checks.base import Check, quote
from newslint.checks.context import Context
from newslint.dates import MONTHS, WEEKDAYS
from newslint.diagnostic import Finding
from newslint.mentions.discourse import PRONOUN_GENDER
from newslint.mentions.people import HONORIFICS, NameSpan
from newslint.rulebook.index import PHRASE_SEPARATOR, RulebookIndex, person_name_words
from newslint.text import Token, fold, phrase_keys

# Capitalized words that begin sentences or clauses and are never given names.
_NOT_GIVEN_NAMES = (
    frozenset(
        """the a an but and or when after before while if as then meanwhile however yet so also on in at
    for with without by from to of under over why what how where who whom whose this that these those
    his her their its our my your we they he she it there here since until unlike like despite about
    former late new old acting interim deputy vice chief head senior junior top ex many some all both
    each every no not only just even still last next first""".split()
    )
    | HONORIFICS
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)


# Words before a name that introduce a relative sharing the known person's surname.
_RELATIVES = frozenset(
    """wife husband son daughter brother sister mother father lady spouse partner widow widower
    cousin nephew niece uncle aunt grandson granddaughter grandfather grandmother stepson stepdaughter""".split()
)


def _name_parts(tokens: list[Token], span: NameSpan) -> list[tuple[int, int, str]]:
    """The parts of a name, hyphenated ones whole ("Jae-in"): first token, last token + 1, folded letters."""
    parts: list[tuple[int, int, str]] = []
    for i in span.words:
        joined = parts and tokens[i - 1].text == "-" and parts[-1][1] == i - 1 and tokens[i - 1].end == tokens[i].start
        if joined:
            start, _, key = parts.pop()
            parts.append((start, i + 1, key + tokens[i].key))
        else:
            parts.append((i, i + 1, tokens[i].key))
    return parts


def _given_name_like(ctx: Context, i: int) -> bool:
    """A capitalized word that may be a given name: not "Mr", not "Meanwhile" or another
    word that opens a sentence, unless the rulebook knows it as a name."""
    token = ctx.tokens[i]
    if not token.capitalized or token.key in _NOT_GIVEN_NAMES:
        return False
    return i not in ctx.document.sentence_start_set or token.key in ctx.rulebook.index.name_words


@lru_cache(maxsize=1)
def _fuzzy() -> tuple[Callable[[str, str], int], Callable[[str, str], float]]:
    """rapidfuzz's edit distance and similarity, imported on first use (start-up matters)."""
    from rapidfuzz.distance import OSA
    from rapidfuzz.fuzz import ratio

    return OSA.distance, ratio


def _close(written: str, known: str) -> bool:
    """Whether a written word is a plausible misspelling of a known name word."""
    if written == known:
        return True
    limit = 1 if len(known) < 8 else 2
    return len(known) >= 4 and _fuzzy()[0](written, known) <= limit


class MisspelledName(Check):
    """Flags a near miss of a known person's name ("Ursula von der Layen", "Zelenksy").

    What it does: runs of capitalized words that the exact index did not explain are
    compared, word by word, with the accepted spellings of known people found through a
    deletion index; every word must be equal or one or two edits away, and at least one differs.
    A known name with a hyphen left out or put in ("Jean Claude Juncker", "Olaf-Scholz",
    "Moon Jaein") is a misspelling too.
    Never flagged: accepted variants, another known person's exact name (Donald Tusk is not
    Donald Trump), names that are not close to any known person; as a lone surname, a common
    English word or a place the rulebook knows ("Russia" is not La Russa), or a word after
    another given name ("Ganjar Pranowo" is not Prabowo).
    Why is this bad? A misspelled name is the most visible error a newsroom can publish.
    Fix safety: safe when exactly one known spelling fits.
    """

    code = "NL101"
    name = "misspelled-name"
    summary = "a misspelled name of a known person"
    fix_safety = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        index = ctx.rulebook.index
        tokens = ctx.tokens
        full_names_at = {m.first: m for m in ctx.mentions.people if m.full}
        for span in ctx.mentions.unknown_names:
            slip = self._separator_slip(ctx, span)
            if slip is not None:
                yield slip
                continue
            words = list(span.words)
            near = {i: self._near(index, tokens[i].key) for i in words}
            if all(len(near[i]) <= (tokens[i].key in near[i]) for i in words):
                continue  # no word of the span is near a name word it is not
            candidates = self._candidates(ctx, span, words, near)
            following = full_names_at.get(span.last)
            if following is not None:
                # "Luis Inácio Lula da Silva": a misspelled given name before a known short form
                extra = [i for i in range(following.first, following.last) if tokens[i].kind == "word"]
                words += extra
                near.update({i: self._near(index, tokens[i].key) for i in extra})
                candidates.add(following.person)
            best: list[tuple[float, str, int, int, str]] = []
            for person_id in candidates:
                person = ctx.person(person_id)
                lone_words = {form.split()[-1] for form in person.forms}
                for form in dict.fromkeys((*person.forms, person.surname, *lone_words)):
                    form_words = [k for k in phrase_keys(form) if k[0].isalpha()]
                    found = self._align(tokens, words, near, form_words)
                    if found is None:
                        continue
                    first, last = found
                    if _is_known_name(index, tokens, first, last):
                        continue  # an accepted spelling of someone, inside a longer run of names
                    written = ctx.text(first, last)
                    lone = len(form.split()) == 1  # a surname alone, "al-Saleh" included
                    if lone and not self._lone_word_fits(ctx, span, person_id, first, last, form_words[-1]):
                        continue
                    best.append((_fuzzy()[1](written, form), person_id, first, last, form))
            if not best:
                continue
            best.sort(reverse=True)
            score, person_id, first, last, form = best[0]
            if score < 75:
                continue
            tied = {p: f for s, p, b, e, f in best if s == score and (b, e) == (first, last)}
            if len(tied) > 1:
                # Several people fit as well: the writer means the one named most recently.
                nearest = self._named_last(ctx, set(tied), first)
                if nearest is None:
                    continue
                person_id, form = nearest, tied[nearest]
            yield self._misspelling(ctx, first, last, person_id, form)

    def _misspelling(self, ctx: Context, first: int, last: int, person_id: str, form: str) -> Finding:
        person = ctx.person(person_id)
        return self.finding(
            ctx,
            first,
            last,
            f"{quote(ctx.text(first, last))} looks like a misspelling of {person.name}"
            + (f" (written '{form}')" if form != person.name else ""),
            replacement=form,
            fact=person_id,
        )

    def _separator_slip(self, ctx: Context, span: NameSpan) -> Finding | None:
        """A known name with a hyphen left out or put in ("Jean Claude Juncker",
        "Olaf-Scholz"): the same letters, another separator."""
        index = ctx.rulebook.index
        tokens = ctx.tokens
        words = span.words
        for size in range(min(len(words), 4), 1, -1):
            for offset in range(len(words) - size + 1):
                window = words[offset : offset + size]
                keys = [tokens[i].key for i in window]
                first, last = window[0], window[-1] + 1
                hyphens = any(tokens[i].text == "-" for i in range(first, last))
                found = None
                if not hyphens and window[-1] - window[0] == size - 1:
                    found = index.unhyphenated.get(" ".join(keys))
                elif hyphens:
                    entries = index.phrases.get(PHRASE_SEPARATOR.join(keys), ())
                    people = {(fact, extra) for kind, fact, extra in entries if kind == "person"}
                    found = people.pop() if len(people) == 1 else None
                if found is None or ctx.text(first, last) == found[1]:
                    continue
                return self._misspelling(ctx, first, last, *found)
        return None

    @staticmethod
    def _named_last(ctx: Context, people: set[str], before: int) -> str | None:
        """Of some people, the one whose full name the draft gives last before a token."""
        latest: dict[str, int] = {}
        for person_id in people:
            firsts = ctx.mentions.full_mentions_of.get(person_id, [])
            n = bisect.bisect_left(firsts, before)
            if n:
                latest[person_id] = firsts[n - 1]
        return max(latest, key=latest.__getitem__) if latest else None

    @staticmethod
    def _near(index: RulebookIndex, word: str) -> set[str]:
        """Known name words the written word may be (itself included, when it is one)."""
        cache = index.run_cache("near_close")
        near = cache.get(word)
        if near is None:
            near = {known for known in index.near_words(word) if _close(word, known)}
            if word in index.name_words:
                near.add(word)
            cache[word] = near
        return near

    @staticmethod
    def _candidates(ctx: Context, span: NameSpan, words: list[int], near: dict[int, set[str]]) -> set[str]:
        """People whose name could be misspelled in the span: two neighbouring span words
        near two neighbouring words of one of the person's names, at least one of them
        differing; or, for a single word, people the draft names in full or who held the office
        whose title comes right before it.

        Looking up word pairs keeps the work proportional to the people who share them, not
        to everyone who shares a common given name, whatever the size of the rulebook.
        """
        index = ctx.rulebook.index
        tokens = ctx.tokens
        candidates: set[str] = set()
        for left, right in zip(words, words[1:], strict=False):
            written = (tokens[left].key, tokens[right].key)
            for first in near[left]:
                for then in near[right]:
                    if (first, then) != written:
                        people = index.name_pairs.get(f"{first} {then}")
                        if people:
                            candidates.update(people.split(" "))
        misspelled = set().union(*(near[i] - {tokens[i].key} for i in words))
        if misspelled:
            for word in misspelled:
                candidates.update(ctx.mentions.named_by_word.get(word, ()))
            title = ctx.mentions.titles_ending.get(span.first)
            if title is not None:
                # only holders with a name word the span nearly spells: a bare "President"
                # stands for every president in the rulebook
                words_of = ctx.rulebook.index.run_cache("name_words_of")
                for office_id in title.offices:
                    for term in ctx.office(office_id).holders:
                        person = ctx.rulebook.people.get(term.person)
                        if person is None:
                            continue
                        if person.id not in words_of:
                            words_of[person.id] = person_name_words(person)
                        if words_of[person.id] & misspelled:
                            candidates.add(person.id)
        return candidates

    @staticmethod
    def _lone_word_fits(ctx: Context, span: NameSpan, person_id: str, first: int, last: int, word: str) -> bool:
        """A lone surname near miss counts only for a person the draft names in full, or
        right after a title of an office the person held ("President Zelenksy"); and never
        when what is written is itself a known name word, a place the rulebook knows, a
        common English word ("Trust" is not Truss, "Russia" not La Russa), or the surname of
        another given name written before it ("Ganjar Pranowo" is not Prabowo)."""
        tokens = ctx.tokens
        written = [t.key for t in tokens[first:last] if t.kind == "word"]
        if len(word) < 5 or written[-1] in ctx.rulebook.index.name_words:
            return False
        if any(_given_name_like(ctx, i) for i in span.words if i < first):
            return False
        index = ctx.rulebook.index
        if written[-1] in index.place_words or written[-1] in index.common_near_names:
            return False
        if person_id in ctx.mentions.named_in_full:
            return True
        title = ctx.mentions.titles_ending.get(first)
        return title is not None and any(ctx.office(o).terms_of(person_id) for o in title.offices)

    @staticmethod
    def _align(tokens, words: list[int], near: dict[int, set[str]], form_words: list[str]) -> tuple[int, int] | None:
        """The first window of span words that spells the form with at least one near miss."""
        size = len(form_words)
        for offset in range(len(words) - size + 1):
            window = words[offset : offset + size]
            if window[-1] - window[0] + 1 > size * 2:
                continue
            exact = sum(tokens[i].key == w for i, w in zip(window, form_words, strict=True))
            if exact == size:
                continue
            if all(tokens[i].key == w or w in near[i] for i, w in zip(window, form_words, strict=True)):
                return window[0], window[-1] + 1
        return None


def _is_known_name(index: RulebookIndex, tokens, first: int, last: int) -> bool:
    entries = index.phrases.get(PHRASE_SEPARATOR.join(t.key for t in tokens[first:last]), ())
    return any(kind == "person" for kind, _, _ in entries)


class WrongGivenName(Check):
    """Flags a known surname with a wrong given name.

    What it does: a capitalized given name and surname that the rulebook does not know as a
    name is reported when the surname identifies a known person: the holder, on the
    sentence's date, of the office whose title stands before or in apposition after the name
    ("Dutch Prime Minister Martin Rutte" in 2020: Mark Rutte), or a person the draft names in
    full elsewhere, in a sentence about their jurisdiction or office ("Michael Kellogg" in a
    draft that names the envoy Keith Kellogg). A given name listed under the person's
    ``rejected_given`` (a transliteration the house style rejects) is always reported.
    Why is this bad? A wrong first name is a different person to readers.
    Fix safety: unsafe (the writer may mean a relative or another person).
    """

    code = "NL102"
    name = "wrong-given-name"
    summary = "a known surname with the wrong given name"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        index = ctx.rulebook.index
        tokens = ctx.tokens
        for span in ctx.mentions.unknown_names:
            parts = _name_parts(tokens, span)
            while parts and (parts[0][2] in _NOT_GIVEN_NAMES or parts[0][2] in index.role_words):
                parts = parts[1:]
            if len(parts) != 2:  # three words are another full name: "Anders Fogh Rasmussen"
                continue
            if _RELATIVES.intersection(t.key for t in tokens[max(0, parts[0][0] - 8) : parts[0][0]]):
                continue
            found = self._judge(ctx, parts[0], parts[1], family_first=False)
            if found is None:  # "South Korean President Lee Jae-in": a family name first
                found = self._judge(ctx, parts[1], parts[0], family_first=True)
            if found is not None:
                yield found

    def _judge(
        self, ctx: Context, given: tuple[int, int, str], surname: tuple[int, int, str], family_first: bool
    ) -> Finding | None:
        """A finding for a given name and a surname (each first and last token and folded key)."""
        index = ctx.rulebook.index
        tokens = ctx.tokens
        first, last = min(given[0], surname[0]), max(given[1], surname[1])
        given_key = given[2]
        if len(given_key) < 3:
            return None
        candidates = [*index.surnames.get((surname[2],), ()), *index.variant_surnames.get(surname[2], ())]
        if family_first:
            candidates = [p for p in candidates if fold(ctx.person(p).name.split()[0]) == surname[2]]
        written = ctx.text(first, last)
        rejected = {p for p in candidates if given_key in {fold(g) for g in ctx.person(p).rejected_given}}
        if len(rejected) == 1 and not family_first:
            person = ctx.person(rejected.pop())
            return self.finding(
                ctx,
                first,
                last,
                f"{quote(written)}: house style spells {person.surname}'s given name {person.given!r}, "
                f"not {tokens[given[0]].text!r}",
                replacement=f"{person.given} {person.surname}",
                fact=person.id,
            )
        holder = self._holder_by_title(ctx, first, last - 1, candidates)
        if holder is not None:
            person, title = ctx.person(holder[0]), holder[1]
            because = f"the {title} on {ctx.date.isoformat()} is {person.name}"
        elif family_first:
            return None
        else:
            people = {p for p in candidates if p in ctx.mentions.named_in_full}
            if (
                len(people) != 1
                or self._starts_sentence(ctx, first)
                or ctx.document.is_headline(tokens[first].start)
                or not self._in_role(ctx, first, next(iter(people)))
                or self._named_in_sentence(ctx, first, next(iter(people)))
            ):
                return None
            person = ctx.person(people.pop())
            because = f"the {person.surname} named in this draft is {person.name}"
        known_given = "".join(k for k in phrase_keys(person.given) if k.isalpha())
        if given_key in person_name_words(person) or given_key == known_given or _close(given_key, known_given):
            return None  # a misspelled given name is NL101's
        right = f"{person.surname} {person.given}" if family_first else f"{person.given} {person.surname}"
        return self.finding(ctx, first, last, f"{quote(written)}: {because}", replacement=right, fact=person.id)

    @staticmethod
    def _holder_by_title(ctx: Context, first: int, last_word: int, candidates) -> tuple[str, str] | None:
        """The one person with this surname who holds, on the sentence's date, the office of
        the title written before the name (tokens ``first`` to ``last_word``) or in apposition
        after it, with the title's text."""
        mentions = ctx.mentions
        tokens = ctx.tokens
        title = mentions.titles_ending.get(first)
        if title is None and last_word + 2 < len(tokens) and tokens[last_word + 1].text == ",":
            after = last_word + 2
            while after < len(tokens) and tokens[after].key in ("the", "a", "'s"):
                after += 1
            starting = mentions.titles_starting
            title = starting.get(after)
            if title is None:  # "Martin Rutte, the Netherlands' prime minister"
                title = starting.get(after + 1) or starting.get(after + 2)
        if title is None or not title.resolved or ctx.quoted(first):
            return None
        time = mentions.time_of(first)
        holders = {
            term.person
            for office_id in title.resolved
            for term in ctx.office(office_id).holders
            if term.person in candidates and time.overlaps(term.start, term.end)
        }
        if len(holders) != 1:
            return None
        return holders.pop(), ctx.text(title.first, title.last)

    @staticmethod
    def _in_role(ctx: Context, index: int, person_id: str) -> bool:
        """Whether the sentence names a jurisdiction or a title of an office the person held."""
        offices = set(ctx.rulebook.index.offices_of[person_id])
        jurisdictions = {ctx.office(o).jurisdiction for o in offices} - {None}
        first, last = ctx.document.sentence_of(index)
        # a title given to someone else ("The former prime minister, Fumio Kishida, ... as Akie Abe looks on")
        others = {i for p in ctx.mentions.titled if p.person.person != person_id for i in range(p.first, p.last)}
        for match in ctx.mentions.matches:
            if first <= match.first < last and match.first not in others:
                if match.entry.kind == "jurisdiction" and match.entry.fact in jurisdictions:
                    return True
                if match.entry.kind in ("title", "role") and not offices.isdisjoint(match.entry.extra):
                    return True
        return False

    @staticmethod
    def _named_in_sentence(ctx: Context, index: int, person_id: str) -> bool:
        """Whether the known person is named in full in the same sentence: then another given
        name with the surname is someone else ("Keir Starmer bows as Victoria Starmer looks on")."""
        first, last = ctx.document.sentence_of(index)
        return any(first <= i < last for i in ctx.mentions.full_mentions_of.get(person_id, ()))

    @staticmethod
    def _starts_sentence(ctx: Context, index: int) -> bool:
        return index in ctx.document.sentence_start_set or (index > 0 and ctx.tokens[index - 1].text in "\"'(:")


_SWAP = {
    "he": "she",
    "him": "her",
    "his": "her",
    "himself": "herself",
    "she": "he",
    "hers": "his",
    "herself": "himself",
}


class PronounGender(Check):
    """Flags a pronoun whose most salient antecedent is a known person of the other gender
    ("Mette Frederiksen said he would ...").

    What it does: every he, she, him, her, his, hers, himself and herself outside direct
    quotes is resolved through the mentions layer's ranking: the subject of the pronoun's own
    clause first, then the speaker of an adjacent quotation, the subject of the previous
    sentence, then the others by recency (people named in full or by surname, titles standing
    for their holder, unknown names, people-nouns, earlier pronouns). A finding needs the top
    candidate to be a known person of the other gender, with no candidate of the pronoun's
    gender, or of unknown gender, ranked within one step of it.
    Why is this bad? It misgenders a public figure, a correction every time.
    Fix safety: unsafe.
    """

    code = "NL103"
    name = "pronoun-gender"
    summary = "a pronoun that disagrees with the gender of the person it refers to"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.tokens
        mentions = ctx.mentions
        for i, token in enumerate(tokens):
            gender = PRONOUN_GENDER.get(token.key)
            if gender is None or token.kind != "word" or ctx.quoted(i):
                continue
            candidates = mentions.referents(i)
            if not candidates:
                continue
            top = candidates[0]
            if top.person is None or top.gender in (None, gender):
                continue
            # Readers use gender to choose among the people just named, so anyone of the pronoun's
            # gender blocks. Someone of unknown gender ("the adviser", an unknown name) blocks
            # unless the top candidate is the clause's subject or a speaker and they are only
            # named in passing in the sentence before.
            reach = 3 if top.rank <= 1 else 99
            if any(c.gender == gender or (c.gender is None and c.rank <= reach) for c in candidates[1:]):
                continue
            person = ctx.person(top.person)
            replacement = _SWAP.get(token.key)
            if replacement and token.text[0].isupper():
                replacement = replacement.capitalize()
            other = "a woman" if person.gender == "female" else "a man"
            yield self.finding(
                ctx,
                i,
                i + 1,
                f"'{token.text}' refers back to {person.name}, who is {other}",
                replacement=replacement,
                fact=person.id,
            )
