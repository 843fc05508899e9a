"""Documents: masking keeps every offset, positions count characters, the date is found."""

from __future__ import annotations

import datetime as dt
import os

import pytest

import newslint
from newslint.document import Document
from newslint.markup import mask

TITLE = "German Chancellor Olaf Scholz"


@pytest.mark.parametrize("markup", ["markdown", "html", "text"])
@pytest.mark.parametrize(
    "source",
    [
        "---\ndate: 2025-01-01\n---\n# Head\r\n\r\nText `code` [a](http://x.org) <b>bold</b>\r",
        "<p class='x'>Hello &amp; <i>world</i></p>\r\n<script>x=1</script>\n",
        "\ufeffplain\rtext\r\nwith  tabs\t and unicode \u00e9\u0301 \U0001f600\n",
        "<<<>>> ``` unclosed <b\n---\n",
    ],
)
def test_prose_keeps_length_and_newlines(source: str, markup: str) -> None:
    prose = mask(source, markup).prose
    assert len(prose) == len(source)
    assert [i for i, c in enumerate(prose) if c in "\r\n"] == [i for i, c in enumerate(source) if c in "\r\n"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (f"First line\r\n{TITLE} spoke.", 2, 1),
        (f"First line\rSecond\r{TITLE} spoke.", 3, 1),
        (f"\ufeff{TITLE} spoke.", 1, 2),
        (f"Emoji \U0001f600 and e\u0301: {TITLE} spoke.", 1, 17),
        (f"\u05e9\u05dc\u05d5\u05dd {TITLE} spoke.", 1, 6),
    ],
)
def test_positions_count_characters(text: str, line: int, column: int, rulebook) -> None:
    [d] = newslint.lint_text(text, date=dt.date(2025, 6, 1), rulebook=rulebook)
    assert (d.line, d.column) == (line, column)
    assert text[d.start : d.end] == TITLE
    assert d.end_column - d.column == len(TITLE)


def test_markdown_masks_code_links_and_comments(rulebook) -> None:
    text = (
        "---\ndate: 2025-06-01\n---\n"
        f"`{TITLE}`\n\n```\n{TITLE}\n```\n\n    {TITLE}\n\n<!-- {TITLE} -->\n"
        f"[text](https://example.org/{TITLE.replace(' ', '-')}) <https://example.org/Kiev>\n"
        f"**{TITLE}**\n"
    )
    diagnostics = newslint.lint_text(text, path="draft.md", rulebook=rulebook)
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(14, 3, "NL202")]


def test_html_checks_visible_text_only(rulebook) -> None:
    text = (
        '<html><head><meta name="date" content="2025-06-01"></head><body>\n'
        f'<p title="{TITLE}">{TITLE}</p>\n<script>var s = "{TITLE}";</script>\n'
        f"<style>/* {TITLE} */</style>\n</body></html>"
    )
    diagnostics = newslint.lint_text(text, path="page.html", rulebook=rulebook)
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(2, 42, "NL202")]


def test_markup_can_be_forced(rulebook) -> None:
    text = f"<p>{TITLE}</p>"
    assert newslint.lint_text(text, markup="html", date=dt.date(2025, 6, 1), rulebook=rulebook)[0].column == 4


@pytest.mark.parametrize(
    ("text", "path", "date", "reason"),
    [
        (
            "---\ndate: 2025-02-17\n---\nText.",
            "a.md",
            dt.date(2025, 2, 17),
            "from the draft's metadata (date: 2025-02-17)",
        ),
        (
            "---\npublished: 2025-02-18T10:00:00Z\n---\nText.",
            "a.md",
            dt.date(2025, 2, 18),
            "from the draft's metadata (published: 2025-02-18)",
        ),
        (
            '<meta property="article:published_time" content="2025-02-19T08:00:00Z"><p>Text.</p>',
            "a.html",
            dt.date(2025, 2, 19),
            "from the draft's metadata (date: 2025-02-19)",
        ),
        (
            '<p>Published <time datetime="2025-02-20">Thursday</time></p>',
            "a.html",
            dt.date(2025, 2, 20),
            "from the draft's metadata (time: 2025-02-20)",
        ),
        ("Dateline: 2025-02-17\n\nText.", "a.txt", dt.date(2025, 2, 17), "from the dateline '2025-02-17'"),
        ("PARIS, Feb 17 (Reuters) - Text.", "a.txt", dt.date(2026, 2, 17), "from the dateline 'Feb 17'"),
        ("17 February 2025\n\nText.", "a.txt", dt.date(2025, 2, 17), "from the dateline '17 February 2025'"),
        (
            "Text only.\n\nOn 17 February 2025 it rained.",
            "a.txt",
            dt.date(2026, 11, 23),
            "today's date (the draft states no date)",
        ),
    ],
)
def test_draft_date(text: str, path: str, date: dt.date, reason: str) -> None:
    document = Document.from_text(text, path=path, today=dt.date(2026, 11, 23))
    assert (document.date, document.dating.reason) == (date, reason)


