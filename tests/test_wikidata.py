"""`newslint rules import wikidata`: recorded results in, rule files out, merged without losing hand edits."""

from __future__ import annotations

import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newslint
from tests.conftest import TESTS, run_cli

RECORDED = TESTS / "wikidata"
HEADS = RECORDED / "heads-us-de.json"
LATER = RECORDED / "heads-us-de-later.json"
PROBLEMS = RECORDED / "problems.json"


def import_(*args: str, out: Path, as_of: str = "2025-06-30"):  # type: ignore[no-untyped-def]
    return run_cli("rules", "import", "wikidata", *args, "--out", str(out), "--as-of", as_of)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))}


# -- queries --------------------------------------------------------------------------------


def test_print_query_for_heads_of_state_and_government() -> None:
    result = run_cli("rules", "import", "wikidata", "--heads", "Q30", "Q183", "--print-query")
    assert result.returncode == 0, result.stderr
    query = result.stdout
    assert "VALUES ?country { wd:Q30 wd:Q183 }" in query
    assert "?country wdt:P1906|wdt:P1313 ?position ." in query
    for needed in ("ps:P39", "pqv:P580", "pqv:P582", "wdt:P21", "psv:P569", "wikibase:timePrecision"):
        assert needed in query
    assert query.count("{") == query.count("}")


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("--position", "VALUES ?position { wd:Q11696 }"),
        ("--members", "pq:P5054 ?body"),
    ],
)
def test_print_query_for_positions_and_bodies(option: str, expected: str) -> None:
    result = run_cli("rules", "import", "wikidata", option, "Q11696", "--print-query", "--language", "de")
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert 'FILTER(LANG(?personLabel) = "de")' in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--heads", "Germany", "--print-query"], "'Germany' is not a Wikidata item id such as Q183"),
        (["--print-query"], "say what to import: --heads, --members or --position"),
        (["--heads", "Q30", "--print-query", "--language", "x y"], "'x y' is not a language code"),
    ],
)
def test_bad_query_requests_are_usage_errors(args: list[str], message: str) -> None:
    result = run_cli("rules", "import", "wikidata", *args)
    assert result.returncode == 2
    assert message in result.stderr


# -- a first import -------------------------------------------------------------------------

EXPECTED_US = """\
# Imported from Wikidata by 'newslint rules import wikidata' on 2025-06-30.
# Review every fact before relying on it: gaps in the data are in the note: fields.
jurisdictions:
  - id: us
    names: [United States]
    adjectives: [American]
    wikidata: Q30
    source: https://www.wikidata.org/wiki/Q30
people:
  - id: barack-obama
    name: Barack Obama
    variants: [Barack Hussein Obama, Barack Hussein Obama II]
    gender: male
    born: 1961-08-04
    wikidata: Q76
    source: https://www.wikidata.org/wiki/Q76
  - id: donald-trump
    name: Donald Trump
    variants: [Donald J. Trump, Donald John Trump]
    gender: male
    born: 1946-06-14
    wikidata: Q22686
    source: https://www.wikidata.org/wiki/Q22686
  - id: joe-biden
    name: Joe Biden
    variants: [Joseph R. Biden, Joseph Robinette Biden Jr.]
    gender: male
    born: 1942-11-20
    wikidata: Q6279
    source: https://www.wikidata.org/wiki/Q6279
offices:
  - id: us-president
    jurisdiction: us
    roles: [President]
    holders:
      - {person: barack-obama, from: 2009-01-20, until: 2017-01-20}
      - {person: donald-trump, from: 2017-01-20, until: 2021-01-20}
      - {person: joe-biden, from: 2021-01-20, until: 2025-01-20}
      - {person: donald-trump, from: 2025-01-20}
    as_of: 2025-06-30
    wikidata: Q11696
    source: https://www.wikidata.org/wiki/Q11696
"""


