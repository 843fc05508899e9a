"""Words written with letters of another script that look like Latin ones (NL004)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from newslint.checks.base import Check, quote
from newslint.checks.context import Context
from newslint.diagnostic import Finding, Severity
from newslint.text import LOOK_ALIKES, latin_form, mixed_script


class MixedScript(Check):
    """Flags a word that mixes Latin letters with Cyrillic or Greek letters that look the same.

    What it does: a word with Latin letters and also a Cyrillic or Greek look-alike of one
    ("Kiеv" with the Cyrillic е, "Zelenskyу" with the Cyrillic у) is reported, naming the
    letters; every other check reads the word as its Latin form, so "Kiеv" is still house
    style and a known name so spelled is still known. A word wholly in another script ("Київ")
    is not reported.
    Why is this bad? The word looks right and is not: search, spell-checking and the reader's
    screen reader miss it, and it can hide an error from every check.
    Example: "Kiеv" (the third letter Cyrillic).
    Fix safety: safe (each look-alike becomes its Latin letter).
    """

    code = "NL004"
    name = "mixed-script"
    summary = "a word mixing Latin letters with Cyrillic or Greek look-alikes"
    severity = Severity.WARNING
    fix_safety = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for i, token in enumerate(ctx.tokens):
            if token.kind != "word" or token.text.isascii() or not mixed_script(token.text):
                continue
            strangers = dict.fromkeys(char for char in token.text if not char.isascii() and ord(char) in LOOK_ALIKES)
            named = ", ".join(f"{char} ({unicodedata.name(char, f'U+{ord(char):04X}').lower()})" for char in strangers)
            latin = latin_form(token.text)
            yield self.finding(
                ctx,
                i,
                i + 1,
                f"{quote(token.text)} mixes Latin letters with {named}; it reads as {quote(latin)}",
                replacement=latin,
            )
