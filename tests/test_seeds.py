"""The five real articles in ../shared/seeds, checked against ../shared/seeds/expected.yaml
with the bundled rulebook and the real CLI."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import SEEDS, run_cli

pytestmark = pytest.mark.skipif(not (SEEDS / "expected.yaml").is_file(), reason="../shared/seeds is not present")

CODES_BY_CLASS = {
    "former_current": "NL201",
    "wrong_administration": "NL204",
    "pronoun": "NL103",
    "wrong_given_name": "NL102",
    "event_date": "NL301",
}


@pytest.fixture(scope="module")
def expected() -> dict:
    return yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results(expected) -> dict[str, list[dict]]:
    """One CLI run per date, as the issue's command: --date D --format json seeds/*.txt."""
    by_file: dict[str, list[dict]] = {name: [] for name in expected}
    for date in sorted({str(spec["date"]) for spec in expected.values()}):
        names = [name for name, spec in expected.items() if str(spec["date"]) == date]
        result = run_cli("--date", date, "--format", "json", *(str(SEEDS / n) for n in names))
        assert result.returncode in (0, 1), result.stderr
        for diagnostic in json.loads(result.stdout):
            by_file[diagnostic["path"].rsplit("/", 1)[-1]].append(diagnostic)
    return by_file


def _cases(kind: str) -> list[tuple[str, dict]]:
    if not (SEEDS / "expected.yaml").is_file():
        return []
    data = yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))
    return [(name, item) for name, spec in data.items() for item in spec.get(kind) or []]


@pytest.mark.parametrize(
    ("name", "error"),
    [c for c in _cases("errors") if not c[1].get("stretch")],
    ids=lambda v: v if isinstance(v, str) else v["text"],
)
def test_error_found_at_its_position(name: str, error: dict, results) -> None:
    found = [d for d in results[name] if d["line"] == error["line"] and d["column"] == error["column"]]
    assert found, f"{error['text']!r} not reported at {error['line']}:{error['column']}: {results[name]}"
    assert found[0]["code"] == CODES_BY_CLASS[error["class"]]
    assert found[0]["severity"] == "error"
    source = (SEEDS / name).read_text(encoding="utf-8").splitlines()[error["line"] - 1]
    assert error["text"].startswith(source[error["column"] - 1 : found[0]["end_column"] - 1])


@pytest.mark.parametrize(("name", "trap"), _cases("traps"), ids=lambda v: v if isinstance(v, str) else v["text"])
def test_trap_not_flagged(name: str, trap: dict, results) -> None:
    line = (SEEDS / name).read_text(encoding="utf-8").splitlines()[trap["line"] - 1]
    start = line.index(trap["text"]) + 1
    end = start + len(trap["text"])
    overlapping = [
        d for d in results[name] if d["line"] == trap["line"] and d["column"] < end and d["end_column"] > start
    ]
    assert overlapping == []


def test_nothing_else_is_flagged(expected, results) -> None:
    wanted = {(name, e["line"], e["column"]) for name, spec in expected.items() for e in spec["errors"]}
    extra = [
        (name, d["line"], d["column"], d["message"])
        for name, ds in results.items()
        for d in ds
        if (name, d["line"], d["column"]) not in wanted
    ]
    assert extra == []


def test_messages_state_the_fact(results) -> None:
    messages = {d["code"]: d["message"] for ds in results.values() for d in ds}
    assert "Donald Trump is the sitting US President on 2025-02-17 (since 2025-01-20)" in messages["NL201"]
    assert "ended on 2025-01-20" in messages["NL204"] and "Donald Trump" in messages["NL204"]
    assert "Mette Frederiksen, who is a woman" in messages["NL103"]
    assert "Keith Kellogg" in messages["NL102"]


def test_without_date_scholz_is_outdated() -> None:
    result = run_cli("--format", "json", str(SEEDS / "002_4e2c2da3dd55c043.txt"))
    scholz = [d for d in json.loads(result.stdout) if d["line"] == 9]
    assert [d["code"] for d in scholz] == ["NL202"]
    assert "Friedrich Merz" in scholz[0]["message"]
    assert scholz[0]["severity"] == "error"  # his term ended before the office's as_of: settled