def test_first_import_shows_the_plan_and_writes_nothing_without_apply(tmp_path: Path) -> None:
    out = tmp_path / "imported"
    result = import_("--results", str(HEADS), out=out)
    assert result.returncode == 1, result.stderr
    assert "+ office us-president: added: American President (4 holders, as of 2025-06-30)" in result.stdout
    assert "+ person donald-trump: added: Donald Trump, born 1946-06-14" in result.stdout
    assert "Nothing written: run again with --apply to write 2 files." in result.stdout
    assert not out.exists()


def test_imported_rules_are_valid_and_catch_what_the_facts_imply(tmp_path: Path) -> None:
    out = tmp_path / "imported"
    result = import_("--results", str(HEADS), "--apply", out=out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(snapshot(out)) == ["germany.yaml", "united-states.yaml"]
    assert (out / "united-states.yaml").read_text() == EXPECTED_US

    check = run_cli("rules", "check", "--no-default-rules", str(out))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Rulebook valid: 6 people, 2 offices" in check.stdout

    draft = "tests/wikidata/draft.md"
    lint = run_cli("--no-default-rules", "--rules", str(out), "--no-cache", draft)
    # traps on the same lines: Merz as chancellor, Merz's age 69, Trump's age 78, "Former ... Merkel"
    assert lint.stdout.splitlines() == [
        f'{draft}:6:1: NL202 "German Chancellor Olaf Scholz": Olaf Scholz was German Chancellor '
        "2021-12-08 to 2025-05-06; on 2025-06-01 it is Friedrich Merz (since 2025-05-06)",
        f'{draft}:8:15: NL303 "Donald Trump, 75": Donald Trump (born 1946-06-14) is 78 on 2025-06-01',
        f'{draft}:8:49: NL102 "Olaf Merz": the Merz named in this draft is Friedrich Merz',
        "Found 3 errors and 0 warnings (1 file checked).",
    ]
    assert lint.returncode == 1


def test_importing_the_same_results_again_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "imported"
    import_("--results", str(HEADS), "--apply", out=out)
    before = snapshot(out)
    again = import_("--results", str(HEADS), "--apply", out=out)
    assert again.returncode == 0
    assert f"{out} is up to date." in again.stdout
    assert snapshot(out) == before


# -- re-importing into a folder with hand edits -----------------------------------------------


def hand_edited(tmp_path: Path) -> Path:
    """The first import, then edited by hand: comments, a locked name, a holder list kept since 2024."""
    out = tmp_path / "rules"
    assert import_("--results", str(HEADS), "--apply", out=out, as_of="2024-12-01").returncode == 0
    path = out / "united-states.yaml"
    text = path.read_text()
    edits = [
        (
            "  - id: barack-obama\n    name: Barack Obama\n",
            "  # The desk prefers the middle initial.\n  - id: barack-obama\n    name: Barack H. Obama\n    locked: true\n",
        ),
        (
            "      - {person: joe-biden, from: 2021-01-20, until: 2025-01-20}\n"
            "      - {person: donald-trump, from: 2025-01-20}\n",
            "      - {person: joe-biden, from: 2021-01-20}  # as kept by hand in 2024\n",
        ),
        ("offices:\n", "\n# Offices below were checked by the desk.\noffices:\n"),
    ]
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text)
    return out


def test_reimport_shows_the_changes_in_facts_and_changes_nothing_without_apply(tmp_path: Path) -> None:
    out = hand_edited(tmp_path)
    before = snapshot(out)
    result = import_("--results", str(LATER), out=out)
    assert result.returncode == 1, result.stderr
    assert f"Changes to {out} (8):" in result.stdout
    changes = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    assert changes == [
        "Q566257 [friedrich-merz]: no date of birth in Wikidata; born left out",
        "+ person friedrich-merz: new variant 'Joachim-Friedrich Martin Josef Merz'",
        "+ person mike-pence: added: Mike Pence, born 1959-06-07",
        "+ person kamala-harris: added: Kamala Harris, born 1964-10-20",
        "~ office de-chancellor: as_of 2024-12-01 -> 2025-06-30",
        "~ office us-president: as_of 2024-12-01 -> 2025-06-30",
        "~ office us-president: holder joe-biden ended: until 2025-01-20",
        "+ office us-president: new holder donald-trump since 2025-01-20",
        "+ office us-vice-president: added: American Vice President (3 holders, as of 2025-06-30)",
        "~ person barack-obama: name 'Barack H. Obama' -> 'Barack Obama'",
    ]
    assert "Locked, left as they are (1):" in result.stdout
    assert snapshot(out) == before


