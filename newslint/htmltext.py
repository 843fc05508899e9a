"""The visible text of an HTML draft, masked to the same length (see newslint.markup)."""

from __future__ import annotations

import html.parser
import re
from typing import Any

from newslint.markup import Masked, blank
from newslint.text import normalize_prose


class _VisibleText(html.parser.HTMLParser):
    """Collects the spans of visible text and the date metadata of an HTML page."""

    # Not shown on the page: the <title> is the browser tab's, not the article's text.
    INVISIBLE = frozenset({"script", "style", "template", "noscript", "title"})

    def __init__(self, line_starts: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = line_starts
        self.visible: list[tuple[int, int]] = []
        self.hidden_depth = 0
        self.metadata: dict[str, Any] = {}

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in self.INVISIBLE:
            self.hidden_depth += 1
        if tag == "meta":
            key = values.get("name") or values.get("property") or values.get("itemprop")
            if key in ("date", "article:published_time", "datePublished", "dc.date", "DC.date"):
                self.metadata.setdefault("date", values.get("content", ""))
        if tag == "time" and "datetime" in values:
            self.metadata.setdefault("time", values["datetime"])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.INVISIBLE:
            self.hidden_depth -= 1  # balanced by handle_starttag below
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.INVISIBLE and self.hidden_depth > 0:
            self.hidden_depth -= 1

    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            # CPython's parser asserts on a malformed "<![...": skip it as markup, as browsers
            # do with a bogus comment (up to the next ">", or to the end).
            end = self.rawdata.find(">", i)
            return len(self.rawdata) if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        if self.hidden_depth == 0 and data.strip():
            start = self._offset()
            self.visible.append((start, start + len(data)))


def mask_html(source: str) -> Masked:
    normalized = normalize_prose(source)
    # html.parser counts lines by \n only.
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", normalized)]
    parser = _VisibleText(line_starts)
    parser.feed(normalized)
    parser.close()
    chars = list(blank(normalized))
    for start, end in parser.visible:
        chars[start:end] = normalized[start:end]
    return Masked("".join(chars), parser.metadata)
