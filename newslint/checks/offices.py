"""Office checks: titles and governments that do not fit the draft's date (NL201-NL204)."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.checks.base import Check, quote, verified
from newslint.checks.context import Context
from newslint.diagnostic import Finding
from newslint.mentions.clausetime import ClauseTime
from newslint.mentions.titled import FORMER_WORDS, FUTURE_WORDS, TitledPerson
from newslint.rulebook.schema import Office, Person, Term


def _titles_given(ctx: Context) -> Iterator[tuple[TitledPerson, list[Office], Person]]:
    """Titles used in the present tense with the offices they name: a complete title's, or
    for a bare role ("the finance minister, X") the office of the jurisdiction in context,
    when the person never held any office of that role anywhere."""
    for pair in ctx.mentions.titled:
        if pair.former is not None or pair.then:
            continue  # a former holder may have held it before the rulebook's list begins
        person = ctx.person(pair.person.person)
        if pair.title.qualified:
            yield pair, [ctx.office(o) for o in sorted(pair.title.offices)], person
        elif not any(ctx.office(o).terms_of(person.id) for o in pair.title.offices):
            resolved = pair.title.resolved or _in_own_jurisdictions(ctx, pair.title.offices, person.id)
            if resolved:
                yield pair, [ctx.office(o) for o in sorted(resolved)], person


def _in_own_jurisdictions(ctx: Context, offices: frozenset[str], person_id: str) -> frozenset[str]:
    """Of the offices a bare role names, those of the jurisdictions where the person holds or
    held another office: "Sen. X" for a representative from the same state."""
    own = {ctx.office(o).jurisdiction for o in ctx.rulebook.index.offices_of.get(person_id, ())} - {None}
    return frozenset(o for o in offices if ctx.office(o).jurisdiction in own)


def _held(offices: list[Office], person: str, day) -> tuple[Office, Term] | None:
    for office in offices:
        for term in office.terms_of(person):
            if term.holds(day):
                return office, term
    return None


def _held_in_time(time: ClauseTime, terms: list[Term]) -> bool:
    """Whether one of the terms holds on some day the clause speaks about."""
    return any(time.overlaps(term.start, term.end) for term in terms)


def _elect(terms: list[Term], day) -> Term | None:
    """The term a person is the elect (or designate) of on a day."""
    return next((term for term in terms if term.elect_on(day)), None)


def _kept_title(ctx: Context, pair: TitledPerson, office: Office) -> bool:
    """A monarch's title kept for life, written without its country ("Queen Elizabeth II")."""
    if not office.title_kept:
        return False
    named = ctx.mentions.matches_by_kind["jurisdiction"]
    return not any(pair.title.first <= m.first < pair.title.last for m in named)


def _with_holder(ctx: Context, pair: TitledPerson, office: Office) -> str | None:
    """ "German Chancellor Friedrich Merz" for "German Chancellor Olaf Scholz": the title kept,
    the name of the one holder on the date put in."""
    holders = office.holders_on(ctx.date)
    if len(holders) != 1 or pair.title.first > pair.person.first:
        return None
    source = ctx.document.source
    start, end = ctx.span(pair.first, pair.last)
    name_start = ctx.tokens[pair.person.first].start
    return (
        source[start:name_start]
        + ctx.person(holders[0].person).name
        + source[ctx.tokens[pair.person.last - 1].end : end]
    )


def _end_of(term: Term) -> str:
    return term.end.isoformat() if term.end else "?"


def _covers(office: Office, day) -> bool:
    """Whether the office's holder list reaches back to the day (older drafts are not judged)."""
    return bool(office.holders) and office.holders[0].start <= day


def _holder_phrase(ctx: Context, office: Office) -> str:
    holders = office.holders_on(ctx.date)
    if not holders:
        return f"no holder is known on {ctx.date.isoformat()}"
    if len(holders) > 2:  # a body of many seats: name none rather than a long list
        return f"on {ctx.date.isoformat()} its {len(holders)} seats are held by others"
    names = " and ".join(f"{ctx.person(t.person).name} ({t.describe()})" for t in holders)
    return f"on {ctx.date.isoformat()} it is {names}"


