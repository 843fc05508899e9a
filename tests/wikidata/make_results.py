"""How the recorded results in this folder were written (run it to rewrite them).

Each file is in the W3C SPARQL 1.1 JSON results format, shaped as the rows the query from
``newslint rules import wikidata --print-query`` selects. Item ids, labels, dates of birth
and terms are real (see README.md for the pages they were checked against); the files named
``problems-*.json`` deliberately damage some rows to show each data problem.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
ENTITY = "http://www.wikidata.org/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"
VARS = [
    "statement", "position", "positionLabel", "country", "countryLabel", "countryCode", "demonyms",
    "person", "personLabel", "aliases", "gender", "born", "bornPrecision",
    "start", "startPrecision", "end", "endPrecision", "endValue",
]  # fmt: skip
MALE, FEMALE = "Q6581097", "Q6581072"
US = ("Q30", "United States", "US", "American")
DE = ("Q183", "Germany", "DE", "German")
PEOPLE = {
    "Q76": ("Barack Obama", ["Barack Hussein Obama II", "Barack Hussein Obama", "Obama"], MALE, "1961-08-04"),
    "Q22686": ("Donald Trump", ["Donald John Trump", "Donald J. Trump", "Trump", "DJT"], MALE, "1946-06-14"),
    "Q6279": ("Joe Biden", ["Joseph Robinette Biden Jr.", "Joseph R. Biden", "Biden"], MALE, "1942-11-20"),
    "Q10853588": ("Kamala Harris", ["Kamala Devi Harris"], FEMALE, "1964-10-20"),
    "Q24313": ("Mike Pence", ["Michael Richard Pence"], MALE, "1959-06-07"),
    "Q567": ("Angela Merkel", ["Angela Dorothea Merkel", "Merkel"], FEMALE, "1954-07-17"),
    "Q61053": ("Olaf Scholz", [], MALE, "1958-06-14"),
    "Q566257": ("Friedrich Merz", [], MALE, "1955-11-11"),
}
PRESIDENT = ("Q11696", "President of the United States", US)
VICE_PRESIDENT = ("Q11699", "Vice President of the United States", US)
CHANCELLOR = ("Q4970706", "Chancellor of Germany", DE)


def uri(item: str) -> dict[str, str]:
    return {"type": "uri", "value": ENTITY + item}


def literal(value: str, lang: str | None = "en", datatype: str | None = None) -> dict[str, str]:
    term = {"type": "literal", "value": value}
    if datatype:
        term["datatype"] = XSD + datatype
    elif lang:
        term["xml:lang"] = lang
    return term


def time(day: str) -> dict[str, str]:
    return literal(f"{day}T00:00:00Z", datatype="dateTime")


def row(position, person, start=None, end=None, n=1, **damage):  # type: ignore[no-untyped-def]
    """One statement's row; ``damage`` overrides or removes (None) any variable."""
    qid, label, (country, country_label, code, demonym) = position
    name, aliases, gender, born = PEOPLE[person]
    values = {
        "statement": uri(f"statement/{person}-{qid}-{n}"),
        "position": uri(qid),
        "positionLabel": literal(label),
        "country": uri(country),
        "countryLabel": literal(country_label),
        "countryCode": literal(code, lang=None),
        "demonyms": literal(demonym),
        "person": uri(person),
        "personLabel": literal(name),
        "aliases": literal("|".join(aliases)),
        "gender": uri(gender),
        "born": time(born),
        "bornPrecision": literal("11", datatype="integer"),
    }
    if start:
        values |= {"start": time(start), "startPrecision": literal("11", datatype="integer")}
    if end:
        values |= {"end": time(end), "endPrecision": literal("11", datatype="integer")}
    for name_, value in damage.items():
        if value is None:
            values.pop(name_, None)
        else:
            values[name_] = value
    return values


def write(name: str, rows: list[dict[str, dict[str, str]]]) -> None:
    data = {"head": {"vars": VARS}, "results": {"bindings": rows}}
    (HERE / name).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def heads() -> list[dict[str, dict[str, str]]]:
    return [
        row(PRESIDENT, "Q76", "2009-01-20", "2017-01-20"),
        row(PRESIDENT, "Q22686", "2017-01-20", "2021-01-20"),
        row(PRESIDENT, "Q6279", "2021-01-20", "2025-01-20"),
        row(PRESIDENT, "Q22686", "2025-01-20", n=2),
        row(CHANCELLOR, "Q567", "2005-11-22", "2021-12-08"),
        row(CHANCELLOR, "Q61053", "2021-12-08", "2025-05-06"),
        row(CHANCELLOR, "Q566257", "2025-05-06"),
    ]


def main() -> None:
    write("heads-us-de.json", heads())
    # the same query a little later: a vice-presidency imported too, a new alias, and Merz's
    # row with his full name as a new alias but without his date of birth (a gap that must not
    # erase the one already written)
    later = heads()
    later[-1] = row(
        CHANCELLOR,
        "Q566257",
        "2025-05-06",
        born=None,
        bornPrecision=None,
        aliases=literal("Joachim-Friedrich Martin Josef Merz"),
    )
    later += [
        row(VICE_PRESIDENT, "Q6279", "2009-01-20", "2017-01-20"),
        row(VICE_PRESIDENT, "Q24313", "2017-01-20", "2021-01-20"),
        row(VICE_PRESIDENT, "Q10853588", "2021-01-20", "2025-01-20"),
    ]
    write("heads-us-de-later.json", later)
    write(
        "problems.json",
        [
            # a term with no start date
            row(PRESIDENT, "Q76", None, "2017-01-20"),
            # overlapping terms: Biden's term recorded without its end, overlapping Trump's second
            row(PRESIDENT, "Q6279", "2021-01-20"),
            row(PRESIDENT, "Q22686", "2025-01-20", n=2),
            row(PRESIDENT, "Q22686", "2017-01-20", "2021-01-20"),
            # a holder with no English label (the label service writes the bare id)
            row(VICE_PRESIDENT, "Q10853588", "2021-01-20", "2025-01-20", personLabel=literal("Q10853588")),
            # a person without gender, and one whose birth date is known only to the year
            row(CHANCELLOR, "Q567", "2005-11-22", "2021-12-08", gender=None),
            row(
                CHANCELLOR,
                "Q61053",
                "2021-12-08",
                "2025-05-06",
                born=time("1958-01-01"),
                bornPrecision=literal("9", datatype="integer"),
            ),
            # a term whose start is known only to the month, and one that ended on an unknown date
            row(
                CHANCELLOR,
                "Q566257",
                "2025-05-01",
                startPrecision=literal("10", datatype="integer"),
            ),
            row(VICE_PRESIDENT, "Q24313", "2017-01-20", endValue={"type": "bnode", "value": "b0"}),
        ],
    )


if __name__ == "__main__":
    main()