def test_reimport_with_apply_keeps_comments_and_locked_facts(tmp_path: Path) -> None:
    out = hand_edited(tmp_path)
    result = import_("--results", str(LATER), "--apply", out=out)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (out / "united-states.yaml").read_text()
    assert "  # The desk prefers the middle initial.\n  - id: barack-obama\n    name: Barack H. Obama\n" in text
    assert "    locked: true\n" in text
    assert "\n# Offices below were checked by the desk.\noffices:\n" in text
    assert (
        "      - {person: joe-biden, from: 2021-01-20, until: 2025-01-20} # as kept by hand in 2024\n"
        "      - {person: donald-trump, from: 2025-01-20}\n"
    ) in text
    assert "  - id: us-vice-president\n" in text
    germany = (out / "germany.yaml").read_text()
    # a gap in Wikidata (no birth date this time) does not erase the one already written
    assert "    name: Friedrich Merz\n    variants: [Joachim-Friedrich Martin Josef Merz]\n" in germany
    assert "    born: 1955-11-11\n" in germany
    check = run_cli("rules", "check", "--no-default-rules", str(out))
    assert check.returncode == 0, check.stdout + check.stderr
    again = import_("--results", str(LATER), out=out)
    assert again.returncode == 0
    assert f"{out} is up to date." in again.stdout
    assert "~ person barack-obama: name 'Barack H. Obama' -> 'Barack Obama'" in again.stdout  # still locked


def test_a_locked_holder_and_a_locked_office_are_never_changed(tmp_path: Path) -> None:
    out = hand_edited(tmp_path)
    path = out / "united-states.yaml"
    text = path.read_text().replace(
        "{person: joe-biden, from: 2021-01-20}", "{person: joe-biden, from: 2021-01-20, locked: true}"
    )
    path.write_text(text)
    germany = out / "germany.yaml"
    germany.write_text(
        germany.read_text().replace("  - id: de-chancellor\n", "  - id: de-chancellor\n    locked: true\n")
    )
    result = import_("--results", str(LATER), "--apply", out=out)
    assert result.returncode == 0, result.stdout + result.stderr
    locked = result.stdout.split("Locked, left as they are")[1]
    assert "~ office us-president: holder joe-biden ended: until 2025-01-20" in locked
    assert "~ office de-chancellor: as_of 2024-12-01 -> 2025-06-30" in locked
    # a new holder that would overlap the locked term waits for a human as well
    assert "+ office us-president: new holder donald-trump since 2025-01-20" in locked
    after = path.read_text()
    assert "{person: joe-biden, from: 2021-01-20, locked: true}" in after
    assert "{person: donald-trump, from: 2025-01-20}" not in after
    assert "    as_of: 2024-12-01\n" in germany.read_text()


# -- data problems ----------------------------------------------------------------------------


