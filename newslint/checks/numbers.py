"""Count checks: numbers that hold over intervals (NL401)."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.checks.base import Check, quote
from newslint.checks.context import Context
from newslint.dates import MONTHS, year_of
from newslint.diagnostic import Finding
from newslint.rulebook.index import read_number
from newslint.text import latin_form


class CountOnDate(Check):
    """Flags a count that does not hold on the draft's date ("the EU's 28 member states" in 2025).

    What it does: count phrases with a number slot ("the EU's {n} member states", "the
    {n}-nation bloc", "the {n}th member of NATO") are matched with the number written in
    digits, words ("thirty-two allies") or as an ordinal ("32nd"), and compared with the value
    on the days the clause speaks about. A phrase that names no body ("all {n} senators") is
    judged only when the draft names the count's body nearby or most; a number without "the"
    or "all" below the whole is a part ("12 member states signed"); an ordinal one past the
    count in a sentence about joining later ("hopes to become the 33rd member") is not judged.
    Fix safety: safe when the number is written in digits.
    """

    code = "NL401"
    name = "count-on-date"
    summary = "a count that does not hold on the draft's date"
    fix_safety = "safe"

    @staticmethod
    def _body_named(ctx: Context, count, match) -> bool:
        """A phrase that names no body ("all {n} senators", "{n} member states") is judged only
        when the draft names one of the bodies the count's other phrases name, nearby or most."""
        mentions = ctx.mentions
        if any(match.first <= m.first < match.last for m in mentions.matches_by_kind["jurisdiction"]):
            return True
        starts = ctx.document.sentence_start_set
        if any(ctx.tokens[i].capitalized and i not in starts for i in range(match.first, match.last)):
            return True  # "the 338-seat House of Commons" names its body
        bodies = _count_bodies(ctx, count.id)
        if not bodies:
            return True
        near = set(mentions.jurisdictions_near(match.first))
        return bool(bodies & near) if near else mentions.main_jurisdiction in bodies

    @staticmethod
    def _next_member(ctx: Context, match, value: int) -> bool:
        """An ordinal one past the count, in a sentence about joining later."""
        i = match.number_token + 1
        tokens = ctx.tokens
        if match.number != value + 1 or i >= len(tokens) or tokens[i].key not in _ORDINAL_SUFFIXES:
            return False
        first, _ = ctx.document.sentence_of(match.first)
        return any(t.key in _FUTURE_WORDS for t in tokens[first : match.first])

    def run(self, ctx: Context) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for match in ctx.mentions.matches_by_kind["count"]:
            count = ctx.rulebook.counts[match.entry.fact]
            value = count.value_on(ctx.date)
            if value is None or match.number is None or match.number == value.value:
                continue
            read = read_number(ctx.tokens, match.number_token)
            if (
                read is None
                or (match.number_token, read[1]) in seen
                or _inside_number(ctx, match.number_token)
                or _subset(ctx, match.first, match.last, match.number_token, match.number, value.value)
            ):
                continue
            if not self._body_named(ctx, count, match):
                continue  # "all 72 senators": which senate is not said
            if self._next_member(ctx, match, value.value):
                continue  # "hopes to become the alliance's 32nd member"
            periods = ctx.mentions.time_of(match.first).periods[1:]
            if any(
                (past := count.value_on(day)) is not None and past.value == match.number
                for period in periods
                for day in (period.first, period.last)
            ):
                continue  # "In 2019 there were 28 EU member states"
            seen.add((match.number_token, read[1]))
            since = f" (since {value.start.isoformat()})" if value.start else ""
            digits = ctx.tokens[match.number_token].kind == "num"
            yield self.finding(
                ctx,
                match.number_token,
                read[1],
                f"{quote(ctx.text(match.first, match.last))}: the number is {value.value} on "
                f"{ctx.date.isoformat()}{since}, not {match.number}",
                replacement=str(value.value) if digits else None,
                fact=count.id,
            )


# Words before an ordinal that put the membership in the future: "hopes to become the 32nd member".
_FUTURE_WORDS = frozenset(
    "will would could hope hopes hoping expected set aim aims bid seeks seeking poised due plans wants".split()
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _count_bodies(ctx: Context, count_id: str) -> frozenset[str]:
    """The jurisdictions or bodies a count's own phrases name ("the EU's {n} member states": EU)."""
    cache = ctx.rulebook.index.run_cache("count_bodies")
    bodies = cache.get(count_id)
    if bodies is None:
        from newslint.text import normalize_prose, tokenize

        found: set[str] = set()
        for phrase in ctx.rulebook.counts[count_id].phrases:
            tokens = tokenize(normalize_prose(phrase.replace("{n}", "0")))
            found.update(m.entry.fact for m in ctx.rulebook.index.matches(tokens) if m.entry.kind == "jurisdiction")
        bodies = cache[count_id] = frozenset(found)
    return bodies


_SUBSET_BEFORE = frozenset(
    {"remaining", "other", "staying", "continuing", "founding", "original", "eastern", "western"}
)
_SUBSET_AFTER = frozenset(
    {"that", "who", "which", "except", "excluding", "besides", "apart", "outside", "not", "in", "from"}
)


def _subset(ctx: Context, first: int, last: int, number_token: int, written: int, value: int) -> bool:
    """A count of part of the whole: "the 27 EU countries that will remain", "other 26 members",
    "12 EU member states signed" (a number without "the" or "all" claims only that many)."""
    tokens = ctx.tokens
    before = {t.key for t in tokens[max(0, first - 2) : first]}
    after = tokens[last].key if last < len(tokens) else ""
    if after in ("in", "from") and last + 1 < len(tokens):
        following = tokens[last + 1]
        if year_of(following.text) or following.key in MONTHS:
            after = ""  # "the 28th member in 2013": a time, not a part
    whole = number_token > 0 and tokens[number_token - 1].key in _WHOLE_BEFORE
    # "the 28th member" and "a 630-seat parliament" speak of the whole too
    after_number = tokens[number_token + 1].key if number_token + 1 < len(tokens) else ""
    indefinite = not whole and after_number not in _ORDINAL_SUFFIXES and after_number != "-"
    return bool(_SUBSET_BEFORE & before) or after in _SUBSET_AFTER or (indefinite and written < value)


# Words before a number that make it the whole: "the 27 members", "all 27", "the EU's 27".
_WHOLE_BEFORE = frozenset({"the", "all", "'s", "its", "their", "our", "his", "her", "-"})


def _inside_number(ctx: Context, index: int) -> bool:
    """Whether a number token continues a larger one ("seven" in "twenty-seven")."""
    if index >= 2 and ctx.tokens[index - 1].text == "-":
        return read_number(ctx.tokens, index - 2) is not None
    return False


class HouseStyle(Check):
    """Flags a spelling the house style replaces ("Kiev" -> "Kyiv"), except inside listed
    exceptions ("chicken Kiev").

    Fix safety: safe.
    """

    code = "NL501"
    name = "house-style"
    summary = "a spelling replaced by the house style"
    fix_safety = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        # Exceptions match in any case: "Chicken Kiev" at the start of a sentence too.
        exceptions = [(m.first, m.last, m.entry.fact) for m in ctx.mentions.matches_by_kind["style-except"]]
        for match in ctx.mentions.matches_by_kind["style"]:
            if not _same_case(ctx, match.first, match.last, match.entry.extra):
                continue
            if any(f <= match.first and match.last <= end and rule == match.entry.fact for f, end, rule in exceptions):
                continue
            rule = ctx.rulebook.style[match.entry.fact]
            yield self.finding(
                ctx,
                match.first,
                match.last,
                f"{quote(ctx.text(match.first, match.last))}: house style is {quote(rule.use)}",
                replacement=rule.use,
                fact=rule.id,
            )


def _same_case(ctx: Context, first: int, last: int, phrase: str) -> bool:
    """Style phrases are case-sensitive: compare the words as written."""
    written = [latin_form(t.text) for t in ctx.tokens[first:last] if t.kind == "word"]  # "Kiеv", "Ki\u200bev"
    wanted = [w for w in _words(phrase)]
    return written == wanted


def _words(phrase: str) -> list[str]:
    from newslint.text import normalize_prose, tokenize

    return [t.text for t in tokenize(normalize_prose(phrase)) if t.kind == "word"]
