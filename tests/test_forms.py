"""The forms the mentions layer reads (issue: drafts as journalists write them): each a true
positive at an exact position and a trap beside it, on the frozen test rulebook."""

from __future__ import annotations

import datetime as dt

import pytest

import newslint

D = dt.date

# (code, text, date, expected [(column, flagged text)] for that code)
CASES = [
    # NL101: a hyphen left out or put in is a misspelling, with a safe fix
    ("NL101", "Frank Walter Steinmeier spoke.", D(2025, 3, 1), [(1, "Frank Walter Steinmeier")]),
    ("NL101", "Frank-Walter Steinmeier spoke.", D(2025, 3, 1), []),
    ("NL101", "Olaf-Scholz spoke to reporters.", D(2025, 3, 1), [(1, "Olaf-Scholz")]),
    ("NL101", "The Olaf Scholz-led coalition spoke to reporters.", D(2024, 3, 1), []),
    # NL401 in any form: ordinals, hyphenated adjectives, words, "one of N"; a phrase that
    # names no body only when the body is named nearby; an indefinite number may be a part
    ("NL401", "Croatia became the 29th member of the EU in 2013.", D(2013, 7, 2), [(20, "29")]),
    ("NL401", "Croatia became the 28th member of the EU in 2013.", D(2013, 7, 2), []),
    ("NL401", "EU leaders met in Brussels. Leaders of the 28-nation bloc agreed.", D(2025, 3, 1), [(44, "28")]),
    ("NL401", "EU leaders met in Brussels, and 12 member states signed.", D(2025, 3, 1), []),
    ("NL401", "EU leaders met in Brussels. Leaders of the 27-nation bloc agreed.", D(2025, 3, 1), []),
    ("NL401", "Leaders of the 28-nation bloc met in Brussels.", D(2025, 3, 1), []),
    ("NL401", "The summit of the newly enlarged 28-member European Union opened.", D(2025, 3, 1), [(34, "28")]),
    ("NL401", "Ministers from twenty-eight EU member states met.", D(2025, 3, 1), [(16, "twenty-eight")]),
    ("NL401", "Ministers from twenty-seven EU member states met.", D(2025, 3, 1), []),
    ("NL401", "The summit of the 26-member European Union opened.", D(2025, 3, 1), [(19, "26")]),
    ("NL401", "France is one of the EU's 28 member states.", D(2025, 3, 1), [(27, "28")]),
    ("NL401", "In Brussels, the EU said 28 member states had signed.", D(2025, 3, 1), [(26, "28")]),
    ("NL401", "The African Union's 55 member states met, and 28 member states voted.", D(2025, 3, 1), []),
    ("NL401", "Ukraine hopes to become the 28th member of the EU.", D(2025, 3, 1), []),
    # NL101: a common word or place is not a lone misspelled surname ("Russia" is not La
    # Russa), nor is the surname of another given name; a joined given name; a misspelled
    # given name before a known short form
    ("NL101", "Ignazio La Russa spoke, and Russia said no.", D(2025, 3, 1), []),
    ("NL101", "Ignazio La Rusa spoke.", D(2025, 3, 1), [(1, "Ignazio La Rusa")]),
    ("NL101", "Mette Frederiksen met Lars Frederiksan.", D(2025, 3, 1), []),
    ("NL101", "Mette Frederiksen spoke. Later Frederiksan left.", D(2025, 3, 1), [(32, "Frederiksan")]),
    ("NL101", "Moon Jaein spoke.", D(2025, 3, 1), [(1, "Moon Jaein")]),
    ("NL101", "Moon Jae-in spoke.", D(2025, 3, 1), []),
    ("NL101", "Luis Inácio Lula da Silva spoke.", D(2025, 3, 1), [(1, "Luis Inácio Lula da Silva")]),
    ("NL101", "Luiz Inácio Lula da Silva spoke.", D(2025, 3, 1), []),
    # NL302 in any phrasing: inflected and reordered, a date after a place, in brackets;
    # "since", "before", "after" and "until" do not claim the event's date
    ("NL302", "Russia annexed Crimea in 2015.", D(2025, 3, 1), [(26, "2015")]),
    ("NL302", "The annexation of Crimea in 2015 was condemned.", D(2025, 3, 1), [(29, "2015")]),
    ("NL302", "Crimea's annexation in 2015 was condemned.", D(2025, 3, 1), [(24, "2015")]),
    ("NL302", "Crimea, annexed by Russia in 2015, remains occupied.", D(2025, 3, 1), [(30, "2015")]),
    ("NL302", "Crimea's annexation in 2014 was condemned.", D(2025, 3, 1), []),
    ("NL302", "Sanctions have been in place since the annexation of Crimea in 2014.", D(2025, 3, 1), []),
    ("NL302", "Sanctions have grown since 2016, after the annexation of Crimea.", D(2025, 3, 1), []),
    ("NL302", "Before 2015, when the annexation of Crimea was still recent, talks stalled.", D(2025, 3, 1), []),
    ("NL302", "The annexation of Crimea (2015) was condemned.", D(2025, 3, 1), [(27, "2015")]),
    ("NL302", "The annexation of Crimea on March 18, 2015, was condemned.", D(2025, 3, 1), [(29, "March 18, 2015")]),
    ("NL302", "The annexation of Crimea on 18 March 2014 was condemned.", D(2025, 3, 1), []),
    ("NL302", "Crimea hosted a referendum in 2015, and tourism fell.", D(2025, 3, 1), []),
    (
        "NL302",
        "The annexation of Crimea in Simferopol, Ukraine, on 18 March 2015 was condemned.",
        D(2025, 3, 1),
        [(53, "18 March 2015")],
    ),
    ("NL302", "The annexation of Crimea in Simferopol, Ukraine, on 18 March 2014 was condemned.", D(2025, 3, 1), []),
    # NL102 from the role: the title names the holder on the date; the draft never names him in full
    ("NL102", "Dutch Prime Minister Martin Rutte met the press.", D(2020, 6, 1), [(22, "Martin Rutte")]),
    (
        "NL102",
        "Martin Rutte, the Dutch prime minister, said the talks were over.",
        D(2020, 6, 1),
        [(1, "Martin Rutte")],
    ),
    ("NL102", "Martin Rutte, a Dutch historian, said the talks were over.", D(2020, 6, 1), []),
    ("NL102", "Dutch Prime Minister Mark Rutte met the press.", D(2020, 6, 1), []),
    # NL102: a given name the house style rejects (rejected_given)
    ("NL102", "The Ukrainian leader, Vladimir Zelenskyy, spoke.", D(2025, 3, 1), [(23, "Vladimir Zelenskyy")]),
    ("NL102", "Vladimir Putin spoke to Volodymyr Zelenskyy.", D(2025, 3, 1), []),
    ("NL102", "Dutch Prime Minister Martin Schoof met the press.", D(2025, 3, 1), [(22, "Martin Schoof")]),
    # NL102: a family name first, a rejected given name with a variant's spelling, and a
    # relative named in the same sentence as the known person
    (
        "NL102",
        "South Korean President Lee Jae-in told reporters that the summit would go ahead.",
        D(2025, 6, 20),
        [(24, "Lee Jae-in")],
    ),
    (
        "NL102",
        "South Korean President Lee Jae-myung told reporters that the summit would go ahead.",
        D(2025, 6, 20),
        [],
    ),
    ("NL102", "Vladimir Zelensky spoke to reporters.", D(2025, 3, 1), [(1, "Vladimir Zelensky")]),
    (
        "NL102",
        "Keir Starmer arrived. The prime minister, Keir Starmer, bowed as Victoria Starmer looked on.",
        D(2025, 3, 1),
        [],
    ),
    # NL202: the elect period, and a comeback (a past holder who holds the office again later)
    ("NL202", "President Donald Trump named his cabinet.", D(2024, 12, 1), [(1, "President Donald Trump")]),
    ("NL202", "President-elect Donald Trump named his cabinet.", D(2024, 12, 1), []),
    ("NL202", "US President Donald Trump spoke.", D(2023, 3, 1), [(1, "US President Donald Trump")]),
    ("NL202", "President Donald Trump spoke.", D(2023, 3, 1), [(1, "President")]),
    ("NL201", "Former President Donald Trump spoke.", D(2023, 3, 1), []),
    # NL201: "former" is judged on the sentence's own time too
    (
        "NL201",
        "Former US President Donald Trump spoke on Monday.",
        D(2025, 3, 1),
        [(1, "Former US President Donald Trump")],
    ),
    ("NL201", "In 2023, former US President Donald Trump spoke.", D(2025, 3, 1), []),
    # a time to come in the clause does not make a sitting holder "former"
    (
        "NL201",
        "Former UK Prime Minister Keir Starmer said the deficit would narrow next year.",
        D(2025, 3, 1),
        [(1, "Former UK Prime Minister Keir Starmer")],
    ),
    # NL202: each sentence's own time; the handover day; leaving and past markers
    ("NL202", "On 30 April, German Chancellor Olaf Scholz met Emmanuel Macron.", D(2025, 6, 1), []),
    (
        "NL202",
        "On Friday, German Chancellor Olaf Scholz met Emmanuel Macron.",
        D(2025, 6, 1),
        [(12, "German Chancellor Olaf Scholz")],
    ),
    ("NL202", "German Chancellor Olaf Scholz met Emmanuel Macron last week.", D(2025, 5, 8), []),
    ("NL202", "German Chancellor Olaf Scholz handed over to his successor.", D(2025, 5, 6), []),
    (
        "NL202",
        "German Chancellor Olaf Scholz handed over to his successor.",
        D(2025, 5, 7),
        [(1, "German Chancellor Olaf Scholz")],
    ),
    ("NL202", "German Chancellor Olaf Scholz, who left office in May, spoke.", D(2025, 6, 1), []),
    ("NL202", "German Chancellor Olaf Scholz, who was in office at the time, agreed.", D(2025, 6, 1), []),
    ("NL202", "In 2023, when German Chancellor Olaf Scholz visited Paris, talks began.", D(2025, 6, 1), []),
    ("NL202", "The Bundestag replaced German Chancellor Olaf Scholz.", D(2025, 6, 1), []),
    # each clause's own time: a relative clause or a coordinated clause keeps its dates to
    # itself, a time that opens the sentence holds for all of it; a month without a year is
    # the nearest one; government spoken of as past; a title before the term begins
    ("NL204", "The measures were approved by the Biden administration.", D(2025, 6, 1), []),
    ("NL204", "Prices rose faster under the Biden administration.", D(2025, 6, 1), []),
    ("NL204", "Critics said the Biden administration had spent too much.", D(2025, 6, 1), []),
    (
        "NL204",
        "The Biden administration will present a plan, and analysts expect a recession in 2024.",
        D(2025, 6, 1),
        [(1, "The Biden administration")],
    ),
    (
        "NL202",
        "US President Joe Biden, who visited Kyiv in 2023, spoke on television.",
        D(2025, 6, 1),
        [(1, "US President Joe Biden")],
    ),
    ("NL202", "In 2023, US President Joe Biden visited Kyiv, and he met the press.", D(2025, 6, 1), []),
    (
        "NL202",
        "Prime Minister Dick Schoof spoke to reporters in The Hague.",
        D(2024, 3, 1),
        [(1, "Prime Minister Dick Schoof")],
    ),
    ("NL202", "Prime Minister Mark Rutte spoke to reporters in The Hague.", D(2024, 3, 1), []),
    (
        "NL202",
        "German Chancellor Olaf Scholz will visit Warsaw in June.",
        D(2025, 5, 8),
        [(1, "German Chancellor Olaf Scholz")],
    ),
    ("NL202", "German Chancellor Olaf Scholz visited Warsaw in April.", D(2025, 5, 8), []),
    # kept titles: a role one office has (the papacy) is still kept after the term
    ("NL202", "Pope Francis was buried in Rome.", D(2025, 6, 1), []),
    ("NL202", "Pope Leo spoke.", D(2025, 6, 1), []),
    # NL103: a deputy is not the office holder; places, predicates, honorifics and governments
    # are not people a pronoun refers to; a title stands for its holder in the draft's context
    ("NL103", "Keir Starmer spoke. The deputy prime minister said she would quit.", D(2025, 3, 1), []),
    ("NL103", "Keir Starmer spoke. The prime minister said she would quit.", D(2025, 3, 1), [(45, "she")]),
    ("NL103", "Mette Frederiksen told reporters in Brussels that he would stay.", D(2025, 3, 1), [(51, "he")]),
    (
        "NL103",
        "Keir Starmer spent years as the top prosecutor. She has never lost an election.",
        D(2025, 3, 1),
        [(49, "She")],
    ),
    ("NL103", "Keir Starmer thanked the adviser. He nodded.", D(2025, 3, 1), []),
    (
        "NL103",
        '"We will act," Ms Frederiksen told reporters. He added that time was short.',
        D(2025, 3, 1),
        [(47, "He")],
    ),
    ("NL103", "Mette Frederiksen criticised the Trump administration in his letter.", D(2025, 3, 1), [(58, "his")]),
    ("NL103", "Donald Trump spoke. Mette Frederiksen criticised his plan.", D(2025, 3, 1), []),
    ("NL203", "Deputy Prime Minister Rishi Sunak spoke.", D(2023, 3, 1), []),
    # titles in apposition, bare roles through the context: "the president, X,", "X, the new ..."
    (
        "NL203",
        "In France, the president, Mette Frederiksen, spoke.",
        D(2025, 3, 1),
        [(16, "president, Mette Frederiksen")],
    ),
    ("NL203", "In Denmark, the prime minister, Mette Frederiksen, spoke.", D(2025, 3, 1), []),
    (
        "NL201",
        "The former prime minister, Mette Frederiksen, spoke in Copenhagen.",
        D(2025, 3, 1),
        [(5, "former prime minister, Mette Frederiksen")],
    ),
    ("NL201", "The former prime minister, Rishi Sunak, spoke in London.", D(2025, 3, 1), []),
    (
        "NL202",
        "Rishi Sunak, the new UK Prime Minister, spoke.",
        D(2025, 3, 1),
        [(1, "Rishi Sunak, the new UK Prime Minister")],
    ),
    ("NL202", "Rishi Sunak, the new UK Prime Minister, spoke.", D(2022, 11, 1), []),
    # a title in a relative clause: "X, who is ...", "who was" dates it, "who became" is a change
    (
        "NL202",
        "Rishi Sunak, who is the UK prime minister, spoke on Monday.",
        D(2025, 3, 1),
        [(1, "Rishi Sunak, who is the UK prime minister")],
    ),
    ("NL202", "Rishi Sunak, who was the UK prime minister, spoke on Monday.", D(2025, 3, 1), []),
    ("NL202", "Keir Starmer, who became UK prime minister in July, spoke on Monday.", D(2024, 9, 1), []),
    (
        "NL203",
        "Keir Starmer, who is the French prime minister, spoke on Monday.",
        D(2025, 3, 1),
        [(1, "Keir Starmer, who is the French prime minister")],
    ),
    # died: an age stops at death, "X, 88," after it says so, unless the sentence speaks of
    # the death; a term ends at death; "the late" is accepted; ages on the clause's own year
    ("NL303", "Pope Francis, 88, spoke to pilgrims.", D(2025, 3, 1), []),
    ("NL303", "Pope Francis, 89, spoke to pilgrims.", D(2025, 3, 1), [(15, "89")]),
    ("NL303", "Pope Francis, 88, blessed the crowd from the balcony.", D(2025, 6, 1), [(15, "88")]),
    (
        "NL303",
        "Pope Francis, who died in April aged 88, was buried in Rome. Francis, 88, was mourned.",
        D(2025, 6, 1),
        [],
    ),
    ("NL303", "In 2019, Keir Starmer, 56, led the opposition.", D(2025, 6, 1), []),
    ("NL303", "In 2019, Keir Starmer, 58, led the opposition.", D(2025, 6, 1), [(24, "58")]),
    ("NL202", "The late Pope Francis was mourned in Rome.", D(2025, 6, 1), []),
    ("NL202", "Pope Francis was mourned in Rome.", D(2025, 6, 1), []),
    (
        "NL202",
        "Iranian President Ebrahim Raisi met the press in Tehran.",
        D(2024, 6, 1),
        [(1, "Iranian President Ebrahim Raisi")],
    ),
    ("NL202", "Iranian President Ebrahim Raisi met the press in Tehran.", D(2024, 5, 1), []),
    ("NL202", "The late Iranian President Ebrahim Raisi was buried in Mashhad.", D(2024, 6, 1), []),
    # NL204: a comparison with a past government
    ("NL204", "Spending is higher than under the Biden administration.", D(2025, 6, 1), []),
    ("NL204", "The Biden administration said so.", D(2025, 6, 1), [(1, "The Biden administration")]),
    # NL203: a bare role is resolved only through the draft's context
    ("NL203", "In Britain, Chancellor Rishi Sunak presented the budget.", D(2021, 3, 3), []),
    (
        "NL203",
        "French Prime Minister Mette Frederiksen spoke.",
        D(2025, 3, 1),
        [(1, "French Prime Minister Mette Frederiksen")],
    ),
    # NL103: salience (own clause's subject, adjacent speaker, previous subject), every form
    ("NL103", "Mette Frederiksen said he would travel to Kyiv.", D(2025, 3, 1), [(24, "he")]),
    ("NL103", "Mette Frederiksen said she would travel to Kyiv.", D(2025, 3, 1), []),
    ("NL103", "Mette Frederiksen presented his plan.", D(2025, 3, 1), [(29, "his")]),
    ("NL103", "Mette Frederiksen praised Emmanuel Macron and his plan.", D(2025, 3, 1), []),
    ("NL103", "Mette Frederiksen arrived. Keir Starmer welcomed him.", D(2025, 3, 1), [(50, "him")]),
    ("NL103", "Donald Trump arrived. Keir Starmer welcomed him.", D(2025, 3, 1), []),
    ("NL103", "Mette Frederiksen defended himself.", D(2025, 3, 1), [(28, "himself")]),
    ("NL103", 'Mette Frederiksen said: "He is wrong."', D(2025, 3, 1), []),
    ("NL103", '"We will act," Mette Frederiksen said. He added that time was short.', D(2025, 3, 1), [(40, "He")]),
    ("NL103", "Mette Frederiksen told the adviser he could stay.", D(2025, 3, 1), []),
    ("NL103", "Mette Frederiksen met officials from Paris. Later he left.", D(2025, 3, 1), [(51, "he")]),
    ("NL103", "Ms Frederiksen said he had agreed.", D(2025, 3, 1), [(21, "he")]),
    ("NL103", "Keir Starmer thanked her.", D(2025, 3, 1), []),
    ("NL103", "The Danish prime minister said he would stay.", D(2025, 3, 1), [(32, "he")]),
    ("NL103", "Mette Frederiksen met Keir Starmer. He said it was late.", D(2025, 3, 1), []),
]


