"""NL205: a party or state given to a member of Congress who did not have it on the date, on
the bundled rulebook (rules/us-congress, imported from the public congress-legislators data)."""

from __future__ import annotations

import datetime as dt

import pytest

import newslint

D = dt.date

# (text, date, expected [(column, flagged text)]): a party before the title, in a tag (with a
# state), in apposition; an independent's caucus; a party switch on its day
CASES = [
    (
        "Democratic Sen. Maria Cantwell told reporters that the bill would pass the chamber this summer.",
        D(2026, 6, 1),
        [],
    ),
    (
        "Republican Sen. Maria Cantwell told reporters that the bill would pass the chamber this summer.",
        D(2026, 6, 1),
        [(1, "Republican")],
    ),
    (
        "Sen. Maria Cantwell (D-Wash.) told reporters that the bill would pass the chamber this summer.",
        D(2026, 6, 1),
        [],
    ),
    (
        "Sen. Maria Cantwell (R-Wash.) told reporters that the bill would pass the chamber this summer.",
        D(2026, 6, 1),
        [(22, "R-Wash.")],
    ),
    (
        "Sen. Maria Cantwell (D-Texas) told reporters that the bill would pass the chamber this summer.",
        D(2026, 6, 1),
        [(22, "D-Texas")],
    ),
    (
        "Sen. Maria Cantwell, D-Wash., told reporters that the bill would pass the chamber this summer.",
        D(2026, 6, 1),
        [],
    ),
    ("Sen. Bernie Sanders (I-Vt.) told reporters that the bill would pass the chamber this summer.", D(2026, 6, 1), []),
    ("Bernie Sanders, a Democrat, told reporters that the bill would pass the chamber this summer.", D(2026, 6, 1), []),
    (
        "Maria Cantwell, a Republican, told reporters that the bill would pass the chamber this summer.",
        D(2026, 6, 1),
        [(19, "Republican")],
    ),
    (
        "Independent Rep. Kevin Kiley told reporters that the bill would pass the chamber this summer.",
        D(2026, 3, 9),
        [],
    ),
    (
        "Independent Rep. Kevin Kiley told reporters that the bill would pass the chamber this summer.",
        D(2026, 3, 1),
        [(1, "Independent")],
    ),
    ("Republican Rep. Kevin Kiley told reporters that the bill would pass the chamber this summer.", D(2026, 3, 9), []),
    (
        "Democratic Rep. Kevin Kiley told reporters that the bill would pass the chamber this summer.",
        D(2026, 5, 1),
        [(1, "Democratic")],
    ),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_party(text: str, date: dt.date, expected: list[tuple[int, str]], bundled) -> None:
    found = [d for d in newslint.lint_text(text, date=date, rulebook=bundled) if d.code == "NL205"]
    assert [(d.column, text[d.start : d.end]) for d in found] == expected


def test_party_messages(bundled) -> None:
    def message(text: str, date: dt.date) -> str:
        [found] = [d for d in newslint.lint_text(text, date=date, rulebook=bundled) if d.code == "NL205"]
        return found.message

    text = " told reporters that the bill would pass the chamber this summer."
    assert message("Republican Sen. Maria Cantwell" + text, D(2026, 6, 1)) == (
        '"Republican": on 2026-06-01 Maria Cantwell is a member of the Democratic Party'
    )
    assert message("Sen. Maria Cantwell (D-Texas)" + text, D(2026, 6, 1)) == (
        '"D-Texas": Maria Cantwell represents Washington state'
    )
    assert message("Independent Rep. Kevin Kiley" + text, D(2026, 3, 1)) == (
        '"Independent": on 2026-03-01 Kevin Kiley is a member of the Republican Party'
    )


def test_an_unknown_party_in_a_rule_file_is_reported(tmp_path) -> None:
    rules = tmp_path / "people.yaml"
    rules.write_text(
        "people:\n  - id: x\n    name: Ann Example\n    parties: [{party: nowhere, from: 2020-01-01}]\n"
        "    source: https://example.org/x\n",
        encoding="utf-8",
    )
    with pytest.raises(newslint.RulebookError) as raised:
        newslint.load_rulebook([rules])
    assert [str(e) for e in raised.value.errors] == [f"{rules}:4:23: unknown party 'nowhere'"]
