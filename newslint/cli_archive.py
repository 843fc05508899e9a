"""``newslint archive``: audit an archive of published articles (see newslint.archive)."""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from newslint.archive import ArchiveError, IndexReport, Keys, RecheckReport, index, open_database, read_sources, recheck
from newslint.cli import EXIT_OK, EXIT_USAGE, UsageError, build_rulebook
from newslint.config import settings_for
from newslint.formatters import plural
from newslint.rulebook.cache import cache_key
from newslint.rulebook.paths import bundled_rules_dir, rule_files
from newslint.rulebook.schema import Rulebook


def archive_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslint archive", description="Audit an archive of published articles.")
    sub = parser.add_subparsers(dest="action", required=True, metavar="{index,recheck,report}")
    build = sub.add_parser("index", help="check and store articles from folders, JSON Lines and Parquet files")
    build.add_argument("sources", nargs="+", metavar="SOURCE", help="folders of drafts, .jsonl or .parquet files")
    build.add_argument("--db", required=True, metavar="PATH", help="the SQLite database (created if missing)")
    for field, default in (("id", "id"), ("date", "date"), ("text", "text"), ("markup", "markup")):
        build.add_argument(
            f"--{field}-key", default=default, metavar="NAME", help=f"the key or column of the {field} ({default})"
        )
    build.add_argument(
        "--batch", type=int, default=200, metavar="N", help="articles written per transaction (default: 200)"
    )
    build.add_argument(
        "--partition-bytes", type=int, default=8 * 1024 * 1024, metavar="N",
        help="cut JSON Lines files into parts of about N bytes, read apart (default: 8 MiB)",
    )  # fmt: skip
    build.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="read and check in N local processes (default: 1)"
    )
    build.add_argument(
        "--dask", metavar="ADDRESS", help="run on a Dask cluster: a scheduler's address, or local:N for N local workers"
    )
    build.add_argument("--rules", action="append", default=[], metavar="DIR", help="a rule folder to add (repeatable)")
    build.add_argument("--no-default-rules", action="store_true", help="do not load the bundled rulebook")
    again = sub.add_parser("recheck", help="check again the articles that mention a fact the rulebook changed")
    again.add_argument("--db", required=True, metavar="PATH", help="the archive database")
    again.add_argument("--format", choices=("text", "json", "csv"), default="text")
    again.add_argument("--dask", metavar="ADDRESS", help="check on a Dask cluster: a scheduler's address, or local:N")
    again.add_argument("--rules", action="append", default=[], metavar="DIR", help="a rule folder to add (repeatable)")
    again.add_argument("--no-default-rules", action="store_true", help="do not load the bundled rulebook")
    show = sub.add_parser("report", help="findings per code and month, top facts, and the articles, as a page")
    show.add_argument("--db", required=True, metavar="PATH", help="the archive database")
    show.add_argument("--html", metavar="OUT", help="write the page here")
    show.add_argument("--format", choices=("csv", "json"), help="print the same data instead")
    return parser


def main(argv: Sequence[str]) -> int:
    args = archive_parser().parse_args(list(argv))
    run = {"index": run_index, "recheck": run_recheck, "report": run_report}[args.action]
    try:
        return run(args)
    except ArchiveError as error:
        print(f"newslint: error: {error}", file=sys.stderr)
        return EXIT_USAGE


T = TypeVar("T")


def _on_database(path: str, job: Callable[[sqlite3.Connection], T], must_exist: bool = True) -> T:
    """Run ``job`` on the archive database, closed afterwards."""
    if must_exist and not Path(path).is_file():
        raise ArchiveError(f"{path}: no such archive database")
    connection = open_database(path)
    try:
        return job(connection)
    finally:
        connection.close()


def run_report(args: argparse.Namespace) -> int:
    from newslint.archive_report import as_csv, as_html, as_json, summarize
    from newslint.fix import write_atomically

    if not args.html and not args.format:
        raise UsageError("say where the report goes: --html OUT, or --format csv|json")
    summary = _on_database(args.db, summarize)
    if args.format:
        sys.stdout.write(as_csv(summary) if args.format == "csv" else as_json(summary))
    if args.html:
        try:
            write_atomically(args.html, as_html(summary).encode("utf-8"))
        except OSError as error:
            print(f"newslint: error: cannot write {args.html}: {error.strerror or error}", file=sys.stderr)
            return EXIT_USAGE
    return EXIT_OK


def _rules(args: argparse.Namespace) -> tuple[list[str], Rulebook, str]:
    paths = ([str(bundled_rules_dir())] if not args.no_default_rules else []) + list(args.rules)
    if not paths:
        raise UsageError("no rules: --no-default-rules needs at least one --rules DIR")
    rulebook = build_rulebook(args.rules, not args.no_default_rules, True)
    return paths, rulebook, cache_key(rule_files(paths)) or "unknown"


def run_recheck(args: argparse.Namespace) -> int:
    paths, rulebook, key = _rules(args)

    def job(connection: sqlite3.Connection) -> RecheckReport:
        if args.dask:
            from newslint.archive_dask import recheck_on_dask

            return recheck_on_dask(connection, rulebook, key, settings_for("."), paths, args.dask, 200)
        return recheck(connection, rulebook, key, settings_for("."), paths)

    report = _on_database(args.db, job)
    if args.format == "json":
        data = {
            "changed_facts": report.changed_facts,
            "rechecked": report.rechecked,
            "articles_in_archive": report.total,
            "new": report.new,
            "resolved": report.resolved,
            "articles": [
                {"id": a.id, "new": [vars(f) for f in a.new], "resolved": [vars(f) for f in a.resolved]}
                for a in report.articles
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["article", "change", "line", "column", "code", "message"])
        for change in report.articles:
            for sign, items in (("new", change.new), ("resolved", change.resolved)):
                for f in items:
                    writer.writerow([change.id, sign, f.line, f.column, f.code, f.message])
        return EXIT_OK
    for change in report.articles:
        for f in change.new:
            print(f"+ {change.id}:{f}")
        for f in change.resolved:
            print(f"- {change.id}:{f}")
    print(
        f"Rechecked {report.rechecked} of {plural(report.total, 'article')} "
        f"({plural(len(report.changed_facts), 'fact')} changed): "
        f"{plural(report.new, 'new finding')}, {report.resolved} resolved."
    )
    return EXIT_OK


def run_index(args: argparse.Namespace) -> int:
    paths, rulebook, key = _rules(args)
    keys = Keys(args.id_key, args.date_key, args.text_key, args.markup_key)

    def job(connection: sqlite3.Connection) -> IndexReport:
        settings, batch = settings_for("."), max(1, args.batch)
        if args.dask:
            from newslint.archive_dask import index_on_dask

            return index_on_dask(connection, args.sources, keys, rulebook, key, settings, args.dask, batch, paths,
                                 args.partition_bytes)  # fmt: skip
        if args.jobs > 1:
            from newslint.archive_dask import index_with_processes

            return index_with_processes(connection, args.sources, keys, rulebook, key, settings, args.jobs, batch,
                                        paths, args.partition_bytes)  # fmt: skip
        articles = read_sources(args.sources, keys, args.partition_bytes)
        return index(connection, articles, rulebook, key, settings, batch, paths)

    report = _on_database(args.db, job, must_exist=False)
    for bad in report.bad:
        print(f"{bad.source}: {bad.row}: {bad.message}", file=sys.stderr)
    print(
        f"Indexed {plural(report.indexed, 'article')} ({plural(report.findings, 'finding')}); "
        f"{report.unchanged} unchanged; {plural(len(report.bad), 'bad row')} skipped."
    )
    return EXIT_OK
