"""Score newslint on the accuracy corpus: recall and precision per code, from the real CLI."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DRAFT_SUFFIXES = (".md", ".txt", ".html")


class TruthError(Exception):
    """A truth file that does not point at the draft's text."""


@dataclass
class Expected:
    draft: str
    codes: tuple[str, ...]
    line: int | None
    start: int | None  # 0-based column of the wrong words on their line
    end: int | None
    text: str
    form: str
    found: bool = False


@dataclass
class Score:
    found: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    misses: list[Expected] = field(default_factory=list)
    alarms: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)


def batches(paths: list[str]) -> list[Path]:
    """The batch folders named, or every batch under eval/corpus."""
    if paths:
        return [Path(p) for p in paths]
    return sorted(p.parent for p in (HERE / "corpus").glob("*/truth.yaml"))


def load_truth(batch: Path) -> tuple[list[Expected], dict[str, list[tuple[int, str]]]]:
    """The planted errors of a batch, each located on its line, and the traps per draft."""
    raw = yaml.safe_load((batch / "truth.yaml").read_text(encoding="utf-8")) or {}
    expected: list[Expected] = []
    traps: dict[str, list[tuple[int, str]]] = {}
    drafts = {str(p.relative_to(batch)) for p in (batch / "drafts").rglob("*") if p.suffix in DRAFT_SUFFIXES}
    for name in drafts - set(raw):
        raise TruthError(f"{batch / name}: no entry in truth.yaml")
    for name, entry in raw.items():
        path = batch / name
        if not path.is_file():
            raise TruthError(f"{batch / 'truth.yaml'}: {name} does not exist")
        lines = path.read_text(encoding="utf-8").splitlines()
        entry = entry or {}
        for error in entry.get("errors") or []:
            codes = error["code"] if isinstance(error["code"], list) else [error["code"]]
            line = error.get("line")
            text = str(error.get("text", ""))
            start = end = None
            if line is not None:
                start = _locate(path, lines, line, text, error.get("column"))
                end = start + len(text)
            elif codes != ["NL003"]:
                raise TruthError(f"{path}: an error without a line: {error}")
            expected.append(Expected(name, tuple(codes), line, start, end, text, str(error.get("form", ""))))
        for trap in entry.get("traps") or []:
            _locate(path, lines, trap["line"], str(trap["text"]), trap.get("column"))
            traps.setdefault(name, []).append((trap["line"], str(trap["text"])))
    return expected, traps


def _locate(path: Path, lines: list[str], line: int, text: str, column: int | None) -> int:
    if not 1 <= line <= len(lines):
        raise TruthError(f"{path}:{line}: no such line")
    found = lines[line - 1].find(text, (column - 1) if column else 0)
    if found < 0 or (column and found != column - 1):
        raise TruthError(f"{path}:{line}: {text!r} is not on this line")
    return found


def lint(batch: Path) -> list[dict[str, Any]]:
    batch = batch.resolve()
    command = [sys.executable, "-m", "newslint", "--no-default-rules", "--rules", str(batch / "rules")]
    command += ["--isolated", "--no-cache", "--format", "json", str(batch / "drafts")]
    run = subprocess.run(command, capture_output=True, text=True, cwd=batch)
    if run.returncode not in (0, 1):
        sys.exit(f"newslint failed on {batch} (exit {run.returncode}):\n{run.stderr}")
    diagnostics: list[dict[str, Any]] = json.loads(run.stdout)
    for d in diagnostics:
        d["draft"] = str(Path(d["path"]).resolve().relative_to(batch.resolve()))
    return diagnostics


def _overlaps(diagnostic: dict[str, Any], error: Expected) -> bool:
    if error.line is None:
        return True
    assert error.start is not None and error.end is not None
    start = (diagnostic["line"], diagnostic["column"] - 1)
    end = (diagnostic["end_line"], diagnostic["end_column"] - 1)
    return start < (error.line, error.end) and (error.line, error.start) < end


def score(batch: Path, total: Score) -> None:
    expected, traps = load_truth(batch)
    for diagnostic in lint(batch):
        matches = [
            e
            for e in expected
            if e.draft == diagnostic["draft"] and diagnostic["code"] in e.codes and _overlaps(diagnostic, e)
        ]
        for error in matches:
            error.found = True
        if not matches:
            total.false[diagnostic["code"]] += 1
            on_trap = any(line == diagnostic["line"] for line, _ in traps.get(diagnostic["draft"], []))
            total.alarms.append((str(batch.name), diagnostic, "on a trap" if on_trap else ""))
    for error in expected:
        code = error.codes[0]
        if error.found:
            total.found[code] += 1
        else:
            total.missed[code] += 1
            total.misses.append(error)


def report(total: Score, verbose: bool) -> str:
    rows = ["code    found  missed  false  recall  precision"]
    codes = sorted(set(total.found) | set(total.missed) | set(total.false))
    for code in [*codes, "all"]:
        if code == "all":
            found, missed, false = (sum(c.values()) for c in (total.found, total.missed, total.false))
        else:
            found, missed, false = total.found[code], total.missed[code], total.false[code]
        recall = found / (found + missed) if found + missed else float("nan")
        precision = found / (found + false) if found + false else float("nan")
        rows.append(f"{code:<6} {found:>6} {missed:>7} {false:>6} {recall:>7.3f} {precision:>10.3f}")
    if verbose:
        rows.append("\nMissed:")
        rows += [f"  {e.draft}:{e.line}: {'/'.join(e.codes)} {e.text!r} ({e.form})" for e in total.misses]
        rows.append("\nFalse alarms:")
        rows += [
            f"  {batch}/{d['draft']}:{d['line']}:{d['column']}: {d['code']} {d['message']} {note}".rstrip()
            for batch, d, note in total.alarms
        ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("batches", nargs="*", help="batch folders (default: every batch under eval/corpus)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each miss and false alarm")
    parser.add_argument("--check-truth", action="store_true", help="only check the truth files")
    args = parser.parse_args(argv)
    total = Score()
    try:
        for batch in batches(args.batches):
            if args.check_truth:
                expected, _ = load_truth(batch)
                print(f"{batch}: {len(expected)} planted errors, truth file consistent")
            else:
                score(batch, total)
    except (TruthError, KeyError, yaml.YAMLError) as error:
        print(f"truth file error: {error}", file=sys.stderr)
        return 2
    if not args.check_truth:
        print(report(total, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