def test_explicit_date_wins() -> None:
    document = Document.from_text("---\ndate: 2025-02-17\n---\n", path="a.md", date=dt.date(2024, 1, 1))
    assert document.dating.reason == "given with --date"
    assert document.date == dt.date(2024, 1, 1)


def test_invalid_front_matter_is_reported(rulebook) -> None:
    diagnostics = newslint.lint_text("---\ndate: [unclosed\n---\nText.\n", path="a.md", rulebook=rulebook)
    assert [(d.code, d.message) for d in diagnostics] == [("NL003", "front matter is not valid YAML (line 2)")]


@pytest.mark.parametrize(
    ("front", "metadata"),
    [
        # flat front matter is read without YAML; anything else goes through YAML
        ("date: 2025-06-01\ntitle: Leaders meet\n", {"date": "2025-06-01", "title": "Leaders meet"}),
        ("date: '2025-06-01'\n", {"date": "2025-06-01"}),
        ("title: Leaders: meet\n", None),
        ("tags: [a, b]\ndate: 2025-06-01\n", {"tags": ["a", "b"], "date": dt.date(2025, 6, 1)}),
        ("newslint:\n  ignore: [NL501]\n", {"newslint": {"ignore": ["NL501"]}}),
        ("# a comment\ndate: 2025-06-01 # published\n", {"date": dt.date(2025, 6, 1)}),
    ],
)
def test_front_matter_with_and_without_yaml(front: str, metadata: dict | None) -> None:
    masked = mask(f"---\n{front}---\nText.\n", "markdown")
    if metadata is None:
        assert masked.metadata == {} and masked.metadata_error is not None
    else:
        assert masked.metadata == metadata and masked.metadata_error is None


@pytest.mark.parametrize("front", ["date: 2025-02-30\n", "tags: [a]\ndate: 2025-02-30\n"])
def test_impossible_front_matter_date_is_a_warning_not_a_crash(front: str, rulebook) -> None:
    diagnostics = newslint.lint_text(f"---\n{front}---\nText.\n", path="a.md", rulebook=rulebook)
    assert [d.code for d in diagnostics] == ["NL003"]
    assert "2025-02-30" in diagnostics[0].message or "out of range" in diagnostics[0].message


@pytest.mark.parametrize(
    "block",
    [
        f"- a list item\n\n  ```\n  {TITLE}\n  ```\n",
        f">     {TITLE}\n",
        f"<div>\n{TITLE}\n</div>\n",
        f"1. item\n\n       {TITLE}\n",
    ],
)
def test_code_and_html_blocks_inside_containers_are_masked(block: str, rulebook) -> None:
    text = f"---\ndate: 2025-06-01\n---\nIntro.\n\n{block}"
    assert newslint.lint_text(text, path="draft.md", rulebook=rulebook) == []


def test_a_link_reference_definition_masks_its_own_line_only(rulebook) -> None:
    text = f"---\ndate: 2025-06-01\n---\n[ref]: https://example.org/x\n\n{TITLE} spoke.\n"
    diagnostics = newslint.lint_text(text, path="draft.md", rulebook=rulebook)
    assert [(d.line, d.code) for d in diagnostics] == [(6, "NL202")]


def test_plain_markdown_does_not_load_the_markdown_parser(tmp_path) -> None:
    """Start-up: a draft with no code or HTML block is masked without importing markdown-it."""
    import subprocess
    import sys

    script = (
        "import sys, newslint\n"
        "newslint.lint_text('---\\ndate: 2025-06-01\\n---\\n# Title\\n\\nSome *prose* and `code`.\\n', path='a.md')\n"
        "print('markdown_it' in sys.modules)\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "False"


def test_fast_tokenizer_matches_the_full_one() -> None:
    from newslint.text import _tokenize_full, normalize_prose, tokenize

    samples = [
        "Ursula von der Leyen's plan, 3.5 per cent; O'Brien's ex-wife said: \"No.\"",
        "Zelenskyy's 27-nation EU _under_score_ 1,000 Jae-myung Łódź Ærø straße İstanbul",
        "Tab\tand\u00a0no-break space \u2019quoted\u2019 \u201cdouble\u201d",
    ]
    for sample in samples:
        prose = normalize_prose(sample)
        assert tokenize(prose) == _tokenize_full(prose)
    # combining marks and other numerals take the full tokenizer, which keeps them in words
    decomposed = "Jose\u0301 Marti\u0301 spoke \u00b2"
    assert [t.text for t in tokenize(decomposed)] == ["Jose\u0301", "Marti\u0301", "spoke"]