class FormerTitleInOffice(Check):
    """Flags "former" for a person who holds the office on the days the sentence speaks about.

    What it does: pairs each title with the known person it is given to and compares the
    person's terms in that office with the draft's date and the sentence's own dates
    ("On 30 April 2023, former President Trump ..." is right in 2025).
    Why is this bad? Calling a sitting office holder "former" misstates who governs.
    Example: "former US President Donald Trump" in a draft dated 2025-02-17.
    Fix safety: removing "former" is a suggestion for a human (unsafe).
    """

    code = "NL201"
    name = "former-title-in-office"
    summary = "'former' for a sitting office holder"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for pair in ctx.mentions.titled:
            offices = [ctx.office(o) for o in sorted(pair.title.offices)]
            person = ctx.person(pair.person.person)
            if pair.former is not None:
                held = _held(offices, person.id, ctx.date)
                if held is None or not pair.time.within(held[1].start, held[1].end):
                    continue
                office, term = held
                severity, suffix = verified(office, ctx.date)
                title_text = ctx.text(pair.title.first, pair.title.last)
                replacement = None
                if pair.former == pair.first:  # "former TITLE Name" -> "TITLE Name"
                    replacement = ctx.document.source[
                        ctx.tokens[pair.title.first].start : ctx.span(pair.first, pair.last)[1]
                    ]
                yield self.finding(
                    ctx,
                    pair.first,
                    pair.last,
                    f"{quote(ctx.text(pair.first, pair.last))}: {person.name} is the sitting {title_text} "
                    f"on {ctx.date.isoformat()} ({term.describe()}){suffix}",
                    severity=severity,
                    replacement=replacement,
                    fact=office.id,
                )


def _bare_title_out_of_term(check: Check, ctx: Context, pair: TitledPerson) -> Finding | None:
    """A bare title ("President Biden", "Prime Minister Draghi") for a person whose term in an
    office of that role has ended; the fix suggests "former"."""
    offices = [ctx.office(o) for o in sorted(pair.title.offices)]
    person = ctx.person(pair.person.person)
    held_ever = [
        o
        for o in offices
        if o.terms_of(person.id) and _covers(o, ctx.date) and not _kept_title(ctx, pair, o)
    ]
    if not held_ever or _held(offices, person.id, ctx.date) is not None:
        return None
    terms = [t for o in held_ever for t in o.terms_of(person.id)]
    if _held_in_time(pair.time, terms) or _elect(terms, ctx.date):
        return None  # the elect period has its own message
    if all(t.start > ctx.date for t in terms):
        office = min(held_ever, key=lambda o: min(t.start for t in o.terms_of(person.id)))
        start = min(t.start for t in office.terms_of(person.id))
        severity, suffix = verified(office, ctx.date)
        return check.finding(
            ctx,
            pair.first,
            pair.last,
            f"{quote(ctx.text(pair.first, pair.last))}: {person.name} is {office.label} only from "
            f"{start.isoformat()}; {_holder_phrase(ctx, office)}{suffix}",
            severity=severity,
            fact=office.id,
        )
    begun = [o for o in held_ever if any(t.start <= ctx.date for t in o.terms_of(person.id))]
    office = max(begun, key=lambda o: max(t.start for t in o.terms_of(person.id) if t.start <= ctx.date))
    severity, suffix = verified(office, ctx.date, office.terms_of(person.id))
    # The term that ended last before the date (a later one may come: a comeback).
    last_term = max((t for t in office.terms_of(person.id) if t.start <= ctx.date), key=lambda t: t.start)
    title_text = ctx.text(pair.title.first, pair.title.last)
    return check.finding(
        ctx,
        pair.title.first,
        pair.title.last,
        f"{quote(ctx.text(pair.first, pair.last))}: {person.name}'s term as {office.label} "
        f"ended on {_end_of(last_term)}; "
        f"{_holder_phrase(ctx, office)}{suffix}",
        severity=severity,
        replacement=f"former {title_text}",
        fact=office.id,
    )


