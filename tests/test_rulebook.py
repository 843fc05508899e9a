"""Rule files: every mistake is reported at its position; the bundled rulebook is valid."""

from __future__ import annotations

from pathlib import Path

import pytest

import newslint
from newslint.rulebook.loader import bundled_rules_dir

PERSON = "  - {id: ann-example, name: Ann Example, source: 'https://example.org/ann'}\n"
OFFICE_HEAD = (
    "jurisdictions:\n  - {id: xx, names: [Exampleland], adjectives: [Examplish]}\n"
    "offices:\n  - id: xx-president\n    jurisdiction: xx\n    roles: [President]\n"
    "    as_of: 2025-01-01\n    source: https://example.org/xx\n"
)


def errors_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(newslint.RulebookError) as caught:
        newslint.load_rulebook([path])
    return [f"{e.location.line}:{e.location.column}: {e.message}" for e in caught.value.errors]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("people: [\n", "2:1: invalid YAML: did not find expected node content"),
        ("- just\n- a list\n", "1:1: a rule file must be a mapping, not a list"),
        ("peple: []\n", "1:1: unknown key 'peple' in a rule file (did you mean 'people'?)"),
        (
            "people:\n  - {id: ann-example, name: Ann Example, source: 'https://example.org/ann', born: 1970-02-30}\n",
            "2:83: unreadable value '1970-02-30': day is out of range for month",
        ),
        (
            "people:\n  - {id: ann-example, name: Ann Example, source: 'https://example.org/ann', born: yes}\n",
            "2:83: born must be a date written YYYY-MM-DD, not the boolean 'yes' (quote it if you mean text)",
        ),
        (
            "people:\n  - {id: ann-example, name: Ann Example, source: not-a-url}\n",
            "2:50: source must be a public URL (https://...), not 'not-a-url'",
        ),
        (
            "people:\n  - {id: Ann, name: Ann Example, source: 'https://example.org/ann'}\n",
            "2:10: id 'Ann' must be lower-case letters, digits and hyphens",
        ),
        ("people:\n  - {id: ann-example, name: Ann Example}\n", "2:5: a person needs 'source'"),
        ("people:\n" + PERSON + PERSON, "3:10: duplicate id 'ann-example' (first defined at rules.yaml:2:10)"),
        (
            "people:\n  - {id: ann-example, name: Ann Example, gender: f, source: 'https://example.org/ann'}\n",
            "2:50: gender must be 'male' or 'female', not 'f' (omit it when unknown)",
        ),
        (
            "people:\n  - !!python/object:os.system {id: x}\n",
            "2:5: the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed in rule files",
        ),
    ],
)
def test_rule_file_errors(tmp_path: Path, monkeypatch, text: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert errors_of(tmp_path, text) == [expected]


def test_office_errors(tmp_path: Path) -> None:
    text = (
        "people:\n"
        + PERSON
        + "  - {id: bob-example, name: Bob Example, source: 'https://example.org/bob'}\n"
        + OFFICE_HEAD
        + "    holders:\n"
        "      - {person: ann-example, from: 2020-01-01, until: 2019-01-01}\n"
        "      - {person: ann-example, from: 2020-01-01, until: 2024-01-01}\n"
        "      - {person: bob-example, from: 2023-01-01}\n"
        "      - {person: carl-example, from: 2024-06-01}\n"
        "      - {person: bob-example, form: 2024-06-01}\n"
        "  - id: xx-head\n    jurisdiction: xx\n    titles: [Examplish President]\n"
        "    holders: []\n    as_of: 2025-01-01\n    source: https://example.org/xx\n"
        "  - id: yy-head\n    jurisdiction: yy\n    titles: [Head]\n"
        "    holders: []\n    as_of: 2025-01-01\n    source: https://example.org/yy\n"
    )
    assert errors_of(tmp_path, text) == [
        "13:56: 'until' (2019-01-01) must be after 'from' (2020-01-01)",
        "15:9: term of 'bob-example' from 2023-01-01 overlaps the term of 'ann-example' (2020-01-01 to 2024-01-01) in an office with 1 seat",
        "16:9: term of 'carl-example' from 2024-06-01 overlaps the term of 'bob-example' (since 2023-01-01) in an office with 1 seat",
        "16:18: holder 'carl-example' is not a known person id",
        "17:9: a holder needs 'from'",
        "17:31: unknown key 'form' in a holder (did you mean 'from'?)",
        "18:5: title 'Examplish President' of office 'xx-head' is also a title of office 'xx-president' in the same jurisdiction",
        "25:19: unknown jurisdiction 'yy'",
    ]


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("people: *a8")
    errors = errors_of(tmp_path, "\n".join(lines) + "\n")
    # Aliases are never expanded, and the shared node's mistake is reported once.
    assert errors.count("8:5: a person must be a mapping, not a list") == 1
    assert len(errors) == 9 + 1


def test_count_phrase_needs_number_slot(tmp_path: Path) -> None:
    text = "counts:\n  - id: c\n    phrases: ['member states']\n    values: [{value: 1}]\n    source: https://example.org/c\n"
    assert errors_of(tmp_path, text) == ["3:15: count phrase 'member states' must contain {n} once"]


def test_single_character_phrase_is_rejected(tmp_path: Path) -> None:
    text = "style:\n  - {use: 'and', instead_of: ['&'], source: 'https://example.org/s'}\n"
    assert errors_of(tmp_path, text) == ["2:31: phrase '&' is too short to match reliably"]


def test_bundled_rulebook_loads_with_sources_and_as_of(bundled) -> None:
    assert len(bundled.people) > 300 and len(bundled.offices) > 100
    for office in bundled.offices.values():
        assert office.source.startswith(("https://", "http://")) and office.as_of
    for person in bundled.people.values():
        assert person.source.startswith(("https://", "http://"))


def test_bundled_rulebook_covers_seed_people(bundled) -> None:
    for person in (
        "donald-trump",
        "joe-biden",
        "keir-starmer",
        "olaf-scholz",
        "emmanuel-macron",
        "mette-frederiksen",
        "keith-kellogg",
        "donald-tusk",
        "giorgia-meloni",
        "mark-rutte",
        "antonio-costa",
        "ursula-von-der-leyen",
        "volodymyr-zelenskyy",
        "vladimir-putin",
        "pete-hegseth",
        "marco-rubio",
        "pedro-sanchez",
        "sergey-lavrov",
    ):
        assert person in bundled.people, person


def test_bundled_examples_hold(bundled) -> None:
    from newslint.rulebook.examples import run_examples

    assert len(bundled.examples()) > 300
    assert [str(f) for f in run_examples(bundled)] == []


def test_bundled_dir_is_found_from_a_source_checkout() -> None:
    assert (bundled_rules_dir() / "united-states.yaml").is_file()