def test_every_data_problem_is_reported_and_noted(tmp_path: Path) -> None:
    out = tmp_path / "imported"
    result = import_("--results", str(PROBLEMS), "--apply", out=out)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = result.stdout.split("\n\n")[1].splitlines()
    assert problems == [
        "Data problems (7; entries the import adds carry them as note:):",
        "  Q567 [angela-merkel]: no sex or gender in Wikidata; gender left out",
        "  Q61053 [olaf-scholz]: date of birth is only the year 1958; born left out",
        "  Q566257 [de-chancellor]: the start date of Friedrich Merz's term is only the month 2025-05; term left out",
        "  Q76 [us-president]: no start date for Barack Obama's term; term left out",
        "  Q6279 [us-president]: terms overlap: joe-biden (since 2021-01-20) and donald-trump (since 2025-01-20); "
        "joe-biden's term since 2021-01-20 left out",
        "  Q10853588 [us-vice-president]: holder Q10853588 has no label in 'en'; term left out",
        "  Q24313 [us-vice-president]: Mike Pence's term from 2017-01-20 ended on an unknown date; term left out",
    ]
    germany = (out / "germany.yaml").read_text()
    assert "    note: no sex or gender in Wikidata; gender left out\n" in germany
    assert "    note: date of birth is only the year 1958; born left out\n" in germany
    assert "only the month 2025-05; term left out\n" in germany
    us = (out / "united-states.yaml").read_text()
    assert "no start date for Barack Obama's term; term left out; terms overlap" in us
    assert "has no label in 'en'; term left out; Mike Pence's term from 2017-01-20 ended" in us
    assert "1958" not in germany.replace("only the year 1958", "")  # no guessed birth date
    check = run_cli("rules", "check", "--no-default-rules", str(out))
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "results.json:1:2: not JSON"),
        ('{"head": {}}', "results.json: not SPARQL JSON results (no 'results' object)"),
        ('{"results": {"bindings": [{"person": {"type": "uri"}}]}}', "'person' is not an RDF term with a 'value'"),
        ('{"results": {"bindings": [{"position": {"type": "uri", "value": "x"}}]}}', "has no 'statement'"),
    ],
)
def test_broken_results_files_are_clear_errors(tmp_path: Path, content: str, message: str) -> None:
    results = tmp_path / "results.json"
    results.write_text(content)
    result = import_("--results", str(results), out=tmp_path / "out")
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_broken_target_folder_is_reported_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "rules"
    out.mkdir()
    (out / "x.yaml").write_text("people:\n  - id: Bad Id\n    name: X\n    source: https://example.org\n")
    result = import_("--results", str(HEADS), "--apply", out=out)
    assert result.returncode == 2
    assert "x.yaml:2:9: id 'Bad Id' must be lower-case letters, digits and hyphens" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["x.yaml"]


# -- the live query, against a local stand-in for the query service ----------------------------


