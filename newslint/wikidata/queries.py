"""SPARQL query templates for the Wikidata query service.

Every template selects the same variables, one row per "position held" (P39) statement, so
one reader handles the results of any of them. Labels are read with ``rdfs:label`` in the
wanted language rather than the label service, which would fall back to the bare item id
and hide a missing label. Dates are read with their precision, so a year or a month is
never taken for a full date.
"""

from __future__ import annotations

import regex

ENDPOINT = "https://query.wikidata.org/sparql"
KINDS = ("heads", "members", "position")
_QID = regex.compile(r"^Q[1-9][0-9]*$")
_LANGUAGE = regex.compile(r"^[a-z]{2,3}(?:-[a-z0-9]+)*$")

_SELECT = """\
SELECT ?statement ?position ?positionLabel ?country ?countryLabel ?countryCode
       (GROUP_CONCAT(DISTINCT ?demonym; separator="|") AS ?demonyms)
       ?person ?personLabel (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
       ?gender ?born ?bornPrecision ?start ?startPrecision ?end ?endPrecision ?endValue
WHERE {{
{selection}
  ?person p:P39 ?statement .
  ?statement ps:P39 ?position .
  FILTER NOT EXISTS {{ ?statement wikibase:rank wikibase:DeprecatedRank }}
{country}
  OPTIONAL {{ ?position rdfs:label ?positionLabel . FILTER(LANG(?positionLabel) = "{language}") }}
  OPTIONAL {{ ?country rdfs:label ?countryLabel . FILTER(LANG(?countryLabel) = "{language}") }}
  OPTIONAL {{ ?country wdt:P297 ?countryCode . }}
  OPTIONAL {{ ?country wdt:P1549 ?demonym . FILTER(LANG(?demonym) = "{language}") }}
  OPTIONAL {{ ?person rdfs:label ?personLabel . FILTER(LANG(?personLabel) = "{language}") }}
  OPTIONAL {{ ?person skos:altLabel ?alias . FILTER(LANG(?alias) = "{language}") }}
  OPTIONAL {{ ?person wdt:P21 ?gender . }}
  OPTIONAL {{
    ?person p:P569 ?bornStatement .
    ?bornStatement psv:P569 [ wikibase:timeValue ?born ; wikibase:timePrecision ?bornPrecision ] .
    FILTER NOT EXISTS {{ ?bornStatement wikibase:rank wikibase:DeprecatedRank }}
  }}
  OPTIONAL {{ ?statement pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] . }}
  OPTIONAL {{ ?statement pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] . }}
  OPTIONAL {{ ?statement pq:P582 ?endValue . }}
}}
GROUP BY ?statement ?position ?positionLabel ?country ?countryLabel ?countryCode ?person ?personLabel
         ?gender ?born ?bornPrecision ?start ?startPrecision ?end ?endPrecision ?endValue
ORDER BY ?country ?position ?start
"""

# how each kind picks its statements; ?country is bound here or found from the position
_SELECTIONS = {
    # the offices a country names as held by its head of state (P1906) and of government (P1313)
    "heads": "  VALUES ?country {{ {items} }}\n  ?country wdt:P1906|wdt:P1313 ?position .",
    # statements qualified with the cabinet (P5054), or positions that are part of the body (P361)
    "members": (
        "  VALUES ?body {{ {items} }}\n"
        "  {{ ?anyPerson p:P39 ?anyStatement . ?anyStatement pq:P5054 ?body ; ps:P39 ?position . }}\n"
        "  UNION {{ ?position wdt:P361 ?body . }}"
    ),
    "position": "  VALUES ?position {{ {items} }}",
}
_FIND_COUNTRY = (
    "  OPTIONAL { ?position wdt:P1001 ?country . ?country wdt:P297 [] . }  # applies to jurisdiction\n"
    "  OPTIONAL { ?position wdt:P17 ?country . }"
)


class QueryError(ValueError):
    """A query that cannot be built from what was asked."""


def build_query(kind: str, items: list[str], language: str = "en") -> str:
    """The SPARQL text of a template for the given item ids (countries, bodies or positions)."""
    if kind not in _SELECTIONS:
        raise QueryError(f"unknown query '{kind}' (choose from {', '.join(KINDS)})")
    if not items:
        raise QueryError("name at least one Wikidata item (Q...)")
    for item in items:
        if not _QID.match(item):
            raise QueryError(f"'{item}' is not a Wikidata item id such as Q183")
    if not _LANGUAGE.match(language):
        raise QueryError(f"'{language}' is not a language code such as en or de")
    values = " ".join(f"wd:{item}" for item in items)
    selection = _SELECTIONS[kind].format(items=values)
    # "heads" binds the country; the others find it from the position
    country = "" if kind == "heads" else _FIND_COUNTRY
    return _SELECT.format(selection=selection, country=country, language=language)
