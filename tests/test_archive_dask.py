"""``newslint archive index --dask local:2`` (a LocalCluster of two worker processes) and
``-j 2`` (two local processes) read the partitions and check the articles; the database they
leave is the one-process run's, row for row (articles, facts, findings and bad rows). Cutting
the sources into small parts changes nothing either."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import TEST_RULES, run_cli

pytest.importorskip("distributed")
RULES = ("--no-default-rules", "--rules", str(TEST_RULES))


def dump(database: Path) -> list[list[tuple]]:
    queries = (
        "SELECT id, source, date, markup, hash, rulebook, findings, checked_on FROM articles",
        "SELECT article, fact FROM facts",
        "SELECT article, line, column, end_line, end_column, code, severity, message, fact, rulebook FROM findings",
        "SELECT source, row, message FROM problems",
    )
    with sqlite3.connect(database) as connection:
        return [sorted(connection.execute(query).fetchall()) for query in queries]


@pytest.fixture
def sources(tmp_path: Path) -> list[str]:
    feed = tmp_path / "feed.jsonl"
    lines = []
    for n in range(400):
        text = ("German Chancellor Olaf Scholz flew to Kiev." if n % 4 == 0 else "Talks went on in Kyiv.") + f" Item {n}."
        lines.append(json.dumps({"id": f"w{n:03}", "date": "2025-06-01", "text": text}))
    lines[57] = '{"id": "w057", "text": '  # a broken row
    lines[123] = json.dumps({"id": "w001", "date": "2025-06-01", "text": "The same id again."})
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "a.md").write_text("---\ndate: 2025-02-17\n---\nGerman Chancellor Olaf Scholz met reporters.\n")
    (folder / "b.md").write_text("---\ndate: 2025-06-01\n---\nFormer US President Donald Trump spoke.\n")
    return [str(feed), str(folder)]


def test_a_two_worker_cluster_gives_the_same_rows(sources: list[str], tmp_path: Path) -> None:
    one = tmp_path / "one.db"
    single = run_cli("archive", "index", *sources, "--db", str(one), *RULES)
    assert single.returncode == 0, single.stderr
    small = tmp_path / "small-parts.db"
    parted = run_cli("archive", "index", *sources, "--db", str(small), "--partition-bytes", "2000", *RULES)
    assert parted.stdout == single.stdout and parted.stderr == single.stderr
    assert dump(small) == dump(one)
    pooled = tmp_path / "pool.db"
    two = run_cli("archive", "index", *sources, "--db", str(pooled), "-j", "2", "--partition-bytes", "2000", *RULES)
    assert two.stdout == single.stdout and two.stderr == single.stderr
    assert dump(pooled) == dump(one)
    cluster = tmp_path / "cluster.db"
    result = run_cli("archive", "index", *sources, "--db", str(cluster), "--dask", "local:2", "--partition-bytes",
                     "2000", "--batch", "30", *RULES, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == single.stdout == "Indexed 400 articles (201 findings); 0 unchanged; 2 bad rows skipped.\n"
    assert [line for line in result.stderr.splitlines() if line.startswith(sources[0])] == single.stderr.splitlines()
    rows = dump(cluster)
    assert rows == dump(one)
    assert len(rows[0]) == 400 and len(rows[3]) == 2
    again = run_cli("archive", "index", *sources, "--db", str(cluster), "--dask", "local:2", *RULES, timeout=300)
    assert again.stdout == "Indexed 0 articles (0 findings); 400 unchanged; 2 bad rows skipped.\n"


def test_a_scheduler_that_cannot_be_reached_is_a_clear_error(sources: list[str], tmp_path: Path) -> None:
    result = run_cli("archive", "index", *sources, "--db", str(tmp_path / "x.db"), "--dask", "tcp://127.0.0.1:9",
                     *RULES, timeout=120)  # fmt: skip
    assert result.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr


def test_recheck_on_the_cluster_gives_the_same_rows(sources: list[str], tmp_path: Path) -> None:
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(TEST_RULES, rules)
    mine = ("--no-default-rules", "--rules", str(rules))
    for name in ("one.db", "cluster.db"):
        assert run_cli("archive", "index", *sources, "--db", str(tmp_path / name), *mine).returncode == 0
    facts = rules / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("2025-05-06", "2025-07-01"), encoding="utf-8")
    single = run_cli("archive", "recheck", "--db", str(tmp_path / "one.db"), *mine)
    cluster = run_cli("archive", "recheck", "--db", str(tmp_path / "cluster.db"), "--dask", "local:2", *mine,
                      timeout=300)  # fmt: skip
    assert cluster.returncode == 0, cluster.stderr
    assert cluster.stdout == single.stdout
    assert single.stdout.splitlines()[-1] == "Rechecked 101 of 400 articles (1 fact changed): 0 new findings, 100 resolved."
    assert dump(tmp_path / "cluster.db") == dump(tmp_path / "one.db")