class _Service(http.server.BaseHTTPRequestHandler):
    answer: bytes = b""
    status = 200
    delay = 0.0
    received: list[bytes] = []

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        length = int(self.headers.get("Content-Length", 0))
        type(self).received.append(self.rfile.read(length))
        time.sleep(self.delay)
        self.send_response(self.status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(self.answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def service() -> Iterator[type[_Service]]:
    handler = type("Service", (_Service,), {"answer": HEADS.read_bytes(), "received": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/sparql"  # type: ignore[attr-defined]
    yield handler
    server.shutdown()
    server.server_close()


def test_live_query_is_sent_and_its_results_imported(tmp_path: Path, service: type[_Service]) -> None:
    saved = tmp_path / "saved.json"
    args = ("--heads", "Q30", "Q183", "--endpoint", service.url, "--save-results", str(saved), "--apply")  # type: ignore[attr-defined]
    result = import_(*args, out=tmp_path / "live")
    assert result.returncode == 0, result.stdout + result.stderr
    body = service.received[0].decode()
    assert body.startswith("query=SELECT") and "wd%3AQ30+wd%3AQ183" in body and body.endswith("&format=json")
    assert saved.read_bytes() == HEADS.read_bytes()
    offline = import_("--results", str(HEADS), "--apply", out=tmp_path / "offline")
    assert offline.returncode == 0
    assert snapshot(tmp_path / "live") == snapshot(tmp_path / "offline")


def test_an_unreachable_service_is_a_clear_error(tmp_path: Path) -> None:
    result = import_("--heads", "Q30", "--endpoint", "http://127.0.0.1:9/sparql", out=tmp_path / "out")
    assert result.returncode == 2
    assert "cannot reach the query service at http://127.0.0.1:9/sparql" in result.stderr


def test_a_slow_service_times_out(tmp_path: Path, service: type[_Service]) -> None:
    service.delay = 3.0
    args = ("--heads", "Q30", "--endpoint", service.url, "--timeout", "0.5")  # type: ignore[attr-defined]
    result = import_(*args, out=tmp_path / "out")
    assert result.returncode == 2
    assert "did not answer within 0.5 s" in result.stderr


def test_a_service_error_is_shown(tmp_path: Path, service: type[_Service]) -> None:
    service.status, service.answer = 500, b"java.util.concurrent.TimeoutException\nmore"
    result = import_("--heads", "Q30", "--endpoint", service.url, out=tmp_path / "out")  # type: ignore[attr-defined]
    assert result.returncode == 2
    assert "answered 500 Internal Server Error: java.util.concurrent.TimeoutException" in result.stderr


def test_import_into_a_copy_of_the_bundled_rules_lines_up_with_its_facts(tmp_path: Path) -> None:
    """Hand-written facts are matched by id and title: nothing is added twice, only what is new."""
    out = tmp_path / "rules"
    shutil.copytree(TESTS.parent / "rules", out)
    before = {name: text.decode().splitlines() for name, text in snapshot(out).items()}
    result = import_("--results", str(LATER), "--apply", out=out, as_of="2099-01-01")
    assert result.returncode == 0, result.stdout + result.stderr
    changes = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")][1:]
    assert changes and not [line for line in changes if "added:" in line]
    assert "+ person friedrich-merz: new variant 'Joachim-Friedrich Martin Josef Merz'" in changes
    assert "+ office us-president: wikidata 'Q11696' added" in changes
    after = {name: text.decode().splitlines() for name, text in snapshot(out).items()}
    for name, lines in before.items():
        kept = [line for line in lines if "as_of:" not in line and "variants:" not in line]
        assert [line for line in after[name] if line in kept] == kept, name  # every other line, in order


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    result = import_("--results", str(HEADS), "--apply", out=Path("/proc/newslint-test/rules"))
    assert result.returncode == 2
    assert "cannot write to /proc/newslint-test/rules" in result.stderr


# -- the query templates, run on a small graph in Wikidata's RDF shape --------------------------

WIKIDATA_PREFIXES = {
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "psv": "http://www.wikidata.org/prop/statement/value/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "pqv": "http://www.wikidata.org/prop/qualifier/value/",
    "wikibase": "http://wikiba.se/ontology#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


@pytest.mark.parametrize(
    ("selection", "offices"),
    [
        (("--heads", "Q30"), ["us-president"]),
        (("--position", "Q11696", "Q11699"), ["us-president", "us-vice-president"]),
    ],
)
def test_query_templates_select_what_the_importer_reads(
    tmp_path: Path, selection: tuple[str, ...], offices: list[str]
) -> None:
    """The printed SPARQL runs (rdflib), skips deprecated statements, and its JSON imports."""
    import rdflib  # a test dependency: the templates must run, not be skipped

    query = run_cli("rules", "import", "wikidata", *selection, "--print-query").stdout
    graph = rdflib.Graph()
    graph.parse(RECORDED / "graph.ttl")
    answer = graph.query(query, initNs={name: rdflib.Namespace(iri) for name, iri in WIKIDATA_PREFIXES.items()})
    results = tmp_path / "results.json"
    results.write_bytes(answer.serialize(format="json"))
    result = import_("--results", str(results), "--apply", out=tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  Q22686 [us-president]: Donald Trump's term from 2017-01-20 ended on an unknown date; term left out" in (
        result.stdout
    )
    book = newslint.load_rulebook([tmp_path / "out"])
    assert sorted(book.offices) == offices
    president = book.offices["us-president"]
    assert [(t.person, str(t.start), str(t.end)) for t in president.holders] == [
        ("joe-biden", "2021-01-20", "2025-01-20"),  # the deprecated 2017 statement is not read
        ("donald-trump", "2025-01-20", "None"),
    ]
    biden = book.people["joe-biden"]
    assert (biden.variants, biden.gender, str(biden.born), biden.wikidata) == (
        ("Joseph Robinette Biden Jr.",),
        "male",
        "1942-11-20",
        "Q6279",
    )
    assert book.jurisdictions["us"].adjectives == ("American",)
