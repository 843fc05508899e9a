"""Each check: a true positive at an exact position, and a trap beside it that must stay clean."""

from __future__ import annotations

import datetime as dt

import pytest

import newslint

D = dt.date

# (code, text, date, expected [(column, flagged text)] for that code)
CASES = [
    ("NL101", "Ukrainian President Volodymyr Zelensky met Zelenksy's aides.", D(2025, 3, 1), [(44, "Zelenksy")]),
    ("NL101", "Polish Prime Minister Donald Tusk met Donald Trump.", D(2025, 3, 1), []),
    ("NL101", "Volodymyr Zelensky spoke. Meanwhile Zelenksy left.", D(2025, 3, 1), [(37, "Zelenksy")]),
    ("NL101", "Ursula von der Layen spoke.", D(2025, 3, 1), [(1, "Ursula von der Layen")]),
    (
        "NL101",
        "Keith Kellogg arrived. US officials said Keith Kelogg would stay.",
        D(2025, 3, 1),
        [(42, "Keith Kelogg")],
    ),
    (
        "NL101",
        "Keith Kellogg arrived. US officials said Keth Kellogg would stay.",
        D(2025, 3, 1),
        [(42, "Keth Kellogg")],
    ),
    ("NL101", "Ursula von der Leyen spoke.", D(2025, 3, 1), []),
    ("NL101", "The mayor, Daniel Turner, spoke.", D(2025, 3, 1), []),
    # a middle initial inside the name, and the correct spelling beside it
    ("NL101", "Donald J. Trupm spoke.", D(2025, 3, 1), [(1, "Donald J. Trupm")]),
    ("NL101", "Donald J. Trump spoke, then Donald Trump left.", D(2025, 3, 1), []),
    # a misspelled given name before an initial or particles is not a surname alone
    ("NL101", "Donald J. Trump spoke. Later Donlad J. Trump left.", D(2025, 3, 1), [(30, "Donlad J. Trump")]),
    (
        "NL101",
        "Ursula von der Leyen spoke. Then Ursla von der Leyen left.",
        D(2025, 3, 1),
        [(34, "Ursla von der Leyen")],
    ),
    # a lower-case part after a hyphen belongs to the name
    ("NL101", "South Korean President Lee Jae-myng spoke.", D(2025, 8, 1), [(24, "Lee Jae-myng")]),
    ("NL101", "South Korean President Lee Jae-myung spoke of Biden-era tariffs.", D(2025, 8, 1), []),
    # a family name first, then a misspelled given name, in a draft that names the person
    ("NL101", "Xi Jinping arrived. Later Xi Jinpign spoke.", D(2025, 3, 1), [(27, "Xi Jinpign")]),
    ("NL101", "Xi Jinping arrived. Later Xi spoke on Monday.", D(2025, 3, 1), []),
    # a lone surname two named people share goes to the one named last
    (
        "NL101",
        "Jill Biden and Joe Biden arrived. Joe Biden spoke first; then Bidden left.",
        D(2025, 3, 1),
        [(63, "Bidden")],
    ),
    (
        "NL102",
        "Keith Kellogg arrived. US officials said Michael Kellogg would stay.",
        D(2025, 3, 1),
        [(42, "Michael Kellogg")],
    ),
    ("NL102", "Keith Kellogg arrived. Officials said Michael Kellogg would stay.", D(2025, 3, 1), []),
    (
        "NL102",
        "Keith Kellogg arrived. The US envoy is the son of former US senator Michael Kellogg.",
        D(2025, 3, 1),
        [],
    ),
    ("NL102", "Keith Kellogg arrived. Officials said Kellogg would stay.", D(2025, 3, 1), []),
    ("NL102", "Officials said Michael Kellogg would stay.", D(2025, 3, 1), []),
    ("NL102", "Joe Biden and his wife, Jill Biden, arrived.", D(2022, 9, 19), []),
    ("NL102", "Joe Biden spoke.\nAnalysts Praise Biden Speech\n", D(2022, 9, 19), []),
    ("NL102", "Joe Biden spoke. Officials said Hunter Joseph Biden stayed.", D(2022, 9, 19), []),
    ("NL103", "Mette Frederiksen opened the debate. He said it was late.", D(2025, 3, 1), [(38, "He")]),
    ("NL103", "Mette Frederiksen opened the debate. She said it was late.", D(2025, 3, 1), []),
    ("NL103", "Mette Frederiksen met Keir Starmer. He said it was late.", D(2025, 3, 1), []),
    ("NL103", 'Mette Frederiksen spoke. "He is wrong," she said.', D(2025, 3, 1), []),
    ("NL103", "Mette Frederiksen said the talks depend on whether Assad kept his word.", D(2024, 3, 1), []),
    ("NL103", "Donald Trump called. Mette Frederiksen refused, and he left. His visit was off.", D(2025, 3, 1), []),
    ("NL201", "Former US President Donald Trump spoke.", D(2025, 2, 17), [(1, "Former US President Donald Trump")]),
    ("NL201", "Former US President Donald Trump spoke.", D(2024, 2, 17), []),
    ("NL202", "President Biden spoke. Joe Biden left.", D(2025, 3, 1), [(1, "President")]),  # a surname after a title of an office the person held
    ("NL202", "Joe Biden left. President Biden spoke.", D(2025, 3, 1), [(17, "President")]),
    ("NL202", "Joe Biden left. President Biden spoke.", D(2024, 3, 1), []),
    ("NL202", "Crowds mourned Queen Elizabeth II.", D(2022, 9, 19), []),
    ("NL202", "Outgoing UK Prime Minister Rishi Sunak spoke.", D(2024, 7, 4), []),
    ("NL202", "German Chancellor Olaf Scholz spoke.", D(2025, 6, 1), [(1, "German Chancellor Olaf Scholz")]),
    ("NL202", "German Chancellor Olaf Scholz spoke.", D(2025, 2, 17), []),
    ("NL202", "Then-chancellor Olaf Scholz spoke.", D(2025, 6, 1), []),
    ("NL202", "In 2023, German Chancellor Olaf Scholz spoke.", D(2025, 6, 1), []),
    ("NL202", "German Chancellor Friedrich Merz spoke.", D(2025, 2, 17), [(1, "German Chancellor Friedrich Merz")]),
    ("NL202", "Incoming German Chancellor Friedrich Merz spoke.", D(2025, 3, 1), []),
    ("NL202", "Olaf Scholz, German Chancellor until May, spoke.", D(2025, 6, 1), []),
    (
        "NL202",
        "Keir Starmer became prime minister. Rishi Sunak is the UK Prime Minister, Keir Starmer says.",
        D(2025, 3, 1),
        [],
    ),
    ("NL202", "Rishi Sunak left the post of UK Prime Minister. Keir Starmer spoke.", D(2025, 3, 1), []),
    (
        "NL203",
        "French Prime Minister Emmanuel Macron spoke.",
        D(2025, 2, 17),
        [(1, "French Prime Minister Emmanuel Macron")],
    ),
    ("NL203", "French President Emmanuel Macron spoke.", D(2025, 2, 17), []),
    ("NL204", "The Biden administration's shift.", D(2025, 2, 17), [(1, "The Biden administration")]),
    ("NL204", "The Trump administration's shift.", D(2025, 2, 17), []),
    ("NL204", "The former Biden administration's shift.", D(2025, 2, 17), []),
    ("NL204", "Under the Biden administration in 2023, aid flowed.", D(2025, 2, 17), []),
    ("NL204", "The incoming Trump administration will decide.", D(2025, 1, 15), []),
    ("NL204", "The Trump administration will decide.", D(2025, 1, 15), [(1, "The Trump administration")]),
    ("NL204", "He worked in the Trump administration.", D(2022, 1, 6), []),
    ("NL301", "It opened on Tuesday, 17 February 2025.", D(2025, 2, 17), [(14, "Tuesday")]),
    ("NL301", "It opened on Monday, 17 February 2025.", D(2025, 2, 17), []),
    ("NL301", "It opened on Monday (Feb. 17).", D(2025, 2, 20), []),
    ("NL301", "Missiles struck on Thursday, 24 February last year.", D(2023, 2, 24), []),
    ("NL301", "The summit runs on Tuesday and Wednesday, July 11-12.", D(2023, 7, 1), []),
    ("NL301", "Missiles struck on Friday, 24 February last year.", D(2023, 2, 24), [(20, "Friday")]),
    ("NL302", "Russia annexed Crimea in 2015.", D(2025, 2, 17), [(26, "2015")]),
    ("NL302", "The war began before 2014, when Russia annexed Crimea.", D(2025, 2, 17), []),
    ("NL302", "The 2015 annexation of Crimea was condemned.", D(2025, 2, 17), [(5, "2015")]),
    ("NL303", "Keir Starmer, 64, spoke.", D(2025, 2, 17), [(15, "64")]),
    ("NL303", "Keir Starmer, 62, spoke.", D(2025, 2, 17), []),
    ("NL303", "Keir Starmer, 63, spoke.", D(2025, 9, 2), []),
    ("NL401", "The EU's 28 member states met.", D(2025, 2, 17), [(10, "28")]),
    ("NL401", "The EU's 28 member states met.", D(2019, 2, 17), []),
    ("NL401", "Twenty-seven EU member states signed.", D(2025, 2, 17), []),
    ("NL401", "27 EU member states that will stay signed.", D(2017, 3, 29), []),
    ("NL501", "They flew to Kiev.", D(2025, 2, 17), [(14, "Kiev")]),
    ("NL501", "They ate chicken Kiev in Kyiv.", D(2025, 2, 17), []),
]


