"""Dates written in prose, and the date a draft is checked as of."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)"
)
_ORD = r"(?:st|nd|rd|th)?"
# The standard library engine, behind a look-ahead for the characters a date can start with,
# scans prose about twice as fast as the regex module here.
DATE_PATTERN = re.compile(
    r"(?=[0-9ADFJMNOSTW])"
    rf"(?:(?P<weekday>\b{_WEEKDAY})\.?,?[ \t]+(?:\(\s*)?(?:the[ \t]+)?)?"
    rf"(?:(?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)"
    rf"|(?P<dmy>\b(?P<dd>\d{{1,2}}){_ORD}[ \t]+(?:of[ \t]+)?(?P<dm>{_MONTH})\b\.?(?:,?[ \t]+(?P<dy>\d{{4}})\b)?)"
    rf"|(?P<mdy>\b(?P<mm>{_MONTH})\b\.?[ \t]+(?P<md>\d{{1,2}}){_ORD}\b(?:,?[ \t]+(?P<my>\d{{4}})\b)?))"
    r"(?:,?[ \t]+(?P<relative>last|next|this)[ \t]+year\b)?"
)
_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}


def year_of(text: str) -> int | None:
    """A year written as four digits (1900-2100), or None."""
    if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100:
        return int(text)
    return None


@dataclass(frozen=True)
class DateMention:
    """A calendar date written in prose, with the weekday written beside it, if any."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None = None
    weekday_start: int = 0
    weekday_end: int = 0
    relative_year: int | None = None  # "24 February last year": -1

    def resolve(self, reference: dt.date) -> dt.date | None:
        """The date meant, taking a missing year as the one nearest to ``reference``."""
        if self.year is not None:
            return _safe_date(self.year, self.month, self.day)
        if self.relative_year is not None:
            return _safe_date(reference.year + self.relative_year, self.month, self.day)
        candidates = [
            d
            for y in (reference.year - 1, reference.year, reference.year + 1)
            if (d := _safe_date(y, self.month, self.day)) is not None
        ]
        return min(candidates, key=lambda d: abs((d - reference).days), default=None)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(prose: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every calendar date written in ``prose[start:end]``."""
    mentions = []
    year: int | None
    for match in DATE_PATTERN.finditer(prose, start, len(prose) if end is None else end):
        if match.group("iso"):
            year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
        elif match.group("dmy"):
            year = int(match["dy"]) if match["dy"] else None
            month, day = MONTHS[match["dm"].lower()], int(match["dd"])
        else:
            year = int(match["my"]) if match["my"] else None
            month, day = MONTHS[match["mm"].lower()], int(match["md"])
        if _safe_date(year or 2000, month, day) is None:
            continue
        weekday = match["weekday"]
        mentions.append(
            DateMention(
                match.start("iso") if match["iso"] else match.start("dmy") if match["dmy"] else match.start("mdy"),
                match.end(),
                year,
                month,
                day,
                WEEKDAYS[weekday.lower()] if weekday else None,
                match.start("weekday") if weekday else 0,
                match.end("weekday") if weekday else 0,
                _RELATIVE_YEARS[match["relative"]] if match["relative"] and year is None else None,
            )
        )
    return mentions


def parse_date_value(value: Any) -> dt.date | None:
    """A date from a front-matter or metadata value: a date, a datetime or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if match:
            return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    return None


@dataclass(frozen=True)
class DraftDate:
    """The date a draft is checked as of, and why."""

    date: dt.date
    reason: str
    problem: str | None = None
    stated: bool = True  # False: the draft states no date (checked as of today or the default)


_DATELINE_LABEL = re.compile(r"(?i)\b(?:dateline|date|published)\s*:\s*")


def draft_date(
    prose: str,
    metadata: dict[str, Any],
    explicit: dt.date | None = None,
    today: dt.date | None = None,
    default: dt.date | None = None,
) -> DraftDate:
    """Choose the checking date: explicit, then metadata, then a dateline, then the configured
    default, then today."""
    today = today or dt.date.today()
    if explicit is not None:
        return DraftDate(explicit, "given with --date")
    problem = None
    for key in ("date", "published", "time"):
        if key in metadata:
            found = parse_date_value(metadata[key])
            if found is not None:
                return DraftDate(found, f"from the draft's metadata ({key}: {found.isoformat()})")
            problem = f"the draft's '{key}' ({metadata[key]!s}) is not a date (YYYY-MM-DD)"
    head = _head(prose)
    resolved: dt.date | None
    for mention in find_dates(prose, 0, head):
        if mention.year is None:
            candidates = [
                d
                for y in (today.year, today.year - 1)
                if (d := _safe_date(y, mention.month, mention.day)) is not None and d <= today
            ]
            if not candidates:
                continue
            resolved = max(candidates)
        else:
            resolved = _safe_date(mention.year, mention.month, mention.day)
        if resolved is not None:
            text = prose[mention.start : mention.end].strip()
            return DraftDate(resolved, f"from the dateline '{text}'", problem)
    if default is not None:
        return DraftDate(default, "the configuration's default_date (the draft states no date)", problem, False)
    return DraftDate(today, "today's date (the draft states no date)", problem, False)


def _head(prose: str) -> int:
    """The end of the dateline zone: the first non-blank line, at most 200 characters in."""
    stripped = len(prose) - len(prose.lstrip())
    newline = re.search(r"\r|\n", prose[stripped:])
    end = stripped + newline.start() if newline else len(prose)
    return min(end, stripped + 200)
