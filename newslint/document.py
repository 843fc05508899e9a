"""A draft ready for checking: source, masked prose view, tokens, sentences, quotes, date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from newslint.dates import DateMention, DraftDate, draft_date, find_dates
from newslint.markup import infer_markup, mask
from newslint.text import Token, line_starts, paragraph_breaks, quote_spans, sentence_starts, tokenize

# Letters, then letters, combining accents, apostrophes or hyphens (the standard engine has no \p{M}).
_LONG_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\-\u0300-\u036f]){3,}")


def _title_case(line: str) -> bool:
    """Most words of four letters or more capitalized, as in headlines."""
    words = _LONG_WORD.findall(line)
    if len(words) < 3 or len(line) > 200:
        return False
    return sum(word[0].isupper() for word in words) >= 0.75 * len(words)


@dataclass
class Document:
    """One draft. Offsets everywhere are 0-based code points into ``source``."""

    source: str
    path: str | None
    markup: str
    prose: str
    dating: DraftDate
    metadata: dict = field(default_factory=dict)
    metadata_error: str | None = None
    unreadable: str | None = None

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        path: str | None = None,
        markup: str | None = None,
        date: dt.date | None = None,
        today: dt.date | None = None,
        default_date: dt.date | None = None,
        metadata: dict | None = None,
    ) -> Document:
        markup = markup or infer_markup(path)
        masked = mask(text, markup)
        if metadata:  # found while reading the file (a Word document's properties)
            masked.metadata = {**masked.metadata, **metadata}
        dating = draft_date(masked.prose, masked.metadata, date, today, default_date)
        return cls(text, path, markup, masked.prose, dating, masked.metadata, masked.metadata_error, masked.unreadable)

    @property
    def date(self) -> dt.date:
        return self.dating.date

    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.source)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.prose)

    @cached_property
    def capitalized(self) -> list[int]:
        """Indexes of the words that start with a capital letter."""
        return [i for i, token in enumerate(self.tokens) if token.capitalized]

    @cached_property
    def token_starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    @cached_property
    def paragraph_breaks(self) -> list[int]:
        return paragraph_breaks(self.prose, self.source)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return sentence_starts(self.prose, self.tokens, self.paragraph_breaks, self.token_starts)

    @cached_property
    def dates(self) -> list[DateMention]:
        """Every calendar date written in the prose."""
        return find_dates(self.prose)

    @cached_property
    def sentence_start_set(self) -> frozenset[int]:
        return frozenset(self.sentence_starts)

    def sentence_of(self, token_index: int) -> tuple[int, int]:
        """The token range [first, last) of the sentence holding a token."""
        starts = self.sentence_starts
        i = bisect.bisect_right(starts, token_index) - 1
        first = starts[i] if i >= 0 else 0
        last = starts[i + 1] if i + 1 < len(starts) else len(self.tokens)
        return first, last

    def is_headline(self, offset: int) -> bool:
        """Whether the line holding an offset is written in title case ("Conservatives Pick Johnson")."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return self._headlines.setdefault(line, _title_case(self._line_text(line)))

    def _line_text(self, line: int) -> str:
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.prose)
        return self.prose[self.line_starts[line] : end]

    @cached_property
    def _headlines(self) -> dict[int, bool]:
        return {}

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return quote_spans(self.prose, self.paragraph_breaks)

    def in_quote(self, offset: int) -> bool:
        """Whether an offset lies inside direct speech."""
        i = bisect.bisect_right(self.quotes, (offset, len(self.source) + 1)) - 1
        return i >= 0 and self.quotes[i][0] <= offset < self.quotes[i][1]
