"""Count checks: numbers that hold over intervals (NL401)."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.checks.base import Check, quote
from newslint.checks.context import Context
from newslint.diagnostic import Finding
from newslint.rulebook.index import read_number


class CountOnDate(Check):
    """Flags a count that does not hold on the draft's date ("the EU's 28 member states" in 2025).

    What it does: count phrases with a number slot ("the EU's {n} member states") are matched
    with the number written in digits or words and compared with the value on the date.
    Fix safety: safe when the number is written in digits.
    """

    code = "NL401"
    name = "count-on-date"
    summary = "a count that does not hold on the draft's date"
    fix_safety = "safe"

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
                or _subset(ctx, match.first, match.last)
            ):
                continue
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


_SUBSET_BEFORE = frozenset(
    {"remaining", "other", "staying", "continuing", "founding", "original", "eastern", "western"}
)
_SUBSET_AFTER = frozenset(
    {"that", "who", "which", "except", "excluding", "besides", "apart", "outside", "not", "in", "from"}
)


def _subset(ctx: Context, first: int, last: int) -> bool:
    """A count of part of the whole: "the 27 EU countries that will remain", "other 26 members"."""
    tokens = ctx.tokens
    before = {t.key for t in tokens[max(0, first - 2) : first]}
    after = tokens[last].key if last < len(tokens) else ""
    return bool(_SUBSET_BEFORE & before) or after in _SUBSET_AFTER


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
    written = [t.text for t in ctx.tokens[first:last] if t.kind == "word"]
    wanted = [w for w in _words(phrase)]
    return written == wanted


def _words(phrase: str) -> list[str]:
    from newslint.text import normalize_prose, tokenize

    return [t.text for t in tokenize(normalize_prose(phrase)) if t.kind == "word"]
