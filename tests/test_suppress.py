"""Suppression comments: on a line, over a region, per file; unused ones are reported (NL002)."""

from __future__ import annotations

import datetime as dt

import newslint

D = dt.date(2025, 6, 1)
TITLE = "German Chancellor Olaf Scholz spoke."


def found(text: str, rulebook, path: str = "draft.md", **kw) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in newslint.lint_text(text, path=path, date=D, rulebook=rulebook, **kw)]


def test_ignore_a_code_on_its_line(rulebook) -> None:
    text = f"{TITLE} <!-- newslint: ignore NL202 -->\n{TITLE}\n"
    assert found(text, rulebook) == [(2, "NL202")]


def test_ignore_by_prefix_and_without_codes(rulebook) -> None:
    text = f"{TITLE} They flew to Kiev. <!-- newslint: ignore NL2 -->\n{TITLE} Kiev. <!-- newslint: ignore -->\n"
    assert found(text, rulebook) == [(1, "NL501")]


def test_region(rulebook) -> None:
    text = f"<!-- newslint: disable NL202 -->\n{TITLE}\n{TITLE}\n<!-- newslint: enable NL202 -->\n{TITLE}\n"
    assert found(text, rulebook) == [(5, "NL202")]


def test_region_left_open_runs_to_the_end(rulebook) -> None:
    text = f"{TITLE}\n<!-- newslint: disable -->\n{TITLE}\n"
    assert found(text, rulebook) == [(1, "NL202")]


def test_plain_text_bare_form(rulebook) -> None:
    text = f"{TITLE} newslint: ignore NL202\n{TITLE}\n"
    assert found(text, rulebook, path="draft.txt") == [(2, "NL202")]
    # in Markdown the bare form is prose, not a directive
    assert found(text, rulebook, path="draft.md") == [(1, "NL202"), (2, "NL202")]


def test_unused_suppressions_are_reported(rulebook) -> None:
    text = f"Nothing to see. <!-- newslint: ignore NL202 -->\n{TITLE} <!-- newslint: ignore NL202 -->\n"
    [diagnostic] = newslint.lint_text(text, path="a.md", date=D, rulebook=rulebook)
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (1, 17, "NL002")
    assert diagnostic.message == "unused suppression: 'ignore NL202' suppresses nothing"
    assert diagnostic.severity is newslint.Severity.WARNING


def test_unused_is_not_reported_for_codes_that_did_not_run(rulebook) -> None:
    text = "Nothing to see. <!-- newslint: ignore NL202 -->\n"
    assert found(text, rulebook, select=["NL5"]) == []
    assert found(text, rulebook, ignore=["NL002"]) == []


def test_per_file_ignores_in_front_matter(rulebook) -> None:
    text = f"---\nnewslint: {{ignore: [NL303, NL2]}}\n---\n{TITLE} Keir Starmer, 70, agreed.\n"
    assert found(text, rulebook) == []