@pytest.mark.parametrize(("code", "text", "date", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_form(code: str, text: str, date: dt.date, expected: list[tuple[int, str]], rulebook) -> None:
    diagnostics = [d for d in newslint.lint_text(text, date=date, rulebook=rulebook) if d.code == code]
    assert [(d.column, text[d.start : d.end]) for d in diagnostics] == expected


def test_every_form_has_a_finding_and_a_trap() -> None:
    for code in {c[0] for c in CASES}:
        outcomes = [bool(c[3]) for c in CASES if c[0] == code]
        assert True in outcomes and False in outcomes, code


def test_messages_name_the_facts(rulebook) -> None:
    def message(code: str, text: str, date: dt.date) -> str:
        [found] = [d for d in newslint.lint_text(text, date=date, rulebook=rulebook) if d.code == code]
        return found.message

    assert message("NL102", "Dutch Prime Minister Martin Rutte met the press.", D(2020, 6, 1)) == (
        '"Martin Rutte": the Dutch Prime Minister on 2020-06-01 is Mark Rutte'
    )
    assert message("NL102", "The Ukrainian leader, Vladimir Zelenskyy, spoke.", D(2025, 3, 1)) == (
        "\"Vladimir Zelenskyy\": house style spells Zelenskyy's given name 'Volodymyr', not 'Vladimir'"
    )
    assert message("NL202", "President Donald Trump named his cabinet.", D(2024, 12, 1)) == (
        '"President Donald Trump": Donald Trump is US President-elect until 2025-01-20 (elected 2024-11-05); '
        "on 2024-12-01 it is Joe Biden (2021-01-20 to 2025-01-20)"
    )
    assert message("NL202", "President Donald Trump spoke.", D(2023, 3, 1)) == (
        '"President Donald Trump": Donald Trump\'s term as US President ended on 2021-01-20; '
        "on 2023-03-01 it is Joe Biden (2021-01-20 to 2025-01-20)"
    )


def test_undated_old_draft_is_told_to_state_its_date(rulebook) -> None:
    """NL003 at the latest full date of a draft that states no date, when it lies more than a
    year before today; a recent date, or a draft that states its date, stays clean."""
    old = "Ten years on, the talks are remembered.\nThey began on 3 May 2022 and ended on 9 May 2022.\n"
    [found] = newslint.lint_text(old, rulebook=rulebook)
    assert (found.code, found.line, found.column, old[found.start : found.end]) == ("NL003", 2, 39, "9 May 2022")
    assert "the latest date it mentions is 2022-05-09, more than a year earlier" in found.message
    recent = (dt.date.today() - dt.timedelta(days=30)).strftime("%d %B %Y").lstrip("0")
    assert (
        newslint.lint_text(f"Ten years on, the talks are remembered.\nThey ended on {recent}.\n", rulebook=rulebook)
        == []
    )
    assert newslint.lint_text("---\ndate: 2022-05-10\n---\n" + old, path="x.md", rulebook=rulebook) == []


def test_died_is_read_and_checked(tmp_path) -> None:
    rules = tmp_path / "people.yaml"
    rules.write_text(
        "people:\n  - {id: x, name: Ann Example, born: 1950-01-01, died: 1949-12-31, source: https://example.org/x}\n",
        encoding="utf-8",
    )
    with pytest.raises(newslint.RulebookError) as raised:
        newslint.load_rulebook([rules])
    assert [str(e) for e in raised.value.errors] == [f"{rules}:2:56: 'died' (1949-12-31) is before 'born' (1950-01-01)"]


def test_the_age_at_death_message(rulebook) -> None:
    [d] = newslint.lint_text("Pope Francis, 88, blessed the crowd.", date=D(2025, 6, 1), rulebook=rulebook)
    assert d.message == '"Pope Francis, 88": Francis (born 1936-12-17) died on 2025-04-21, aged 88'
