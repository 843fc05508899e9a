"""Party checks: a member of a party given another party on the date (NL205)."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.checks.base import Check, quote
from newslint.checks.context import Context
from newslint.diagnostic import Finding
from newslint.mentions.people import PersonMention
from newslint.rulebook.schema import Membership, Person
from newslint.rulebook.usstates import STATES

# AP abbreviations and postal codes of US states in party tags: "(D-N.Y.)", "R-Texas", "(D-NY)".
_SEPARATORS = frozenset({"-", "\u2013"})


class WrongParty(Check):
    """Flags a party given to a person who was not a member of it on the days the clause
    speaks about, and a wrong state in a party tag.

    What it does: reads the forms newsrooms use: a party adjective before the title or the
    name ("Republican Sen. X", "Democrat X"), a party tag after the name ("Sen. X (D-N.Y.)",
    "X, R-Texas,"), and an apposition ("X, a Democrat,"). The person's memberships
    (``parties:``) are compared with the clause's time; a party switch is right on its day,
    and an independent's caucus counts as well as their own party. In a tag, the state must
    be one the person represents at that time.
    Why is this bad? A wrong party misstates a politician's allegiance.
    Example: "Democratic Sen. Ted Cruz"; "Sen. Maria Cantwell (D-Ore.)".
    Fix safety: none.
    """

    code = "NL205"
    name = "wrong-party"
    summary = "a party or state given to a politician who did not have it on the date"

    def run(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.rulebook.parties:
            return
        titled = {p.person.first: p for p in ctx.mentions.titled}
        for mention in ctx.mentions.people:
            person = ctx.person(mention.person)
            if not person.parties or ctx.quoted(mention.first):
                continue
            pair = titled.get(mention.first)
            start = pair.first if pair is not None and pair.first < mention.first else mention.first
            for claim in self._claims(ctx, mention, start):
                finding = self._judge(ctx, person, mention, *claim)
                if finding is not None:
                    yield finding

    def _claims(self, ctx: Context, mention: PersonMention, start: int) -> Iterator[tuple[str, str | None, int, int]]:
        """(party, state, first, last) claims around a person: before, in a tag, in apposition."""
        tokens = ctx.tokens
        parties = ctx.mentions.matches_by_kind["party"]
        ending = {m.last: m for m in parties}
        starting = {m.first: m for m in parties}
        before = ending.get(start)
        if before is not None:
            yield before.entry.fact, None, before.first, before.last
        i = mention.last
        if i + 1 < len(tokens) and tokens[i].text in "(," and tokens[i + 1].text in self._abbreviations(ctx):
            party = self._abbreviations(ctx)[tokens[i + 1].text]
            state_first = i + 3 if i + 2 < len(tokens) and tokens[i + 2].text in _SEPARATORS else None
            state, last = (None, i + 2)
            if state_first is not None:
                state, last = _state_at(ctx, state_first)
            yield party, state, i + 1, last
        if i + 2 < len(tokens) and tokens[i].text == "," and tokens[i + 1].key in ("a", "an"):
            after = starting.get(i + 2)
            if after is not None:
                yield after.entry.fact, None, after.first, after.last

    @staticmethod
    def _abbreviations(ctx: Context) -> dict[str, str]:
        cache = ctx.rulebook.index.run_cache("party_abbreviations")
        if not cache:
            for party in ctx.rulebook.parties.values():
                for abbreviation in party.abbreviations:
                    cache[abbreviation] = party.id
        return cache

    def _judge(
        self, ctx: Context, person: Person, mention: PersonMention, party: str, state: str | None, first: int, last: int
    ) -> Finding | None:
        time = ctx.mentions.time_of(mention.first)
        held = [m for m in person.parties if any(m.overlaps(p.first, p.last) for p in time.periods)]
        if not held:
            return None  # the rulebook does not know the person's party then
        written = ctx.text(first, last)
        if not any(party in (m.party, m.caucus) for m in held):
            return self.finding(
                ctx,
                first,
                last,
                f"{quote(written)}: on {ctx.date.isoformat()} {person.name} is {_member_of(ctx, held)}",
                fact=person.id,
            )
        if state is None:
            return None
        represented = _states_of(ctx, person.id, time)
        if represented and state not in represented:
            names = " and ".join(sorted(ctx.rulebook.jurisdictions[j].names[0] for j in represented))
            return self.finding(
                ctx, first, last, f"{quote(written)}: {person.name} represents {names}", fact=person.id
            )
        return None


def _member_of(ctx: Context, held: list[Membership]) -> str:
    parts = []
    for membership in held:
        party = ctx.rulebook.parties[membership.party]
        caucus = f", caucusing with the {ctx.rulebook.parties[membership.caucus].names[0]}" if membership.caucus else ""
        parts.append(f"a member of the {party.names[0]}{caucus}")
    return " and then ".join(parts)


def _state_at(ctx: Context, i: int) -> tuple[str | None, int]:
    """The state written in a party tag at token i ("N.Y.", "Texas", "NY"), and the token after it."""
    tokens = ctx.tokens
    for length in (4, 3, 2, 1):
        text = "".join(t.text for t in tokens[i : i + length])
        for code, (name, abbreviation) in STATES.items():
            if text in (abbreviation, abbreviation.rstrip("."), code, name.replace(" ", "")):
                return f"us-{code.lower()}", i + length
    return None, i + 1


def _states_of(ctx: Context, person_id: str, time) -> set[str]:
    """The US states whose Senate or House seat the person held in the clause's time."""
    found = set()
    for office_id in ctx.rulebook.index.offices_of.get(person_id, ()):
        office = ctx.office(office_id)
        if office.jurisdiction and office.jurisdiction.startswith("us-"):
            if any(time.overlaps(t.start, t.end) for t in office.terms_of(person_id)):
                found.add(office.jurisdiction)
    return found
