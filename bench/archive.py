"""The archive audit at scale: index throughput, database size, and recheck after one fact.

    .venv/bin/python bench/archive.py --articles 200000 --data /tmp/bench-data --out /tmp/nl-archive

Uses the N = 10,000 data set of bench/generate.py (generated when missing): its drafts, with
their planted errors, are repeated as ARTICLES JSON Lines rows (a unique id each, the draft's
own date), checked against its rulebook. Times, each a fresh database:

- index with one process, with ``-j 2``, and with a two-worker LocalCluster (``--dask local:2``);
- the database's size;
- recheck after one person's birth date changes, the person chosen among those mentioned by
  about 1 % of the articles, against a full re-run (a new index of the whole archive).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--data", type=Path, default=HERE / ".data")
    parser.add_argument("--out", type=Path, required=True, help="a scratch folder (emptied)")
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster run")
    args = parser.parse_args(argv)
    data = args.data / "10000"
    if not (data / "corpus").is_dir():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--people", "10000", "--out", str(data)], check=True)
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    drafts = sorted((data / "corpus").iterdir())
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in drafts]
    feed = args.out / "archive.jsonl"
    with feed.open("w", encoding="utf-8") as stream:
        for number in range(args.articles):
            name, text = texts[number % len(texts)]
            stream.write(json.dumps({"id": f"{number:07}-{name}", "text": text}) + "\n")
    rules = args.out / "rules"
    shutil.copytree(data / "rules", rules)
    newslint = [sys.executable, "-m", "newslint", "archive"]
    mine = ["--no-default-rules", "--rules", str(rules)]
    rows = []
    one = args.out / "one.db"
    rows.append(("index, one process", run([*newslint, "index", str(feed), "--db", str(one), *mine])))
    pooled = args.out / "pool.db"
    rows.append(("index, -j 2", run([*newslint, "index", str(feed), "--db", str(pooled), "-j", "2", *mine])))
    if not args.no_dask:
        cluster = args.out / "cluster.db"
        command = [*newslint, "index", str(feed), "--db", str(cluster), "--dask", "local:2", *mine]
        rows.append(("index, LocalCluster of 2 workers", run(command)))
    size_mb = one.stat().st_size / 1e6
    with sqlite3.connect(one) as connection:
        total = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        people = connection.execute(
            "SELECT fact, count(*) AS n FROM facts WHERE fact LIKE 'p-%' GROUP BY fact "
            "ORDER BY abs(n - ?) LIMIT 50", (total // 100,)
        ).fetchall()  # fmt: skip
    changed = None
    for person, mentions in people:
        for file in rules.rglob("*.yaml"):
            text = file.read_text(encoding="utf-8")
            # the generator writes one person a line: {id: p-1, name: ..., born: 1977-07-07, ...}
            match = re.search(rf"id: {re.escape(person)},[^\n]*? born: (\d{{4}})-", text)
            if match:
                year = int(match.group(1))
                text = text[: match.start(1)] + str(year - 1) + text[match.end(1) :]
                file.write_text(text, encoding="utf-8")
                changed = (person, mentions)
                break
        if changed:
            break
    if changed is None:
        print("no person with a birth date among the candidates", file=sys.stderr)
        return 1
    recheck = run([*newslint, "recheck", "--db", str(one), *mine])
    full = run([*newslint, "index", str(feed), "--db", str(args.out / "full.db"), *mine])
    megabytes = feed.stat().st_size / 1e6
    print(f"{total:,} articles, {megabytes:,.0f} MB of JSON Lines; database {size_mb:,.0f} MB")
    print("| run | seconds | articles/s | MB/s |")
    print("|:--|--:|--:|--:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.1f} | {total / seconds:,.0f} | {megabytes / seconds:.2f} |")
    share = 100 * changed[1] / total
    label = f"recheck: {changed[0]}'s birth year, mentioned by {changed[1]:,} articles ({share:.2f} %)"
    print(f"| {label} | {recheck:.1f} | | |")
    print(f"| full re-run (a new index) | {full:.1f} | {total / full:,.0f} | {megabytes / full:.2f} |")
    print(f"\nrecheck speed-up: {full / recheck:.1f} times faster than a full re-run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
