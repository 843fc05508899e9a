"""Date checks: weekdays, event dates and ages (NL301-NL303)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from newslint.checks.base import Check, quote
from newslint.checks.context import Context
from newslint.dates import WEEKDAY_NAMES, year_of
from newslint.diagnostic import Finding

_RANGE = re.compile(r"\s*(?:-|\u2013|to|and)\s*\d")


class WeekdayMismatch(Check):
    """Flags a weekday that does not match the calendar date written beside it.

    Needs no rules: "Tuesday, 17 February 2025" is wrong because 17 February 2025 was a Monday.
    A date without a year is taken in the year nearest to the draft's date.
    Fix safety: unsafe (the weekday or the date may be the wrong one).
    """

    code = "NL301"
    name = "weekday-mismatch"
    summary = "a weekday that does not match the date beside it"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for mention in ctx.document.dates:
            if mention.weekday is None or _RANGE.match(ctx.document.prose, mention.end):
                continue  # "Tuesday and Wednesday, July 11-12": the weekdays name the range
            day = mention.resolve(ctx.date)
            if day is None or day.weekday() == mention.weekday:
                continue
            written = ctx.document.source[mention.weekday_start : mention.weekday_end]
            right = WEEKDAY_NAMES[day.weekday()]
            if len(written) <= 4:
                right = right[: len(written)]
            yield Finding(
                self.code,
                mention.weekday_start,
                mention.weekday_end,
                f"{quote(ctx.document.source[mention.weekday_start : mention.end])}: "
                f"{day.strftime('%d %B %Y').lstrip('0')} is a {WEEKDAY_NAMES[day.weekday()]}, "
                f"not a {WEEKDAY_NAMES[mention.weekday]}",
                self.severity,
                right,
            )


_CLAUSE_BREAKS = frozenset(
    {
        ",",
        ";",
        ":",
        "(",
        ")",
        "\u2014",
        "\u2013",
        "and",
        "but",
        "while",
        "which",
        "who",
        "after",
        "before",
        "since",
        "until",
        "when",
    }
)
_BEFORE_CONNECTORS = frozenset({",", "when", "as", "in", "and", "the"})


class EventDate(Check):
    """Flags a known event given the wrong year or date ("Russia annexed Crimea in 2015").

    What it does: events are found by their rule phrases and in other phrasings (inflected
    and reordered: "annexed Crimea", "the annexation of Crimea", "Crimea's annexation").
    After the event ("annexed Crimea in 2015", "on 18 March 2014", "(2015)") or before it
    ("in 2014, when Russia annexed Crimea"), a year or date tied to it by a preposition is
    compared with the event's date; "since", "before", "after" and "until" do not claim it.
    Fix safety: unsafe.
    """

    code = "NL302"
    name = "event-date"
    summary = "a known event given the wrong year or date"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.mentions.events:
            return
        starts = ctx.document.token_starts
        dates = {}
        for mention in ctx.document.dates:
            i = bisect.bisect_left(starts, mention.start)
            if i < len(starts) and starts[i] == mention.start:
                dates[i] = mention
        for match in ctx.mentions.events:
            event = ctx.rulebook.events[match.event]
            first_sentence, last_sentence = ctx.document.sentence_of(match.first)
            found = self._after(ctx, match.last, last_sentence, dates) or self._before(
                ctx, match.first, first_sentence, dates
            )
            if found is None:
                continue
            first, last, year, month_day = found
            wrong_year = year is not None and year != event.year
            wrong_day = (
                month_day is not None and event.date is not None and month_day != (event.date.month, event.date.day)
            )
            if not (wrong_year or wrong_day):
                continue
            phrase = ctx.text(match.first, match.last)
            yield self.finding(
                ctx,
                first,
                last,
                f"{quote(phrase)} happened on {event.describe()}, not {'on' if month_day else 'in'} "
                f"{ctx.text(first, last)}",
                fact=event.id,
                replacement=str(event.year) if wrong_year and month_day is None else None,
            )

    def _after(self, ctx, i, end, dates):
        """A date introduced by "in"/"on" (or in brackets) later in the same clause: "began in
        2021", "the annexation (2015)", "in Butler, Pennsylvania, on July 14"."""
        tokens = ctx.tokens
        limit = min(end, i + 8)
        place = False  # inside a place set off by commas: "in Butler, Pennsylvania, on ..."
        while i < limit:
            key = tokens[i].key
            if key in ("in", "on", "(") and i + 1 < end:
                found = _date_at(ctx, i + 1, dates)
                if found is not None:
                    return found
            if key == "," and (place or (i + 1 < end and tokens[i + 1].capitalized and tokens[i - 1].capitalized)):
                place = not place
                limit = min(end, limit + 3)
            elif key in _CLAUSE_BREAKS:
                return None
            i += 1
        return None

    def _before(self, ctx, i, start, dates):
        tokens = ctx.tokens
        j = i - 1
        skipped_names = 0
        while j >= start and i - j <= 6:
            token = tokens[j]
            for first, mention in dates.items():
                if first <= j and ctx.document.token_starts[first] <= token.start < mention.end:
                    return None if _not_claimed(tokens, first) else _date_at(ctx, first, dates)
            if token.kind == "num" and year_of(token.text) is not None:
                return None if _not_claimed(tokens, j) else (j, j + 1, int(token.text), None)
            if token.capitalized and skipped_names < 3:
                skipped_names += 1
            elif token.key not in _BEFORE_CONNECTORS:
                return None
            j -= 1
        return None


