"""Name checks: misspelled names, wrong given names and pronouns of the wrong gender (NL101-NL103)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from functools import lru_cache

from newslint.checks.base import Check, quote
from newslint.checks.context import Context
from newslint.dates import MONTHS, WEEKDAYS
from newslint.diagnostic import Finding
from newslint.mentions.people import HONORIFICS, NameSpan
from newslint.rulebook.index import RulebookIndex, person_name_words
from newslint.text import fold, phrase_keys

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
    Never flagged: accepted variants, another known person's exact name (Donald Tusk is not
    Donald Trump), names that are not close to any known person.
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
        for span in ctx.mentions.unknown_names:
            words = list(span.words)
            near = {i: self._near(index, tokens[i].key) for i in words}
            if all(len(near[i]) <= (tokens[i].key in near[i]) for i in words):
                continue  # no word of the span is near a name word it is not
            candidates = self._candidates(ctx, span, words, near)
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
                    written = ctx.text(first, last)
                    lone = len(form.split()) == 1  # a surname alone, "al-Saleh" included
                    if lone and not self._lone_word_fits(ctx, person_id, first, last, form_words[-1]):
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
            person = ctx.person(person_id)
            yield self.finding(
                ctx,
                first,
                last,
                f"{quote(ctx.text(first, last))} looks like a misspelling of {person.name}"
                + (f" (written '{form}')" if form != person.name else ""),
                replacement=form,
                fact=person_id,
            )

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
                holders = {term.person for o in title.offices for term in ctx.office(o).holders}
                candidates.update(p for p in holders if p in ctx.rulebook.people)
        return candidates

    @staticmethod
    def _lone_word_fits(ctx: Context, person_id: str, first: int, last: int, word: str) -> bool:
        """A lone surname near miss counts only for a person the draft names in full, or
        right after a title of an office the person held ("President Zelenksy"); and never
        when what is written is itself a known name word."""
        written = [t.key for t in ctx.tokens[first:last] if t.kind == "word"]
        if len(word) < 5 or written[-1] in ctx.rulebook.index.name_words:
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


class WrongGivenName(Check):
    """Flags a known surname with a wrong given name, when the draft also names the known
    person in full ("Michael Kellogg" in a draft that names the envoy Keith Kellogg).

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
        named = ctx.mentions.named_in_full
        for span in ctx.mentions.unknown_names:
            words = list(span.words)
            while words and (tokens[words[0]].key in _NOT_GIVEN_NAMES or tokens[words[0]].key in index.role_words):
                words = words[1:]
            if len(words) != 2:  # three words are another full name: "Anders Fogh Rasmussen"
                continue
            given = words[0]
            given_token = tokens[given]
            if (
                len(given_token.key) < 3
                or self._starts_sentence(ctx, given)
                or ctx.document.is_headline(given_token.start)
                or _RELATIVES.intersection(t.key for t in tokens[max(0, given - 8) : given])
            ):
                continue
            surname_keys = (tokens[words[-1]].key,)
            people = [p for p in index.surnames.get(surname_keys, ()) if p in named]
            if len(people) != 1:
                continue
            person = ctx.person(people[0])
            if (
                given_token.key in person_name_words(person)
                or _close(given_token.key, fold(person.given))  # a misspelled given name is NL101's
                or not self._in_role(ctx, given, person.id)
            ):
                continue
            expected = f"{person.given} {person.surname}"
            yield self.finding(
                ctx,
                given,
                words[-1] + 1,
                f"{quote(ctx.text(given, words[-1] + 1))}: the {person.surname} named in this draft is {person.name}",
                replacement=expected,
                fact=person.id,
            )

    @staticmethod
    def _in_role(ctx: Context, index: int, person_id: str) -> bool:
        """Whether the sentence names a jurisdiction or a title of an office the person held."""
        offices = set(ctx.rulebook.index.offices_of[person_id])
        jurisdictions = {ctx.office(o).jurisdiction for o in offices} - {None}
        first, last = ctx.document.sentence_of(index)
        for match in ctx.mentions.matches:
            if first <= match.first < last:
                if match.entry.kind == "jurisdiction" and match.entry.fact in jurisdictions:
                    return True
                if match.entry.kind in ("title", "role") and not offices.isdisjoint(match.entry.extra):
                    return True
        return False

    @staticmethod
    def _starts_sentence(ctx: Context, index: int) -> bool:
        return index in ctx.document.sentence_start_set or (index > 0 and ctx.tokens[index - 1].text in "\"'(:")


_PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
# Only subject pronouns are judged ("he said"): object and possessive forms refer back too
# loosely ("... kept his word") to name their antecedent with confidence.
_JUDGED_PRONOUNS = frozenset({"he", "she"})
_SWAP = {
    "he": "she",
    "him": "her",
    "his": "her",
    "himself": "herself",
    "she": "he",
    "hers": "his",
    "herself": "himself",
}
_GENDERED_NOUNS = {
    "man": "male",
    "men": "male",
    "father": "male",
    "son": "male",
    "brother": "male",
    "husband": "male",
    "king": "male",
    "prince": "male",
    "spokesman": "male",
    "mr": "male",
    "sir": "male",
    "lord": "male",
    "boy": "male",
    "uncle": "male",
    "nephew": "male",
    "grandfather": "male",
    "chairman": "male",
    "woman": "female",
    "women": "female",
    "mother": "female",
    "daughter": "female",
    "sister": "female",
    "wife": "female",
    "queen": "female",
    "princess": "female",
    "spokeswoman": "female",
    "mrs": "female",
    "ms": "female",
    "dame": "female",
    "lady": "female",
    "girl": "female",
    "aunt": "female",
    "niece": "female",
    "grandmother": "female",
    "chairwoman": "female",
}
# People-nouns of either gender: a pronoun may refer to them, so their presence blocks a finding.
_PERSON_NOUNS = frozenset(
    """adviser advisor official officials aide spokesperson minister president leader envoy ambassador
    diplomat chancellor premier secretary senator lawmaker general commander chief head negotiator
    candidate reporter journalist analyst expert source citizen soldier resident witness author writer
    director judge lawyer officer member critic rival partner friend colleague child parent someone
    anyone everyone nobody somebody person who""".split()
)


class PronounGender(Check):
    """Flags a pronoun whose only plausible antecedent is a known person of the other gender
    ("Mette Frederiksen ... he asserted").

    What it does: for he/she/him/her/his/hers outside direct quotes, looks back over the
    current and the previous sentence. Known people (named in full, by surname, or by the
    title of the office they hold on the date), unknown names and people-nouns are possible
    antecedents. A finding needs at least one known person, and no possible antecedent of the
    pronoun's gender or of unknown gender.
    Why is this bad? It misgenders a public figure, a correction every time.
    Fix safety: unsafe.
    """

    code = "NL103"
    name = "pronoun-gender"
    summary = "a pronoun that disagrees with the gender of the person it refers to"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.tokens
        people_at = {m.first: m for m in ctx.mentions.people}
        title_holders = self._title_holders(ctx)
        unknown = {s.first: s for s in ctx.mentions.unknown_names if len(s.words) >= 2}
        for i in [i for i, token in enumerate(tokens) if token.key in _JUDGED_PRONOUNS and token.kind == "word"]:
            token = tokens[i]
            gender = _PRONOUNS[token.key]
            if ctx.quoted(i):
                continue
            first_sentence = ctx.document.sentence_of(i)[0]
            window_start = ctx.document.sentence_of(first_sentence - 1)[0] if first_sentence > 0 else 0
            antecedents: list[tuple[int, str | None, str | None]] = []  # (token, gender, person)
            j = window_start
            while j < i:
                if ctx.quoted(j):
                    j += 1
                    continue
                if j in people_at:
                    mention = people_at[j]
                    antecedents.append((j, ctx.person(mention.person).gender, mention.person))
                    j = mention.last
                    continue
                if j in title_holders:
                    last, person_id = title_holders[j]
                    antecedents.append((j, ctx.person(person_id).gender if person_id else None, person_id))
                    j = last
                    continue
                if j in unknown:
                    antecedents.append((j, None, None))
                    j = unknown[j].last
                    continue
                key = tokens[j].key
                if key in _PRONOUNS and tokens[j].kind == "word":
                    # an earlier pronoun shows that someone of its gender is being referred to
                    antecedents.append((j, _PRONOUNS[key], None))
                elif key in _GENDERED_NOUNS:
                    antecedents.append((j, _GENDERED_NOUNS[key], None))
                elif key in _PERSON_NOUNS or key.rstrip("s") in _PERSON_NOUNS:
                    antecedents.append((j, None, None))
                j += 1
            known = [a[2] for a in antecedents if a[2] is not None and a[1] is not None]
            if not known or any(a[1] in (gender, None) for a in antecedents):
                continue
            person = ctx.person(known[-1])
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

    @staticmethod
    def _title_holders(ctx: Context) -> dict[int, tuple[int, str | None]]:
        """Titles standing alone ("the Prime Minister of Denmark") resolved to the holder on the date."""
        holders = {}
        for title in ctx.mentions.titles:
            people = (
                {term.person for office_id in title.offices for term in ctx.office(office_id).holders_on(ctx.date)}
                if title.qualified
                else set()
            )
            holders[title.first] = (title.last, people.pop() if len(people) == 1 else None)
        return holders