class TitleOutOfTerm(Check):
    """Flags a title given to a person who held that office at another time, not on the
    draft's date, and says who held it then.

    What it does: for "German Chancellor Olaf Scholz" it looks up Scholz's terms as German
    Chancellor; when none covers the days the sentence speaks about (the draft's date, and the
    dates and years the sentence names), it reports the term and the holder on the date. A
    bare title ("President Biden", "Prime Minister Draghi") is judged the same way against the
    offices of that role the person held, and a monarch's title kept for life is not. Between
    an election and the first day in office, "President X" is reported (X is president-elect);
    a past holder who holds the office again later is not the holder in between.
    Not flagged: "then-chancellor", "former", or a sentence that dates itself to the term
    ("in 2019, when ... was prime minister").
    Why is this bad? Office holders change; a title that was right last month is a correction today.
    Example: "German Chancellor Olaf Scholz" in a draft dated 2025-06-01.
    Fix safety: unsafe: the suggestion puts in the holder on the date ("German Chancellor
    Friedrich Merz"); a human decides whether that, or "former", is meant.
    """

    code = "NL202"
    name = "title-out-of-term"
    summary = "a title given to someone who held it at another time, not on the draft's date"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for pair in ctx.mentions.titled:
            if pair.former is not None or pair.then:
                continue
            if not pair.title.qualified and not pair.transition:
                bare = _bare_title_out_of_term(self, ctx, pair)
                if bare is not None:
                    yield bare
                    continue
            person = ctx.person(pair.person.person)
            offices = [ctx.office(o) for o in sorted(pair.title.offices)]
            if not pair.title.qualified:
                # A bare role is judged here only in an elect period; the rest is NL201's.
                offices = [o for o in offices if _elect(o.terms_of(person.id), ctx.date)]
            held_ever = [
                o for o in offices if o.terms_of(person.id) and _covers(o, ctx.date) and not _kept_title(ctx, pair, o)
            ]
            if not held_ever or _held(offices, person.id, ctx.date) is not None:
                continue
            office = held_ever[0]
            terms = office.terms_of(person.id)
            elect = _elect(terms, ctx.date)
            if elect is None and (_held_in_time(pair.time, terms) or pair.transition):
                continue
            severity, suffix = verified(office, ctx.date, terms)
            future = [t for t in terms if t.start > ctx.date]
            title_text = ctx.text(pair.title.first, pair.title.last)
            if elect is not None:
                held = (
                    f"{person.name} is {office.label}-elect until {elect.start.isoformat()} "
                    f"(elected {elect.elected.isoformat() if elect.elected else '?'})"
                )
            elif future and all(t.start > ctx.date for t in terms):
                held = f"{person.name} is {title_text} only from {future[0].start.isoformat()}"
            else:
                spans = ", ".join(t.describe() for t in terms)
                held = f"{person.name} was {title_text} {spans}"
            yield self.finding(
                ctx,
                pair.first,
                pair.last,
                f"{quote(ctx.text(pair.first, pair.last))}: {held}; {_holder_phrase(ctx, office)}{suffix}",
                severity=severity,
                replacement=_with_holder(ctx, pair, office),
                fact=office.id,
            )


class TitleNeverHeld(Check):
    """Flags a title given to a known person who never held that office.

    What it does: for a complete title ("French Prime Minister") beside a known person, checks
    that the person appears among the office's holders at some time.
    Why is this bad? A wrong title is among the most common corrections.
    Example: "French Prime Minister Emmanuel Macron" (Macron is President of France).
    Fix safety: none.
    """

    code = "NL203"
    name = "title-never-held"
    summary = "a title given to someone who never held it"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for pair, offices, person in _titles_given(ctx):
            if any(o.terms_of(person.id) for o in offices) or not all(_covers(o, ctx.date) for o in offices):
                continue
            office = offices[0]
            severity, suffix = verified(office, ctx.date)
            title_text = ctx.text(pair.title.first, pair.title.last)
            actual = [
                ctx.office(o).label
                for o in ctx.rulebook.index.offices_of[person.id]
                if any(t.holds(ctx.date) for t in ctx.office(o).terms_of(person.id))
            ]
            also = f"; {person.name} is {' and '.join(actual)}" if actual else ""
            yield self.finding(
                ctx,
                pair.first,
                pair.last,
                f"{quote(ctx.text(pair.first, pair.last))}: {person.name} has never been "
                f"{title_text if pair.title.qualified else office.label}; "
                f"{_holder_phrase(ctx, office)}{also}{suffix}",
                severity=severity,
                fact=office.id,
            )


