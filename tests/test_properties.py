"""Properties that hold for any draft and any rule file (hypothesis).

The default profile keeps them quick; ``pytest --hypothesis-profile=long tests/test_properties.py``
runs far more examples.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import newslint
from newslint.fix import apply_once, fix_text, fixable
from newslint.markup import mask
from newslint.rulebook.errors import RulebookError
from tests.conftest import TEST_RULES, run_cli

DAY = dt.date(2025, 2, 17)
MARKUPS = ("markdown", "html", "text")

# Pieces of news prose that trigger every check, markup, suppressions and awkward characters.
FRAGMENTS = [
    "Former US President Donald Trump",
    "US President Donald Trump",
    "German Chancellor Olaf Scholz",
    "Chancellor Friedrich Merz",
    "Ursula von der Layen",
    "Ursula von der Leyen",
    "Volodymyr Zelensky",
    "Zelenksy",
    "Zelenskyy, 45",
    "Mette Frederiksen",
    "he said",
    "she said",
    "Keith Kellogg",
    "Michael Kellogg",
    "Jill Biden",
    "Bidden",
    "Xi Jinpign",
    "Lee Jae-myng",
    "Donald J. Trupm",
    "the Biden administration",
    "the EU's 28 member states",
    "on Wednesday, 25 February 2025",
    "17 February 2025",
    "Kiev",
    "per cent",
    "full-scale invasion of Ukraine in 2021",
    "Dateline: 2025-02-17\n",
    "---\ndate: 2025-02-17\n---\n",
    "<!-- newslint: ignore -->",
    "newslint: ignore NL201",
    "<!-- newslint: disable NL1 -->",
    "[link](https://example.org/Kiev)",
    "`Kiev`",
    "```\n",
    "    ",
    "# ",
    "> ",
    "- ",
    "<p>",
    "</p>",
    "<script>",
    "<title>",
    "&amp;",
    '"',
    "'",
    "\u2019",
    "\u201c",
    "(",
    ".",
    ",",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\ufeff",
    "e\u0301",
    "\U0001f600",
    "\u05e9\u05dc\u05d5\u05dd",
]
drafts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, lines broken at CR LF, CR or LF."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    line = max(i for i, start in enumerate(starts) if start <= offset)
    return line + 1, offset - starts[line] + 1


@given(drafts, st.sampled_from(MARKUPS))
def test_linting_never_raises_and_every_span_is_where_it_says(rulebook, text: str, markup: str) -> None:
    for diagnostic in newslint.lint_text(text, markup=markup, date=DAY, rulebook=rulebook):
        assert 0 <= diagnostic.start <= diagnostic.end <= len(text)
        assert (diagnostic.line, diagnostic.column) == _position(text, diagnostic.start)
        assert (diagnostic.end_line, diagnostic.end_column) == _position(text, diagnostic.end)


@given(drafts, st.sampled_from(MARKUPS))
def test_the_prose_view_keeps_length_and_line_breaks(text: str, markup: str) -> None:
    prose = mask(text, markup).prose
    assert len(prose) == len(text)
    assert [i for i, c in enumerate(prose) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]


@given(drafts, st.sampled_from(MARKUPS), st.booleans())
def test_fixing_is_stable_and_local(rulebook, text: str, markup: str, unsafe: bool) -> None:
    def lint(source: str) -> list[newslint.Diagnostic]:
        return newslint.lint_text(source, markup=markup, date=DAY, rulebook=rulebook)

    fixed, _, remaining = fix_text(text, lint, unsafe)
    assert fix_text(fixed, lint, unsafe)[0] == fixed  # fixing twice is fixing once
    for diagnostic in remaining:  # nothing fixable is left that would change the text
        if fixable(diagnostic, unsafe):
            assert fixed[diagnostic.start : diagnostic.end] == diagnostic.replacement
    # one pass changes only the spans it fixes
    diagnostics = [d for d in lint(text) if fixable(d, unsafe)]
    once, applied = apply_once(text, diagnostics, unsafe)
    if applied:
        first = min(d.start for d in diagnostics)
        last = max(d.end for d in diagnostics)
        assert once[:first] == text[:first]
        assert once[len(once) - (len(text) - last) :] == text[last:]


@settings(max_examples=12)
@given(drafts.filter(lambda t: "\x00" not in t))
def test_the_cli_gives_the_same_for_a_file_and_for_standard_input(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.md"
        draft.write_bytes(text.encode("utf-8"))
        options = ("--no-default-rules", "--rules", str(TEST_RULES), "--date", "2025-02-17", "--format", "json")
        from_disk = run_cli(*options, str(draft))
        from_stdin = run_cli(*options, "--stdin-filename", str(draft), "-", stdin=text.encode("utf-8"))
    assert json.loads(from_disk.stdout) == json.loads(from_stdin.stdout)
    assert from_disk.returncode == from_stdin.returncode


KEYS = ["id", "name", "given", "surname", "variants", "gender", "born", "source", "titles", "roles", "holders"]
KEYS += ["person", "from", "to", "as_of", "jurisdiction", "use", "instead_of", "phrases", "date", "year", "x"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.sampled_from(["2025-02-17", "2025-02-30", "https://example.org/x", "Olaf Scholz", "male", "", "a"]),
    st.text(max_size=8),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS), children, max_size=5)
    ),
    max_leaves=20,
)
rule_files = st.dictionaries(
    st.sampled_from(["people", "offices", "events", "counts", "style", "jurisdictions", "other"]),
    st.one_of(st.lists(st.dictionaries(st.sampled_from(KEYS), values, max_size=8), max_size=4), values),
    max_size=4,
)


@given(rule_files)
def test_any_rule_file_loads_or_is_rejected_with_positions(data: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            newslint.load_rulebook([folder])
        except RulebookError as error:
            assert error.errors
            for problem in error.errors:
                assert str(problem).startswith(f"{path}:"), str(problem)
                line, column = str(problem)[len(str(path)) + 1 :].split(":")[:2]
                assert int(line) >= 1 and int(column) >= 1
