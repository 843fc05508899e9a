"""``newslint rules``: check, import, review and compare rule folders."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from newslint.cli import EXIT_FINDINGS, EXIT_OK, UsageError, _date, build_rulebook
from newslint.formatters import plural
from newslint.rulebook.schema import Rulebook

if TYPE_CHECKING:
    from newslint.wikidata.results import Results

_DURATION = regex.compile(r"^(\d+)\s*([dwy]?)$")


def _duration(value: str) -> dt.timedelta:
    match = _DURATION.match(value.strip().lower())
    if match is None:
        raise argparse.ArgumentTypeError(f"'{value}' is not a duration such as 90d, 12w or 1y")
    number, unit = int(match[1]), match[2] or "d"
    return dt.timedelta(days=number * {"d": 1, "w": 7, "y": 365}[unit])


def _rulebook_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dirs", nargs="*", metavar="DIR", help="rule folders or files (default: the bundled rulebook)")
    parser.add_argument("--no-default-rules", action="store_true", help="use DIRs alone, without the bundled rulebook")


def rules_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslint rules", description="Work with rule files.")
    sub = parser.add_subparsers(dest="action", required=True, metavar="{check,import,stale,diff,stats}")
    check = sub.add_parser("check", help="validate rule files and run their examples")
    _rulebook_options(check)

    imports = sub.add_parser("import", help="seed or update rule files from Wikidata or congress-legislators")
    imports.add_argument("source", choices=("wikidata", "congress-legislators"), help="where the facts come from")
    imports.add_argument(
        "--data", metavar="DIR",
        help="congress-legislators: the folder with legislators-current.yaml and executive.yaml",
    )
    what = imports.add_mutually_exclusive_group()
    what.add_argument("--heads", nargs="+", metavar="QID", help="heads of state and of government of these countries")
    what.add_argument("--members", nargs="+", metavar="QID", help="positions held in these cabinets or bodies")
    what.add_argument("--position", nargs="+", metavar="QID", help="the holders of these positions")
    imports.add_argument("--results", metavar="FILE", help="read saved SPARQL JSON results instead of querying")
    imports.add_argument("--out", metavar="DIR", help="the rule folder to write to or merge into")
    imports.add_argument("--apply", action="store_true", help="write the changes (without it, only show them)")
    imports.add_argument("--print-query", action="store_true", help="print the SPARQL query and stop")
    imports.add_argument("--save-results", metavar="FILE", help="also save the query's results to FILE")
    imports.add_argument("--language", default="en", help="the language of names and titles (default: en)")
    imports.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="the as_of of imported offices (default: today)"
    )
    imports.add_argument(
        "--since", type=_date, metavar="YYYY-MM-DD", help="leave out terms that ended before this date"
    )
    imports.add_argument("--endpoint", default=None, metavar="URL", help="the SPARQL endpoint (default: Wikidata's)")
    imports.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="give up after (default: 60)")

    stale = sub.add_parser("stale", help="list offices whose facts are older than a limit")
    _rulebook_options(stale)
    stale.add_argument("--older-than", type=_duration, default=_duration("90d"), metavar="AGE", help="90d, 12w, 1y")
    stale.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="measure ages from this date (default: today)")

    diff = sub.add_parser("diff", help="what changed in the facts between two rule folders or git revisions")
    diff.add_argument("old", metavar="OLD", help="a rule folder, a git revision (REV) or REV:PATH")
    diff.add_argument("new", metavar="NEW", help="a rule folder, a git revision (REV) or REV:PATH")
    diff.add_argument(
        "--path", default="rules", metavar="DIR", help="the rule folder a bare REV means (default: rules)"
    )

    stats = sub.add_parser("stats", help="how many facts the rulebook holds, per file and per jurisdiction")
    _rulebook_options(stats)
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--sources", action="store_true", help="also list the sites the sources cite, with counts")
    return parser


def main(argv: Sequence[str]) -> int:
    args = rules_parser().parse_args(argv)
    return {"check": run_check, "import": run_import, "stale": run_stale, "diff": run_diff, "stats": run_stats}[
        args.action
    ](args)


def _rulebook(args: argparse.Namespace) -> Rulebook:
    return build_rulebook(args.dirs, not args.no_default_rules or not args.dirs)


def run_check(args: argparse.Namespace) -> int:
    from newslint.rulebook.examples import run_examples

    rulebook = _rulebook(args)
    failures = run_examples(rulebook)
    for failure in failures:
        print(failure)
    total = len(rulebook.examples())
    counts = (
        f"{len(rulebook.people)} people, {len(rulebook.offices)} offices, {len(rulebook.events)} events, "
        f"{len(rulebook.counts)} counts, {len(rulebook.style)} style entries in {len(rulebook.files)} files"
    )
    if failures:
        print(f"{len(failures)} of {total} examples failed ({counts}).")
        return EXIT_FINDINGS
    print(f"Rulebook valid: {counts}; all {total} examples hold.")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    """Read results (a file or the query service), plan the changes to --out, apply them if asked."""
    from newslint.rulebook.loader import load_rulebook
    from newslint.rulebook.paths import rule_files
    from newslint.wikidata.convert import Existing, convert
    from newslint.wikidata.merge import plan

    if args.source == "congress-legislators":
        return _import_congress(args)
    query = _query(args)
    if args.print_query:
        sys.stdout.write(query or "")
        return EXIT_OK
    if args.out is None:
        raise UsageError("name the rule folder to write to with --out DIR")
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {folder} is not a folder")
    results, origin = _results(args, query)
    book = load_rulebook([folder]) if folder.is_dir() and rule_files([folder]) else Rulebook()
    as_of = args.as_of or dt.date.today()
    existing = Existing(book, folder)
    imported = convert(results, as_of, existing, args.since, args.language)
    proposed = plan(imported, existing)
    holders = sum(len(office.holders) for office in imported.offices.values())
    print(
        f"Read {len(results.holdings)} statements from {origin}: {len(imported.people)} people, "
        f"{len(imported.offices)} offices with {holders} holders."
    )
    _print_section(
        f"Data problems ({len(imported.problems)}; entries the import adds carry them as note:):", imported.problems
    )
    if proposed.changes:
        _print_section(f"Changes to {folder} ({len(proposed.changes)}):", proposed.changes)
    else:
        print(f"\n{folder} is up to date.")
    _print_section(f"Locked, left as they are ({len(proposed.locked)}):", proposed.locked)
    if not proposed.changes:
        return EXIT_OK
    heading = (
        f"Imported from Wikidata by 'newslint rules import wikidata' on {as_of.isoformat()}.\n"
        "Review every fact before relying on it: gaps in the data are in the note: fields."
    )
    return _write_plan(args, folder, imported, existing, proposed, heading)


def _write_plan(args, folder: Path, imported, existing, proposed, heading: str, beside: Sequence[Path] = ()) -> int:
    """Render the plan into the folder's files, and write them when --apply is given (checked to
    load together with the rule files ``beside``, which the import may refer to)."""
    from newslint.wikidata.merge import render

    texts = render(imported, existing, proposed, heading)
    if not args.apply:
        print(f"\nNothing written: run again with --apply to write {plural(len(texts), 'file')}.")
        return EXIT_FINDINGS if proposed.fact_changes else EXIT_OK
    from newslint.rulebook.writer import write_validated

    try:
        write_validated(folder, texts, beside)
    except OSError as error:
        raise UsageError(f"cannot write to {folder}: {error}") from None
    print(f"\nWrote {plural(len(texts), 'file')} in {folder}.")
    return EXIT_OK


def _import_congress(args: argparse.Namespace) -> int:
    """Every current member of Congress from the congress-legislators data set, merged into --out
    (a rule folder; people already in the bundled rulebook outside it are referred to)."""
    from newslint.congress import FOLDER, DataError, convert, read_executive, read_legislators
    from newslint.rulebook.loader import display_path, load_rulebook
    from newslint.rulebook.paths import bundled_rules_dir, rule_files
    from newslint.wikidata.convert import Existing
    from newslint.wikidata.merge import plan

    if args.data is None or args.out is None:
        raise UsageError("name the data set folder with --data DIR and the rule folder with --out DIR")
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {folder} is not a folder")
    try:
        legislators = read_legislators(Path(args.data))
        executive = read_executive(Path(args.data))
    except DataError as error:
        raise UsageError(str(error)) from None
    congress = folder / FOLDER
    # The people the import may refer to: the rest of the target folder when it is a rulebook
    # (the bundled rules, or a copy), else the bundled rules; never what the import writes.
    def outside_congress(base: Path) -> list[Path]:
        return [p for p in rule_files([base]) if FOLDER not in p.relative_to(base).parts[:-1]]

    inside_folder = outside_congress(folder) if folder.is_dir() else []
    others = inside_folder or outside_congress(bundled_rules_dir())
    imported_files = rule_files([congress]) if congress.is_dir() else []
    # The rest of the rulebook may name the states and members (a governor who was a senator):
    # a fresh import reads the bundled Congress files beside it to load, and then ignores them.
    bundled_congress = [] if imported_files or inside_folder else rule_files([bundled_rules_dir() / FOLDER])
    # one load, since each side may name the other's people and parties; then split
    loaded = [*others, *imported_files, *bundled_congress]
    everything = load_rulebook(loaded) if loaded else Rulebook()
    inside = {str(p) for p in imported_files} | {display_path(p) for p in imported_files}
    ignored = {str(p) for p in bundled_congress} | {display_path(p) for p in bundled_congress}
    known, book = Rulebook(), Rulebook()
    for table in ("jurisdictions", "people", "offices", "parties"):
        for fact_id, fact in getattr(everything, table).items():
            if fact.location.path not in ignored:
                getattr(book if fact.location.path in inside else known, table)[fact_id] = fact
    as_of = args.as_of or dt.date.today()
    existing = Existing(book, folder)
    facts = convert(legislators, as_of, known, book, executive)
    proposed = plan(facts, existing)
    holders = sum(len(office.holders) for office in facts.offices.values())
    print(
        f"Read {len(legislators)} legislators and {len(executive)} presidents and vice presidents from "
        f"{args.data}: {len(facts.people)} people, "
        f"{len(facts.offices)} offices with {holders} holders."
    )
    if not proposed.changes:
        print(f"{folder} is up to date.")
        return EXIT_OK
    _print_section(f"Changes to {folder} ({len(proposed.changes)}):", proposed.changes)
    _print_section(f"Locked, left as they are ({len(proposed.locked)}):", proposed.locked)
    heading = (
        f"Imported from the congress-legislators data set by 'newslint rules import congress-legislators'\n"
        f"on {as_of.isoformat()}. A current term's scheduled end is written once it has passed."
    )
    return _write_plan(args, folder, facts, existing, proposed, heading, beside=[] if inside_folder else others)


def _query(args: argparse.Namespace) -> str | None:
    """The SPARQL text asked for with --heads, --members or --position (None with --results alone)."""
    from newslint.wikidata.queries import QueryError, build_query

    kind = next((k for k in ("heads", "members", "position") if getattr(args, k)), None)
    if kind is None:
        if args.print_query or args.results is None:
            raise UsageError(
                "say what to import: --heads, --members or --position with Wikidata ids, or --results FILE"
            )
        return None
    try:
        return build_query(kind, getattr(args, kind), args.language)
    except QueryError as error:
        raise UsageError(str(error)) from None


def _results(args: argparse.Namespace, query: str | None) -> tuple[Results, str]:
    """The parsed results of a saved file, or of the query sent to the query service."""
    from newslint.wikidata.endpoint import EndpointError, fetch
    from newslint.wikidata.queries import ENDPOINT
    from newslint.wikidata.results import ResultsError, read_results

    if args.results is not None:
        origin = args.results
        try:
            text = Path(args.results).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read {args.results}: {error}") from None
    else:
        assert query is not None
        origin = args.endpoint or ENDPOINT
        try:
            text = fetch(query, origin, args.timeout)
        except EndpointError as error:
            raise UsageError(str(error)) from None
        if args.save_results:
            try:
                Path(args.save_results).write_text(text, encoding="utf-8")
            except OSError as error:
                raise UsageError(f"cannot save the results to {args.save_results}: {error}") from None
    try:
        return read_results(text, origin), origin
    except ResultsError as error:
        raise UsageError(str(error)) from None


def _print_section(heading: str, lines: Sequence[object]) -> None:
    if lines:
        print(f"\n{heading}")
        for line in lines:
            print(f"  {line}")


def run_stale(args: argparse.Namespace) -> int:
    from newslint.rulebook.review import stale_offices

    rulebook = _rulebook(args)
    today = args.date or dt.date.today()
    found = stale_offices(rulebook, today, args.older_than)
    for item in found:
        office, last = item.office, item.last_holder
        holder = "no holders"
        if last is not None:
            person = rulebook.people.get(last.person)
            holder = f"last holder {person.name if person else last.person} {last.describe()}"
        print(
            f"{office.location}: {office.id} verified to {office.as_of.isoformat()} "
            f"({item.age_days} days before {today.isoformat()}); {holder}"
        )
    days = args.older_than.days
    if found:
        print(f"{len(found)} of {len(rulebook.offices)} offices were last verified more than {days} days ago.")
        return EXIT_FINDINGS
    print(f"All {len(rulebook.offices)} offices were verified within {days} days of {today.isoformat()}.")
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    from newslint.rulebook.compare import compare
    from newslint.rulebook.revisions import RevisionError, load_side

    try:
        old, new = load_side(args.old, args.path), load_side(args.new, args.path)
    except RevisionError as error:
        raise UsageError(str(error)) from None
    changes = compare(old, new)
    for change in changes:
        print(change)
    facts = len({(change.kind, change.fact) for change in changes})
    print(f"{plural(len(changes), 'change')} in {plural(facts, 'fact')}." if changes else "No facts changed.")
    return EXIT_FINDINGS if changes else EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    from newslint.rulebook.review import rulebook_stats

    rulebook = _rulebook(args)
    stats = rulebook_stats(rulebook)
    if args.format == "json":
        data = {
            "total": dict(zip(stats.columns, stats.total.row(), strict=True)),
            "files": {name: dict(zip(stats.columns, t.row(), strict=True)) for name, t in sorted(stats.files.items())},
            "jurisdictions": {
                name: dict(zip(stats.columns, t.row(), strict=True)) for name, t in sorted(stats.jurisdictions.items())
            },
            "jurisdictions_with_heads_of_state_and_government": stats.with_both_heads,
            "jurisdictions_without_source": stats.without_source,
            "facts_without_examples": stats.without_examples,
            "source_domains": dict(stats.source_domains.most_common()),
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    for heading, tallies in (("file", stats.files), ("jurisdiction", stats.jurisdictions)):
        width = max([len(heading), *map(len, tallies)])
        print(f"{heading:<{width}}  " + "  ".join(f"{column:>7}" for column in stats.columns))
        for name, tally in sorted(tallies.items()):
            print(f"{name:<{width}}  " + "  ".join(f"{value:>7}" for value in tally.row()))
        print(f"{'total':<{width}}  " + "  ".join(f"{value:>7}" for value in stats.total.row()))
        print()
    lacking = sorted(place for place in stats.heads if place not in stats.with_both_heads)
    print(
        f"Jurisdictions with their head of state and head of government (offices marked 'head:'): "
        f"{len(stats.with_both_heads)}" + (f"; with only one of them: {', '.join(lacking)}." if lacking else ".")
    )
    print(
        "Every person, office, event, count and style entry has a source (the loader requires one); "
        f"jurisdictions without a source: {len(stats.without_source)} of {len(rulebook.jurisdictions)}."
    )
    facts = sum(len(table) for table in (rulebook.people, rulebook.offices, rulebook.events, rulebook.counts))
    facts += len(rulebook.style)
    print(f"Facts without examples: {len(stats.without_examples)} of {facts}.")
    cited = sum(stats.source_domains.values())
    print(f"Sources cited: {cited} on {len(stats.source_domains)} sites" + (":" if args.sources else "."))
    if args.sources:
        for domain, count in stats.source_domains.most_common():
            print(f"{count:>7}  {domain}")
    return EXIT_OK