class GovernmentOutOfTerm(Check):
    """Flags a government named after a leader outside their term ("the Biden administration"
    in a draft dated 2025-02-17), unless the text marks it as past: "the former Biden
    administration", "during" or "under the Biden administration", "than under ...", "since
    ...", "ordered by the Rajoy government", "the Bolsonaro government had spent", or a time in
    the clause inside the term. Governments are named by surname or by a one-word name the
    person goes by ("the Prabowo government").

    Why is this bad? It attributes today's policy to a government that has left office.
    Example: "The Biden administration's shift" on 2025-02-17.
    Fix safety: none.
    """

    code = "NL204"
    name = "government-out-of-term"
    summary = "a government named after a leader outside their term"

    PAST_MARKERS = FORMER_WORDS | FUTURE_WORDS | {
        "then",
        "last",
        "past",
        "during",
        "under",
        "preceding",
        "earlier",
        "since",
    }
    # Comparisons with a past government: "than under the Biden administration".
    COMPARISONS = (("than", "under"), ("than", "during"), ("compared", "with"), ("compared", "to"), ("than", "in"))
    # Verbs that put the government in the past: "worked in the Trump administration".
    PAST_VERBS = frozenset({"worked", "served", "inherited", "scrap", "scrapped", "reverse", "reversed", "overturn"})
    # Irregular past participles before "by": "made by the Draghi government" (regular ones end in -ed).
    PARTICIPLES = frozenset("made taken given set put won done brought begun drawn written chosen led held".split())

    def _historical(self, tokens, first: int, last: int) -> bool:
        """A government spoken of as past: the agent of a past participle ("ordered by the
        Rajoy government"), or the subject of a past perfect ("the Bolsonaro government had spent")."""
        article = first - 1 if first > 0 and tokens[first - 1].key == "the" else first
        if article >= 2 and tokens[article - 1].key == "by":
            verb = tokens[article - 2].key
            if verb.endswith("ed") or verb in self.PARTICIPLES:
                return True
        return last < len(tokens) and tokens[last].key == "had"

    def run(self, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.tokens
        by_span: dict[tuple[int, int], list] = {}
        for match in ctx.mentions.matches_by_kind["government"]:
            by_span.setdefault((match.first, match.last), []).append(match)
        for candidates in by_span.values():
            # Folded names can be shared (Orbán, Orban): judge only an unambiguous government.
            if len({(m.entry.fact, m.entry.extra) for m in candidates}) != 1:
                continue
            match = candidates[0]
            office = ctx.office(match.entry.fact)
            person = ctx.person(match.entry.extra)
            if not tokens[match.first].capitalized or not _covers(office, ctx.date):
                continue
            terms = office.terms_of(person.id)
            if any(t.holds(ctx.date) for t in terms):
                continue
            previous = [t.key for t in tokens[max(0, match.first - 2) : match.first]]
            earlier = [t.key for t in tokens[max(0, match.first - 8) : match.first]]
            time = ctx.mentions.time_of(match.first)
            if (
                self.PAST_MARKERS.intersection(previous)
                or self.PAST_VERBS.intersection(earlier)
                or any(pair in zip(earlier, earlier[1:], strict=False) for pair in self.COMPARISONS)
                or self._historical(tokens, match.first, match.last)
                or _held_in_time(time, terms)
            ):
                continue
            first = match.first - 1 if match.first > 0 and tokens[match.first - 1].key == "the" else match.first
            severity, suffix = verified(office, ctx.date, terms)
            holders = office.holders_on(ctx.date)
            word = office.government or "government"
            now = (
                f"on {ctx.date.isoformat()} the {office.label} is {ctx.person(holders[0].person).name} "
                f"({holders[0].describe()})"
                if holders
                else f"no holder is known on {ctx.date.isoformat()}"
            )
            upcoming = [t for t in terms if t.start > ctx.date]
            ended = [t for t in terms if t.end is not None and t.end <= ctx.date]
            when = (
                f"{person.name}'s {word} begins on {upcoming[0].start.isoformat()}"
                if upcoming
                else f"{person.name}'s {word} ended on {_end_of(ended[-1])}"
            )
            yield self.finding(
                ctx,
                first,
                match.last,
                f"{quote(ctx.text(first, match.last))}: {when}; {now}{suffix}",
                severity=severity,
                fact=office.id,
            )
