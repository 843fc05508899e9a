"""Fuzz the whole lint path: any text, every markup, checked and fixed with the test rulebook.

Run: .venv/bin/python fuzz/fuzz_lint.py -max_total_time=1800 (after pip install atheris)
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

from _common import DRAFT_SEEDS, ROOT, seed_corpus

with atheris.instrument_imports():
    import newslint
    from newslint.fix import fix_text

RULEBOOK = newslint.load_rulebook([ROOT / "tests" / "rules"])
DAY = dt.date(2025, 2, 17)


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    for markup in ("markdown", "html", "text"):

        def lint(source: str, markup: str = markup) -> list[newslint.Diagnostic]:
            return newslint.lint_text(source, markup=markup, date=DAY, rulebook=RULEBOOK)

        for diagnostic in lint(text):
            assert 0 <= diagnostic.start <= diagnostic.end <= len(text)
        fixed = fix_text(text, lint, unsafe=True)[0]
        assert fix_text(fixed, lint, unsafe=True)[0] == fixed


if __name__ == "__main__":
    atheris.Setup([*sys.argv, seed_corpus("lint", DRAFT_SEEDS, (".md", ".txt", ".html"))], test_one_input)
    atheris.Fuzz()
