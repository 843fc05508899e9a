"""Words, sentences and quotations of a prose view, with their source offsets."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple, cast

# Characters that show nothing: inside a word they are part of it, and its key ignores them,
# so "Ki\u200bev" is matched as "Kiev" (soft hyphen, zero-width space, non-joiner, joiner,
# word joiner).
ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060"

_TOKEN_PATTERN = (
    rf"(?P<word>\p{{L}}[\p{{L}}\p{{M}}{ZERO_WIDTH}]*(?:'(?![sS]\b)[\p{{L}}\p{{M}}{ZERO_WIDTH}]+)*)"
    r"|(?P<poss>'[sS]\b)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<punct>[^\s\p{L}\p{N}])"
)


@lru_cache(maxsize=1)
def _full_token_pattern() -> Any:
    """The tokenizer for text with combining marks or other numerals (compiled on first use:
    importing the regex module costs more than checking a small draft)."""
    import regex

    return regex.compile(_TOKEN_PATTERN)


def _needs_full_tokenizer(prose: str) -> bool:
    """Whether the text has combining marks (M) or numerals other than digits (No, Nl)."""
    return any(
        unicodedata.category(char)[0] == "M" or unicodedata.category(char) in ("No", "Nl")
        for char in set(prose)
        if not char.isascii()
    )


_DOUBLE_QUOTE = re.compile('"')

# The same tokens with the standard library's engine and no named groups, about twice as
# fast; its letter class ([^\W\d_]) also takes other numerals (No, Nl) and it has no class
# of combining marks (M), so it is used only for text without them.
_LETTERS = rf"[^\W\d_]+(?:[{ZERO_WIDTH}]+[^\W\d_]+)*"  # runs of letters, joined by what shows nothing
_FAST_TOKEN = re.compile(rf"{_LETTERS}(?:'(?![sS]\b){_LETTERS})*|'[sS]\b|\d+(?:[.,]\d+)*|[^\s\w]|_")

# Single-character substitutions that keep the prose view the same length as the source.
_PROSE_SUBSTITUTIONS = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u02bc", "'"),
    ("\u201b", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u201f", '"'),
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u2007", " "),
    ("\u2010", "-"),
    ("\u2011", "-"),
)
_PROSE_MAP = str.maketrans(dict(_PROSE_SUBSTITUTIONS))

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen sen rep gov lt col capt sgt st jr sr prof rev no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u s k e i a m p".split()
)


def normalize_prose(text: str) -> str:
    """Map typographic quotes and spaces to plain ones without changing any offset."""
    if text.isascii():
        return text
    for typographic, plain in _PROSE_SUBSTITUTIONS:  # str.replace is many times faster than translate
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ı": "i",
        "ß": "ss",
        "ħ": "h",
        "Ħ": "H",
    }
)


_UNSEEN: dict[int, None] = {ord(char): None for char in ZERO_WIDTH}

# Cyrillic and Greek letters that look like Latin ones; a word that mixes them with Latin
# letters is keyed as its Latin look-alike ("Kiеv" with a Cyrillic е is "kiev").
LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТХІЈЅаеорсухіјѕһԁԛԝ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινρ",
    "ABEKMHOPCTXIJSaeopcyxijshdqw" "ABEZHIKMNOPTYXoivp",
)


def mixed_script(word: str) -> bool:
    """Whether a word has Latin letters and also Cyrillic or Greek look-alikes of them."""
    if word.isascii():
        return False
    latin = other = False
    for char in word:
        if char.isascii():
            latin = latin or char.isalpha()
        elif ord(char) in LOOK_ALIKES:
            other = True
    return latin and other


def latin_form(word: str) -> str:
    """A word as it shows, in Latin letters: without what shows nothing, and with its Cyrillic
    or Greek look-alikes as Latin letters when it mixes scripts ("Kiеv" is "Kiev")."""
    if word.isascii():
        return word
    if mixed_script(word):
        word = word.translate(LOOK_ALIKES)
    return word.translate(_UNSEEN)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A case- and accent-insensitive key for a word (Antonio == António, Radoslaw == Radosław);
    characters that show nothing are left out, and a word mixing Latin letters with Cyrillic or
    Greek look-alikes is keyed as its Latin form."""
    if mixed_script(word):
        word = word.translate(LOOK_ALIKES)
    decomposed = unicodedata.normalize("NFKD", word.translate(_PROSE_MAP).translate(_UNDECOMPOSED).translate(_UNSEEN))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


class Token(NamedTuple):
    """A word, number, possessive ``'s`` or punctuation mark of the prose view.

    A named tuple: drafts have hundreds of thousands of tokens, and tuples are built fastest.
    """

    start: int
    end: int
    text: str
    kind: str  # word | poss | num | punct
    key: str
    capitalized: bool  # a word that starts with a capital letter


_KINDS: dict[str, tuple[str, str, bool]] = {}  # text -> kind, key, capitalized; shared by a run's drafts


def tokenize(prose: str) -> list[Token]:
    """Split a prose view into tokens; offsets are offsets into the source."""
    if not prose.isascii() and _needs_full_tokenizer(prose):
        return _tokenize_full(prose)
    # Built column by column with C-level map()s: drafts have hundreds of thousands of tokens.
    matches = list(_FAST_TOKEN.finditer(prose))
    texts = list(map(re.Match.group, matches))
    kinds = list(map(_KINDS.get, texts))
    if None in kinds:
        if len(_KINDS) > 1_000_000:  # a long-running server must not grow without bound
            _KINDS.clear()
        for i, kind in enumerate(kinds):
            if kind is None:
                kinds[i] = _KINDS[texts[i]] = _kind_of(texts[i])
    known = cast("list[tuple[str, str, bool]]", kinds)  # every gap is filled now
    starts, ends = map(re.Match.start, matches), map(re.Match.end, matches)
    columns = zip(starts, ends, texts, map(_first, known), map(_second, known), map(_third, known), strict=True)
    return list(map(tuple.__new__, repeat(Token), columns))