def _not_claimed(tokens, i: int) -> bool:
    """A date after "since", "before", "after" or "until" bounds a time; it is not the event's date."""
    return i > 0 and tokens[i - 1].key in ("since", "before", "after", "until", "till", "by")


def _date_at(ctx: Context, i: int, dates) -> tuple[int, int, int | None, tuple[int, int] | None] | None:
    """A date or year starting at token i: (first, last, year, (month, day))."""
    tokens = ctx.tokens
    if i in dates:
        mention = dates[i]
        last = i
        while last < len(tokens) and tokens[last].start < mention.end:
            last += 1
        return i, last, mention.year, (mention.month, mention.day)
    from newslint.dates import MONTHS

    if tokens[i].key in MONTHS and i + 1 < len(tokens) and year_of(tokens[i + 1].text):
        return i, i + 2, int(tokens[i + 1].text), None
    if tokens[i].kind == "num" and year_of(tokens[i].text) is not None:
        return i, i + 1, int(tokens[i].text), None
    return None


_OLDEST_AGE = 122  # no one is known to have lived longer
_DEATH_WORDS = frozenset("died dies death dead late funeral obituary buried mourned passed".split())


class WrongAge(Check):
    """Flags an age that does not match a known person's birth date on the draft's date
    ("Starmer, 64," on 2025-02-17, when he was 62).

    Forms read: "Name, 62,", "Name (62)", "Name, aged 62", "62-year-old Name". The age is
    judged on the draft's date or a time the clause names ("In 2019, Starmer, 56, ..."). After
    a person's death (``died:``) an age stops; "X, 88," then says X died, unless the sentence
    speaks of the death ("who died in April aged 88").
    Fix safety: unsafe.
    """

    code = "NL303"
    name = "wrong-age"
    summary = "an age that does not match the birth date on the draft's date"
    fix_safety = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        tokens = ctx.tokens
        for mention in ctx.mentions.people:
            person = ctx.person(mention.person)
            if person.born is None:
                continue
            for index in self._ages(tokens, mention.first, mention.last):
                written = int(tokens[index].text)
                actual = person.age_on(ctx.date)
                if actual is None or not 0 < written < 130:
                    continue
                dead = person.dead_on(ctx.date)
                if dead and written == actual and self._speaks_of_death(ctx, index):
                    continue  # "Pope Francis, who died in April aged 88"
                if not dead and (written == actual or self._age_in_time(ctx, person, index, written)):
                    continue  # "In 2019, Starmer, 56, ...": the age in the clause's own year
                if not dead and actual > _OLDEST_AGE:
                    continue  # long dead, but the rulebook does not say when (George Washington)
                text = quote(ctx.text(min(index, mention.first), max(index + 1, mention.last)))
                if dead:
                    assert person.died is not None
                    message = (
                        f"{text}: {person.name} (born {person.born.isoformat()}) died on "
                        f"{person.died.isoformat()}, aged {actual}"
                    )
                else:
                    message = f"{text}: {person.name} (born {person.born.isoformat()}) is {actual} on {ctx.date}"
                yield self.finding(ctx, index, index + 1, message, replacement=str(actual), fact=person.id)

    @staticmethod
    def _age_in_time(ctx: Context, person, index: int, written: int) -> bool:
        periods = ctx.mentions.time_of(index).periods[1:]
        return any(person.age_on(day) == written for period in periods for day in (period.first, period.last))

    @staticmethod
    def _speaks_of_death(ctx: Context, index: int) -> bool:
        first, last = ctx.document.sentence_of(index)
        return any(t.key in _DEATH_WORDS for t in ctx.tokens[first:last])

    @staticmethod
    def _ages(tokens, first: int, last: int) -> Iterator[int]:
        def number(i: int) -> bool:
            return (
                0 <= i < len(tokens)
                and tokens[i].kind == "num"
                and tokens[i].text.isdigit()
                and len(tokens[i].text) <= 3
            )

        after = [t.key for t in tokens[last : last + 4]]
        if after[:1] == [","] and number(last + 1) and (after[2:3] in ([","], [")"], ["."], []) or after[2:3] == [";"]):
            yield last + 1
        elif after[:1] == ["("] and number(last + 1) and after[2:3] == [")"]:
            yield last + 1
        elif after[:2] == [",", "aged"] and number(last + 2):
            yield last + 2
        # "62-year-old Keir Starmer" or "62-year-old British Prime Minister Keir Starmer"
        j = first - 1
        while j >= 0 and tokens[j].capitalized and first - j <= 4:
            j -= 1
        if j >= 4 and [t.key for t in tokens[j - 3 : j + 1]] == ["-", "year", "-", "old"] and number(j - 4):
            yield j - 4
