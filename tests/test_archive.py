"""``newslint archive index`` through the real CLI: folders and JSON Lines into SQLite, bad
rows reported and counted while the rest is indexed, unchanged articles skipped, and a run
killed with SIGKILL at random points resumed with every article indexed exactly once."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, TEST_RULES, run_cli

RULES = ("--no-default-rules", "--rules", str(TEST_RULES))
WRONG = "German Chancellor Olaf Scholz flew to Kiev."
RIGHT = "German Chancellor Friedrich Merz flew to Kyiv."


def rows(database: Path, query: str) -> list[tuple]:
    with sqlite3.connect(database) as connection:
        return connection.execute(query).fetchall()


def write_jsonl(path: Path, lines: list[object]) -> None:
    path.write_bytes(b"".join((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n" for line in lines))


def test_index_folders_and_json_lines_with_bad_rows(tmp_path: Path) -> None:
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "story.md").write_text(f"---\ndate: 2025-06-01\n---\n{WRONG}\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01")
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, [
        {"id": "w1", "date": "2025-06-01", "text": WRONG},
        {"id": "w2", "date": "2025-06-01T10:00:00Z", "text": RIGHT},
        {"id": "w3", "date": "2025-06-01"},                          # no text
        {"id": "w4", "date": "last Tuesday", "text": RIGHT},         # a non-date
        b'{"id": "w5", "text": "caf\xe9"}',                          # invalid UTF-8
        b"{not json",
        {"id": "w1", "date": "2025-06-01", "text": RIGHT},           # the same id again
        {"id": "w6", "date": "2025-06-01", "text": RIGHT, "markup": "pdf"},
    ])  # fmt: skip
    database = tmp_path / "archive.db"
    result = run_cli("archive", "index", str(folder), str(feed), "--db", str(database), *RULES)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Indexed 3 articles (4 findings); 0 unchanged; 7 bad rows skipped.\n"
    assert result.stderr.splitlines() == [
        f"{folder}: binary.txt: file is binary (it contains NUL bytes)",
        f"{feed}: line 3: no text in 'text'",
        f"{feed}: line 4: 'date' is not a date: 'last Tuesday'",
        f"{feed}: line 5: not valid UTF-8 (byte 25)",
        f"{feed}: line 6: not JSON (Expecting property name enclosed in double quotes, column 2)",
        f"{feed}: w1: the same id again: only the first is indexed",
        f"{feed}: line 8: 'markup' must be markdown, html, text or xml, not 'pdf'",
    ]
    assert rows(database, "SELECT id, date, findings FROM articles ORDER BY id") == [
        ("story.md", None, 2), ("w1", "2025-06-01", 2), ("w2", "2025-06-01", 0)
    ]  # fmt: skip
    assert rows(database, "SELECT article, line, column, code FROM findings ORDER BY article, column") == [
        ("story.md", 4, 1, "NL202"), ("story.md", 4, 39, "NL501"), ("w1", 1, 1, "NL202"), ("w1", 1, 39, "NL501")
    ]  # fmt: skip
    facts = rows(database, "SELECT article, fact FROM facts ORDER BY article, fact")
    assert ("w1", "olaf-scholz") in facts and ("w1", "de-chancellor") in facts and ("w1", "kyiv") in facts
    assert ("w2", "friedrich-merz") in facts and ("w2", "kyiv") in facts  # mentioned rightly: still a mention
    assert len(rows(database, "SELECT * FROM problems")) == 7
    again = run_cli("archive", "index", str(folder), str(feed), "--db", str(database), *RULES)
    assert again.stdout == "Indexed 0 articles (0 findings); 3 unchanged; 7 bad rows skipped.\n"
    write_jsonl(feed, [{"id": "w1", "date": "2025-06-01", "text": RIGHT}, {"id": "w2", "date": "2025-06-01", "text": RIGHT}])
    changed = run_cli("archive", "index", str(feed), "--db", str(database), *RULES)
    assert changed.stdout == "Indexed 1 article (0 findings); 1 unchanged; 0 bad rows skipped.\n"
    assert rows(database, "SELECT count(*) FROM findings WHERE article = 'w1'") == [(0,)]


def test_a_broken_database_or_a_missing_source_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, [{"id": "w1", "text": RIGHT}])
    result = run_cli("archive", "index", str(feed), "--db", str(bad), *RULES)
    assert result.returncode == 2 and result.stderr.startswith(f"newslint: error: {bad}: not a usable archive database")
    missing = run_cli("archive", "index", str(tmp_path / "nowhere"), "--db", str(tmp_path / "a.db"), *RULES)
    assert missing.returncode == 2 and f"{tmp_path / 'nowhere'}: no such file or folder" in missing.stderr
    assert "Traceback" not in result.stderr + missing.stderr


def test_sigkill_at_random_points_leaves_every_article_indexed_once(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    count = 15_000
    write_jsonl(feed, [{"id": f"a{n:04}", "date": "2025-06-01", "text": (WRONG if n % 3 == 0 else RIGHT) + f" Item {n}."}
                       for n in range(count)])  # fmt: skip
    database = tmp_path / "archive.db"
    command = [sys.executable, "-m", "newslint", "archive", "index", str(feed), "--db", str(database), "--batch", "25",
               *RULES]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chance = random.Random(15)
    kills = 0
    for _ in range(8):
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(chance.uniform(0.4, 3.0))
        if process.poll() is not None:
            break
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
    assert kills >= 2, "the runs finished before they could be killed: make the archive larger"
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert rows(database, "SELECT count(*), count(DISTINCT id) FROM articles") == [(count, count)]
    # every article's findings and facts are there once: as many findings as its row says
    assert rows(database, "SELECT count(*) FROM articles a WHERE findings != "
                          "(SELECT count(*) FROM findings f WHERE f.article = a.id)") == [(0,)]  # fmt: skip
    assert rows(database, "SELECT sum(findings) FROM articles") == [(2 * len(range(0, count, 3)),)]
    assert rows(database, "SELECT count(*) FROM (SELECT article FROM facts GROUP BY article)") == [(count,)]
    assert final.stdout.endswith("unchanged; 0 bad rows skipped.\n")


def test_index_a_parquet_file_with_named_columns(tmp_path: Path) -> None:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "story_id": ["p1", "p2", "p3", "p4"],
        "published": [dt.date(2025, 6, 1), dt.date(2025, 2, 17), None, dt.date(2025, 6, 1)],
        "body": [WRONG, WRONG, RIGHT, None],
    })  # fmt: skip
    path = tmp_path / "articles.parquet"
    pq.write_table(table, path)
    database = tmp_path / "archive.db"
    result = run_cli("archive", "index", str(path), "--db", str(database), "--id-key", "story_id",
                     "--date-key", "published", "--text-key", "body", *RULES)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Indexed 3 articles (3 findings); 0 unchanged; 1 bad row skipped.\n"
    assert result.stderr == f"{path}: row 4: no text in 'body'\n"
    # p2 is dated 2025-02-17, when Scholz held the office: only its Kiev is a finding
    assert rows(database, "SELECT id, date, findings FROM articles ORDER BY id") == [
        ("p1", "2025-06-01", 2), ("p2", "2025-02-17", 1), ("p3", None, 0)
    ]  # fmt: skip


def test_recheck_checks_again_only_what_a_changed_fact_touches(tmp_path: Path) -> None:
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(TEST_RULES, rules)
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, [
        {"id": "scholz", "date": "2025-06-01", "text": "German Chancellor Olaf Scholz met reporters."},
        {"id": "macron", "date": "2025-06-01", "text": "French President Emmanuel Macron met reporters."},
        {"id": "lviv", "date": "2025-06-01", "text": "The summit in Lvov ended."},
        {"id": "plain", "date": "2025-06-01", "text": "The weather was fine."},
    ])  # fmt: skip
    database = tmp_path / "archive.db"
    mine = ("--no-default-rules", "--rules", str(rules))
    assert run_cli("archive", "index", str(feed), "--db", str(database), *mine).returncode == 0
    unchanged = run_cli("archive", "recheck", "--db", str(database), *mine)
    assert unchanged.stdout == "Rechecked 0 of 4 articles (0 facts changed): 0 new findings, 0 resolved.\n"
    # the rulebook changes: Merz took office later (so Scholz was still chancellor on 2025-06-01),
    # and a house spelling is added that a stored article uses without having mentioned it
    facts = rules / "facts.yaml"
    text = facts.read_text(encoding="utf-8").replace("2025-05-06", "2025-07-01")
    text = text.replace("style:\n", "style:\n  - id: lviv\n    use: Lviv\n    instead_of: [Lvov]\n"
                        "    source: https://en.wikipedia.org/wiki/Lviv\n", 1)  # fmt: skip
    facts.write_text(text, encoding="utf-8")
    result = run_cli("archive", "recheck", "--db", str(database), *mine)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        '+ lviv:1:15: NL501 "Lvov": house style is "Lviv"',
        '- scholz:1:1: NL202 "German Chancellor Olaf Scholz": Olaf Scholz was German Chancellor 2021-12-08 to '
        "2025-05-06; on 2025-06-01 it is Friedrich Merz (since 2025-05-06)",
        "Rechecked 2 of 4 articles (2 facts changed): 1 new finding, 1 resolved.",
    ]
    assert rows(database, "SELECT id, findings FROM articles ORDER BY id") == [
        ("lviv", 1), ("macron", 0), ("plain", 0), ("scholz", 0)
    ]  # fmt: skip
    assert rows(database, "SELECT count(DISTINCT rulebook) FROM articles") == [(1,)]
    # JSON and CSV say the same; a second recheck finds nothing left to do
    facts.write_text(text.replace("instead_of: [Lvov]", "instead_of: [Lvov, Lwow]"), encoding="utf-8")
    data = json.loads(run_cli("archive", "recheck", "--db", str(database), "--format", "json", *mine).stdout)
    assert data["changed_facts"] == ["lviv"] and data["rechecked"] == 1 and data["new"] == data["resolved"] == 0
    facts.write_text(text, encoding="utf-8")
    csv_text = run_cli("archive", "recheck", "--db", str(database), "--format", "csv", *mine).stdout
    assert csv_text == "article,change,line,column,code,message\n"
    assert run_cli("archive", "recheck", "--db", str(database), *mine).stdout.startswith("Rechecked 0 of 4")