@pytest.mark.parametrize(("code", "text", "date", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_check(code: str, text: str, date: dt.date, expected: list[tuple[int, str]], rulebook) -> None:
    diagnostics = [d for d in newslint.lint_text(text, date=date, rulebook=rulebook) if d.code == code]
    got = [(d.column, text[d.start : d.end]) for d in diagnostics]
    assert got == expected
    others = [d for d in newslint.lint_text(text, date=date, rulebook=rulebook) if d.code != code]
    assert others == [], others


def test_message_names_the_fact(rulebook) -> None:
    [d] = newslint.lint_text("former US President Donald Trump spoke.", date=D(2025, 2, 17), rulebook=rulebook)
    assert d.message == (
        '"former US President Donald Trump": Donald Trump is the sitting US President on 2025-02-17 (since 2025-01-20)'
    )
    assert d.replacement == "US President Donald Trump"
    assert d.severity is newslint.Severity.ERROR
    assert d.fact == "us-president"


def test_after_as_of_a_settled_finding_stays_an_error(rulebook) -> None:
    """Scholz's term ended before the office's as_of: whatever happened since, he is not the
    chancellor. That Merz still is rests on the as_of holder still being in office."""
    [d] = newslint.lint_text("German Chancellor Olaf Scholz spoke.", date=D(2026, 1, 5), rulebook=rulebook)
    assert d.severity is newslint.Severity.ERROR
    assert d.message.endswith("(rulebook verified to 2025-06-30)")
    [d] = newslint.lint_text("The Scholz government said so.", date=D(2026, 1, 5), rulebook=rulebook)
    assert (d.code, d.severity) == ("NL204", newslint.Severity.ERROR)
    [d] = newslint.lint_text("Former German Chancellor Friedrich Merz spoke.", date=D(2026, 1, 5), rulebook=rulebook)
    assert (d.code, d.severity) == ("NL201", newslint.Severity.WARNING)
    assert d.message.endswith("(rulebook verified to 2025-06-30)")
    [d] = newslint.lint_text("French Prime Minister Mette Frederiksen spoke.", date=D(2026, 1, 5), rulebook=rulebook)
    assert (d.code, d.severity) == ("NL203", newslint.Severity.WARNING)  # she may have been appointed since
    [d] = newslint.lint_text("German Chancellor Olaf Scholz spoke.", date=D(2025, 6, 1), rulebook=rulebook)
    assert d.severity is newslint.Severity.ERROR and "verified" not in d.message


def test_quoted_titles_are_not_checked(rulebook) -> None:
    text = 'She said: "German Chancellor Olaf Scholz is wrong."'
    assert newslint.lint_text(text, date=D(2025, 6, 1), rulebook=rulebook) == []


def test_select_and_ignore(rulebook) -> None:
    text = "Former US President Donald Trump flew to Kiev."
    codes = lambda **kw: [d.code for d in newslint.lint_text(text, date=D(2025, 2, 17), rulebook=rulebook, **kw)]  # noqa: E731
    assert codes() == ["NL201", "NL501"]
    assert codes(select=["NL5"]) == ["NL501"]
    assert codes(ignore=["NL2"]) == ["NL501"]
    assert codes(select=["NL"], ignore=["NL501"]) == ["NL201"]


def test_lone_surname_goes_to_the_person_named_last(rulebook) -> None:
    text = "Jill Biden and Joe Biden arrived. Joe Biden spoke first; then Bidden left."
    (finding,) = [d for d in newslint.lint_text(text, date=D(2025, 3, 1), rulebook=rulebook) if d.code == "NL101"]
    assert finding.message == "\"Bidden\" looks like a misspelling of Joe Biden (written 'Biden')"
    text = "Joe Biden and Jill Biden arrived. Jill Biden spoke first; then Bidden left."
    (finding,) = [d for d in newslint.lint_text(text, date=D(2025, 3, 1), rulebook=rulebook) if d.code == "NL101"]
    assert finding.message == "\"Bidden\" looks like a misspelling of Jill Biden (written 'Biden')"
