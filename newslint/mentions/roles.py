"""Titles and roles a draft writes, and the offices they refer to in context.

A complete title ("German Chancellor") names its office. A bare role ("the finance
minister", "Prime Minister") names an office only through the draft's context: a
jurisdiction named in the same or the previous sentence, else the one the draft is most
about. It is never resolved to whichever office anywhere happens to have that role.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.mentions.people import longest

if TYPE_CHECKING:
    from newslint.mentions import Mentions


@dataclass(frozen=True)
class TitleMention:
    """A title or role at tokens [first, last)."""

    offices: frozenset[str]  # every office the words can name
    first: int
    last: int
    qualified: bool  # a complete title ("German Chancellor"), not a bare role ("Chancellor")
    resolved: frozenset[str] = frozenset()  # the offices meant here: the title's, or the context's

    @property
    def office(self) -> str | None:
        """The one office meant, when the context settles it."""
        return next(iter(self.resolved)) if len(self.resolved) == 1 else None


def find_titles(m: Mentions) -> list[TitleMention]:
    """Complete titles (longest first), then bare roles outside them, resolved in context."""
    by_span: dict[tuple[int, int, str], set[str]] = {}
    for kind in ("title", "role"):
        for match in m.matches_by_kind[kind]:
            by_span.setdefault((match.first, match.last, kind), set()).update(match.entry.extra)
    tokens = m.tokens
    # "Deputy Prime Minister X" is not the prime minister (an office of its own, when the
    # rulebook has it, is the longer match and wins).
    titles = [x for x in m.matches_by_kind["title"] if not _modified(tokens, x.first)]
    qualified = longest(titles)
    mentions = []
    for x in qualified:
        offices = frozenset(by_span[(x.first, x.last, "title")])
        mentions.append(TitleMention(offices, x.first, x.last, True, offices))
    covered = {i for t in mentions for i in range(t.first, t.last)}
    roles = longest(
        [
            x
            for x in m.matches_by_kind["role"]
            if not covered.intersection(range(x.first, x.last)) and not _modified(tokens, x.first)
        ]
    )
    for x in roles:
        offices = frozenset(by_span[(x.first, x.last, "role")])
        resolved = _in_context(m, offices, x.first)
        # A role only one office has ("Chancellor of the Exchequer") is as good as a complete
        # title, unless the context names another jurisdiction.
        mentions.append(TitleMention(offices, x.first, x.last, len(offices) == 1 and resolved == offices, resolved))
    mentions.sort(key=lambda t: t.first)
    return mentions


_NOT_THE_OFFICE = frozenset({"deputy", "vice", "shadow", "assistant", "junior", "under", "sub", "co"})


def _modified(tokens, first: int) -> bool:
    """Whether a title is another office's: "Deputy Prime Minister", "vice-president", "shadow chancellor"."""
    j = first - 1
    if j >= 0 and tokens[j].text == "-":
        j -= 1
    return j >= 0 and tokens[j].key in _NOT_THE_OFFICE


def _in_context(m: Mentions, offices: frozenset[str], index: int) -> frozenset[str]:
    """Of the offices a bare role can name, those of the jurisdiction the context names: one
    named in this or the previous sentence, else the one the draft names most; with no
    jurisdiction named at all, the role's only office."""
    by_jurisdiction: dict[str, set[str]] = {}
    for office_id in offices:
        jurisdiction = m.rulebook.offices[office_id].jurisdiction
        if jurisdiction is not None:
            by_jurisdiction.setdefault(jurisdiction, set()).add(office_id)
    near = set(m.jurisdictions_near(index))
    if near:
        hits = near.intersection(by_jurisdiction)
        return frozenset(by_jurisdiction[hits.pop()]) if len(hits) == 1 else frozenset()
    main = m.main_jurisdiction
    if main is not None:
        return frozenset(by_jurisdiction.get(main, ()))
    return offices if len(offices) == 1 else frozenset()


def jurisdiction_mentions(m: Mentions) -> list[tuple[int, str]]:
    """Every place a jurisdiction is named: by name or adjective, inside a complete title, or
    through a person named in full who holds an office of only one jurisdiction on the draft's date."""
    found = [(x.first, x.entry.fact) for x in m.matches_by_kind["jurisdiction"]]
    offices = m.rulebook.offices
    for x in m.matches_by_kind["title"]:
        for office_id in x.entry.extra:
            jurisdiction = offices[office_id].jurisdiction
            if jurisdiction is not None:
                found.append((x.first, jurisdiction))
    day = m.document.date
    offices_of = m.rulebook.index.offices_of
    for x in m.matches_by_kind["person"]:
        held = {
            jurisdiction
            for o in offices_of.get(x.entry.fact, ())
            if (jurisdiction := offices[o].jurisdiction) is not None
            and any(t.holds(day) for t in offices[o].terms_of(x.entry.fact))
        }
        if len(held) == 1:
            found.append((x.first, held.pop()))
    return sorted(set(found))


def main_jurisdiction(named: list[tuple[int, str]]) -> str | None:
    """The jurisdiction a draft names most (the first named, on a tie)."""
    if not named:
        return None
    counts = Counter(j for _, j in named)
    top = max(counts.values())
    return next(j for _, j in named if counts[j] == top)
