"""Fuzz the document reader: bytes -> decoded draft -> prose view, tokens, sentences, dates.

Run: .venv/bin/python fuzz/fuzz_document.py -max_total_time=1800 (after pip install atheris)
"""

from __future__ import annotations

import sys

import atheris

from _common import DRAFT_SEEDS, seed_corpus

with atheris.instrument_imports():
    from newslint.document import Document
    from newslint.files import decode

MARKUPS = ("markdown", "html", "text")


def test_one_input(data: bytes) -> None:
    draft = decode(data, "draft")
    if draft.text is None:
        return
    for markup in MARKUPS:
        document = Document.from_text(draft.text, path="draft", markup=markup)
        assert len(document.prose) == len(document.source)
        tokens = document.tokens
        assert all(0 <= t.start < t.end <= len(document.source) for t in tokens)
        starts = document.sentence_starts
        assert starts == sorted(starts)
        for mention in document.dates:
            assert 0 <= mention.start < mention.end <= len(document.source)
        document.quotes


if __name__ == "__main__":
    atheris.Setup([*sys.argv, seed_corpus("document", DRAFT_SEEDS, (".md", ".txt", ".html"))], test_one_input)
    atheris.Fuzz()