_first, _second, _third = itemgetter(0), itemgetter(1), itemgetter(2)


def _kind_of(text: str) -> tuple[str, str, bool]:
    """Kind, key and capitalization of a token found by the fast pattern."""
    head = text[0]
    if head.isalpha():
        return "word", fold(text), head.isupper()
    if head.isdecimal():
        return "num", text, False
    if head == "'" and len(text) == 2:
        return "poss", fold(text), False
    return "punct", text, False


def _tokenize_full(prose: str) -> list[Token]:
    """Tokens of text with combining marks or other numerals, with the regex module."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _full_token_pattern().finditer(prose):
        kind = match.lastgroup or "punct"
        text = match.group()
        start, end = match.span()
        if kind == "word":
            append(Token(start, end, text, kind, fold(text), text[0].isupper()))
        else:
            append(Token(start, end, text, kind, fold(text) if kind == "poss" else text, False))
    return tokens


@lru_cache(maxsize=65536)
def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The token keys of a rule phrase, matched against a draft's token keys."""
    return tuple(token.key for token in tokenize(normalize_prose(phrase)))


_SENTENCE_MARK = re.compile(r'[.!?"]')


def sentence_starts(
    prose: str, tokens: list[Token], paragraph_breaks: list[int], token_starts: list[int] | None = None
) -> list[int]:
    """Token indexes that begin a sentence (always including 0 when there are tokens).

    Only the tokens after a paragraph break or after . ! ? or a closing quote can begin one,
    so only those are looked at.
    """
    if not tokens:
        return []
    count = len(tokens)
    if token_starts is None:
        token_starts = list(map(_start, tokens))
    paragraph_firsts = {bisect.bisect_right(token_starts, b) for b in paragraph_breaks}
    after_punct = []
    for mark in _SENTENCE_MARK.finditer(prose):
        i = bisect.bisect_left(token_starts, mark.start())
        if i + 1 < count and token_starts[i] == mark.start():  # not the point inside "3.5"
            after_punct.append(i + 1)
    starts = [0]
    for i in sorted(paragraph_firsts.union(after_punct)):
        if i <= 0 or i >= count:
            continue
        if i in paragraph_firsts:
            starts.append(i)
            continue
        prev = tokens[i - 1]
        if prev.text != '"':
            if prev.end == tokens[i].start and i != count - 1:
                continue  # "3.5", "U.S": no space after the mark
            before = tokens[i - 2] if i >= 2 else None
            if prev.text == "." and before is not None and (before.key in _ABBREVIATIONS or _initial(before)):
                continue
            if tokens[i].capitalized or tokens[i].text in "\"'(" or tokens[i].kind == "num":
                starts.append(i)
        elif starts[-1] != i - 1 and i >= 2 and tokens[i - 2].text in ".!?" and tokens[i].capitalized:
            starts.append(i)
    return starts


_start = itemgetter(0)  # a token's start offset


def _initial(token: Token) -> bool:
    """An initial or short name part before a full stop ("J.", "Th."), not "US." or "UK."."""
    return (
        token.kind == "word"
        and token.text[0].isupper()
        and (len(token.text) == 1 or (len(token.text) == 2 and token.text[1].islower()))
    )


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offset of every line's first character (lines end at CR LF, CR or LF)."""
    return [0] + [match.end() for match in LINE_BREAK.finditer(text)]


_WRAPPED_LINE = 40  # a line at least this long, ending mid-sentence, was wrapped by the writer


def paragraph_breaks(prose: str, source: str | None = None) -> list[int]:
    """Offsets of the line breaks that end a paragraph, a heading or a list item.

    A break inside wrapped prose is not one: the line before it is long and does not end a
    sentence, and the next line goes on with text (not a bullet, a heading or a blank line).
    """
    source = prose if source is None else source
    breaks = []
    line_start = 0
    matches = list(LINE_BREAK.finditer(prose))
    for n, match in enumerate(matches):
        line = prose[line_start : match.start()].strip()
        raw = source[line_start : match.start()].lstrip()
        next_end = matches[n + 1].start() if n + 1 < len(matches) else len(prose)
        following = prose[match.end() : next_end].strip()
        wrapped = (
            len(line) >= _WRAPPED_LINE
            and line[-1] not in ".!?:;\"')"
            and not raw.startswith(("#", "<h", "<H", "|"))
            and bool(following)
            and not _LIST_ITEM.match(following)
        )
        if not wrapped:
            breaks.append(match.start())
        line_start = match.end()
    return breaks


_LIST_ITEM = re.compile(r"(?:[-*+\u2022\u2013\u2014]|\d+[.)])\s")


def quote_spans(prose: str, breaks: list[int]) -> list[tuple[int, int]]:
    """Spans of direct speech between double quotes; an unclosed quote ends at its paragraph."""
    spans = []
    opened: int | None = None
    marks = [m.start() for m in _DOUBLE_QUOTE.finditer(prose)]
    boundary = iter(breaks + [len(prose)])
    next_break = next(boundary)
    for position in marks:
        while position > next_break:
            if opened is not None:
                spans.append((opened, next_break))
                opened = None
            next_break = next(boundary)
        if opened is None:
            opened = position
        else:
            spans.append((opened, position + 1))
            opened = None
    if opened is not None:
        spans.append((opened, next_break))
    return spans
