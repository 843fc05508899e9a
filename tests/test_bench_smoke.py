"""Smoke test of the benchmark suite: the generator and the runner work at N = 100.

Benchmarks are never part of the test suite; this only checks that `bench/run.py --quick`
generates a valid data set and prints its table, with no npm and no network.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import newslint

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_generator_writes_a_loadable_rulebook_and_a_truth_file(tmp_path: Path) -> None:
    out = tmp_path / "data"
    command = [sys.executable, str(BENCH / "generate.py"), "--people", "100", "--out", str(out)]
    command += ["--corpus-bytes", "20000", "--files", "5", "--big-bytes", "20000", "--lsp-lines", "50"]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    rulebook = newslint.load_rulebook([out / "rules"])
    assert len(rulebook.people) == 100
    assert rulebook.offices and rulebook.style
    truth = [json.loads(line) for line in (out / "truth.jsonl").read_text("utf-8").splitlines()]
    assert {"file", "line", "column", "code", "wrong", "right"} <= set(truth[0])
    assert any(entry["code"] == "NL101" for entry in truth)
    for entry in truth:  # every injected error is where the truth file says
        line = (out / entry["file"]).read_text("utf-8").split("\n")[entry["line"] - 1]
        assert line[entry["column"] - 1 :].startswith(entry["wrong"])
    assert len(list((out / "corpus").iterdir())) == 5
    assert "rules:" in (out / "prh.yml").read_text("utf-8")


def test_runner_prints_the_table_with_recall_and_precision(tmp_path: Path) -> None:
    results = tmp_path / "rows.json"
    command = [
        sys.executable,
        str(BENCH / "run.py"),
        "--quick",
        "--data",
        str(tmp_path / "data"),
        "--json",
        str(results),
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("tool"))
    for column in ("cold s", "warm s", "corpus s", "MB/s", "files/s", "big s", "peak MB", "NL101 R", "NL101 P"):
        assert column in header
    row = next(line for line in lines if line.split()[:2] == ["newslint", "100"])  # N = 100, not a peak of 100 MB
    start = header.index("NL101 R")
    assert row[start : start + len("NL101 R")].strip() != "-"  # recall is in the table
    measured = next(r for r in json.loads(results.read_text()) if r["people"] == 100)
    assert 0.0 <= measured["recall"] <= 1.0 and 0.0 <= measured["precision"] <= 1.0
    assert measured["corpus"] > 0 and measured["warm"] > 0 and measured["peak_mb"] > 0
