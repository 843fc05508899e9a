"""The time each sentence speaks about: the draft's date, or the dates and years it names.

"On 30 April, Chancellor Olaf Scholz met ..." in a draft of 1 June 2025 speaks about 30 April;
"in 2019, when ..." about 2019; "last week" and "on Tuesday" about days before the draft's
date. A title is right when it holds on some day the sentence speaks about.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from dataclasses import dataclass

from newslint.dates import MONTHS, WEEKDAYS, DateMention, year_of
from newslint.document import Document

_DAY = dt.timedelta(days=1)
# Weekday names alone ("on Tuesday") are taken within this many days of the draft's date.
_WEEK = 6


@dataclass(frozen=True)
class Period:
    """Days ``first`` to ``last`` (inclusive) and what named them."""

    first: dt.date
    last: dt.date
    how: str  # draft date | date | year | month | relative

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        """Whether a term ``start <= day < end`` holds on some day of the period."""
        return start <= self.last and (end is None or self.first < end)

    def within(self, start: dt.date, end: dt.date | None) -> bool:
        """Whether a term holds on every day of the period."""
        return start <= self.first and (end is None or self.last < end)


@dataclass(frozen=True)
class ClauseTime:
    """Every period a sentence may speak about; the draft's date is always one of them.

    A draft dated on the day an office changes hands speaks about that day and the one
    before it, so both the outgoing and the incoming holder fit.
    """

    periods: tuple[Period, ...]  # the draft's date first

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        return any(period.overlaps(start, end) for period in self.periods)

    def within(self, start: dt.date, end: dt.date | None) -> bool:
        """Whether a term holds on every day of every period up to the draft's date (a
        "former" title is then wrong); a time to come ("next year") does not excuse it."""
        now = self.periods[0].last
        return all(period.within(start, end) for period in self.periods if period.first <= now)


_RELATIVE = {
    ("yesterday",): (1, 1),
    ("today",): (0, 0),
    ("last", "week"): (13, 1),
    ("this", "week"): (6, 0),
    ("earlier", "this", "week"): (6, 1),
    ("last", "weekend"): (9, 1),
    ("days", "ago"): (9, 1),
    ("recently",): (60, 0),
}


_RELATIVE_FIRSTS = frozenset(words[0] for words in _RELATIVE)
_BEFORE_MONTH = frozenset({"in", "since", "until", "of", "early", "late", "mid"})


def clause_time(document: Document, indexes: list[int]) -> ClauseTime:
    """The periods that the tokens at ``indexes`` (one clause, in order) speak about."""
    day = document.date
    periods = [Period(day - _DAY, day, "draft date")]
    if not indexes:
        return ClauseTime(tuple(periods))
    tokens = document.tokens
    first, last = indexes[0], indexes[-1] + 1
    chosen = set(indexes)
    starts = {tokens[i].start for i in indexes}
    between = _dates_between(document.dates, tokens[first].start, tokens[last - 1].end)
    written = [m for m in between if m.start in starts]
    for mention in written:
        resolved = mention.resolve(day)
        if resolved is not None:
            periods.append(Period(resolved, resolved, "date"))
    inside = [(m.start, m.end) for m in written]
    for i in indexes:
        token = tokens[i]
        if inside and any(start <= token.start < end for start, end in inside):
            continue
        key = token.key
        if token.kind == "num" and (year := year_of(token.text)) is not None:
            month = MONTHS.get(tokens[i - 1].key) if i - 1 in chosen else None
            if month is not None:
                periods.append(_month(year, month))
            elif _time_adverbial(tokens, first, last, i):
                periods.append(Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year"))
        elif key in MONTHS and token.capitalized and i > first and tokens[i - 1].key in _BEFORE_MONTH:
            if not (i + 1 < last and year_of(tokens[i + 1].text)):
                periods.append(_nearest_month(MONTHS[key], day))
        elif key in WEEKDAYS and token.capitalized and len(key) > 3:
            weekday = WEEKDAYS[key]
            back = (day.weekday() - weekday) % 7  # "on Monday" in a Monday's draft is that day
            ahead = (weekday - day.weekday()) % 7 or 7
            periods.append(Period(day - back * _DAY, day - back * _DAY, "relative"))
            if ahead <= _WEEK:
                periods.append(Period(day + ahead * _DAY, day + ahead * _DAY, "relative"))
        elif key in ("last", "next", "this", "earlier") and i + 1 < last:
            following = tokens[i + 1].key
            if following in ("year", "month"):
                shift = {"last": -1, "next": 1}.get(key, 0)
                if following == "year":
                    year = day.year + shift
                    periods.append(Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "relative"))
                else:
                    month_index = day.year * 12 + day.month - 1 + shift
                    periods.append(_month(month_index // 12, month_index % 12 + 1))
        if key in _RELATIVE_FIRSTS:
            for words, (back_days, ahead_days) in _RELATIVE.items():
                if key == words[0] and tuple(t.key for t in tokens[i : i + len(words)]) == words:
                    periods.append(Period(day - back_days * _DAY, day - ahead_days * _DAY, "relative"))
    return ClauseTime(tuple(dict.fromkeys(periods)))


# A comma before these opens a clause of its own, whose time is its own: "X, who became
# president in 2022, leaves office"; "the government will present its budget, and economists
# expect a recession this year".
_RELATIVE_OPENERS = frozenset({"who", "which", "whose", "whom", "where"})
_COORDINATORS = frozenset({"and", "but", "while", "whereas", "although", "though", "yet"})
_LEADS = frozenset({"in", "on", "at", "during", "since", "last", "earlier", "by", "until", "after", "before", "this"})


def sentence_clauses(document: Document, first: int, last: int) -> list[list[int]]:
    """The clauses of a sentence, each the token indexes it holds. A relative clause set off
    by commas is a clause of its own, and the clause around it goes on after it; a time
    expression that opens the sentence ("On 30 April, ...") belongs to every clause."""
    tokens = document.tokens
    clauses: list[list[int]] = [[]]
    current = main = 0
    relative = False
    for j in range(first, last):
        key = tokens[j].key
        following = tokens[j + 1].key if j + 1 < last else ""
        if key == "," and following in _RELATIVE_OPENERS and not relative:
            main, relative = current, True
            clauses.append([])
            current = len(clauses) - 1
        elif key == "," and relative:
            current, relative = main, False
        elif (key == "," and following in _COORDINATORS) or key in (";", ":", "\u2014"):
            clauses.append([])
            current, relative = len(clauses) - 1, False
        clauses[current].append(j)
    lead = _leading_adverbial(document, first, last)
    return [sorted(set(clause) | lead) for clause in clauses if clause]


def _leading_adverbial(document: Document, first: int, last: int) -> set[int]:
    tokens = document.tokens
    if first >= last:
        return set()
    head = tokens[first]
    if not (head.key in _LEADS or head.key in WEEKDAYS or head.key in MONTHS or head.kind == "num"):
        return set()
    lead: set[int] = set()
    for j in range(first, min(last, first + 8)):
        if tokens[j].key == ",":
            return lead
        lead.add(j)
    return set()


# Words that make a year the time a clause speaks about ("in 2019", "since 2014", "2019-2021"),
# not a thing it names ("a budget for 2025", "its 2024 budget").
_BEFORE_YEAR = frozenset(
    """in since during until till from between and to of early late mid by before after around
    spring summer autumn fall winter - –""".split()
)


def _time_adverbial(tokens, first: int, last: int, i: int) -> bool:
    if i == first or (i > first and tokens[i - 1].key in _BEFORE_YEAR):
        return True
    return i + 1 < last and tokens[i + 1].key in ("'s", "-", "–")


def _dates_between(dates: list[DateMention], start: int, end: int) -> list[DateMention]:
    i = bisect.bisect_left(dates, start, key=_start)
    found = []
    while i < len(dates) and dates[i].start < end:
        found.append(dates[i])
        i += 1
    return found


def _start(mention: DateMention) -> int:
    return mention.start


def _month(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")


def _nearest_month(month: int, day: dt.date) -> Period:
    """ "in March" without a year: the March nearest to the draft's month, before or after."""
    here = day.year * 12 + day.month
    year = min((day.year - 1, day.year, day.year + 1), key=lambda y: abs(y * 12 + month - here))
    return _month(year, month)
